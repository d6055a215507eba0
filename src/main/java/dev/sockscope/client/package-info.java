/**
 * The WebSocket client: opens TCP and TLS itself (so timings, the peer chain and the exact
 * failure are ours), records the upgrade as it went over the wire, and adapts Java-WebSocket's
 * callbacks into {@code core} session events. Java-WebSocket is imported here and nowhere else.
 *
 * <p>May import {@code core}, {@code codec} and {@code tls}.
 */
package dev.sockscope.client;
