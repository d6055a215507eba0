/**
 * The handshake pane of any connection: the upgrade request and response as they crossed the wire
 * (a header list or raw text), derived facts, the step timings as a waterfall, and copy as text or
 * curl. Follows a {@code ui.model.ConnectionModel}; imports {@code core}, {@code ui.model} and
 * {@code ui.common}, besides JavaFX and its UI libraries.
 */
package dev.sockscope.ui.handshake;
