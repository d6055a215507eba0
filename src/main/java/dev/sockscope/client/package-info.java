/**
 * The WebSocket client: opens TCP and TLS itself (so timings, the peer chain and the exact
 * failure are ours), then hands the socket to Java-WebSocket, which runs the protocol. A tap on
 * that socket reads every byte both ways with our {@code codec}, so the frames published are the
 * ones that crossed the wire (fragments, RSV bits, mask keys), not the library's reassembled
 * copies, and a protocol error is named and closed with its code in our words. Java-WebSocket is
 * imported here and nowhere else.
 *
 * <p>May import {@code core}, {@code codec} and {@code tls}.
 */
package dev.sockscope.client;
