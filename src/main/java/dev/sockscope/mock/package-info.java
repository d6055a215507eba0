/**
 * A recording served as a WebSocket server: {@link dev.sockscope.mock.MockServer} accepts clients on
 * a local port (plain or TLS), answers their upgrade with the recorded subprotocol and plays a
 * {@link dev.sockscope.replay.MockScript} to each, one thread per client with blocking sockets (a
 * mock has a handful of clients; see ADR 0011). Frames are read and written with our codec and
 * published on the event channel like any connection's, so every mock connection is recorded.
 *
 * <p>May import {@code core}, {@code codec}, {@code replay} and {@code diff}.
 */
package dev.sockscope.mock;
