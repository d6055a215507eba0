package dev.sockscope.core;

/**
 * What one leg of a connection was, as it happened on the wire: the upgrade as sent and
 * received, the TLS session with the peer's chain (null on ws://), the peer's address and the
 * time each step of opening it took.
 *
 * @param peer the address connected to or accepted from, "ip:port"; empty when not known
 */
public record LegInfo(Handshake handshake, TlsInfo tls, String peer, Timings timings) {
    public LegInfo {
        handshake = handshake == null ? new Handshake("", "", null) : handshake;
        peer = peer == null ? "" : peer;
        timings = timings == null ? Timings.NONE : timings;
    }
}
