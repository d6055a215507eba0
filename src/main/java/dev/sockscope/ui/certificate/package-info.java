/**
 * The certificate view of any connection: the TLS session, the chain as a tree, every field of each
 * certificate, and the verdict with its reasons, worked out in the background. Follows a
 * {@code ui.model.ConnectionModel}; trusting a leaf is whatever its owner offers (a tab), or nothing.
 */
package dev.sockscope.ui.certificate;
