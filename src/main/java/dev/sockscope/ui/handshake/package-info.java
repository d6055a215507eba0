/**
 * The handshake pane of a connection tab: the upgrade request and response as they crossed the
 * wire (a header list or raw text), derived facts, the step timings as a waterfall, and copy as
 * text or curl. Imports {@code core} and the connection tab's model, besides JavaFX and its UI
 * libraries.
 */
package dev.sockscope.ui.handshake;
