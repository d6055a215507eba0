package dev.sockscope.core;

import java.util.List;

/**
 * The TLS session of a connection as it was negotiated: protocol, suite, ALPN, SNI, resumption,
 * the peer's address, and the peer's chain as DER bytes, leaf first. Captured during the
 * handshake, so it is there even when the chain was refused.
 *
 * @param alpn the negotiated application protocol, empty when none
 * @param peerAddress the IP address and port connected to, e.g. "127.0.0.1:8443"
 */
public record TlsInfo(String protocol, String cipherSuite, String alpn, String sniHost, boolean resumed,
        String peerAddress, List<byte[]> chainDer) {
    public TlsInfo {
        protocol = protocol == null ? "" : protocol;
        cipherSuite = cipherSuite == null ? "" : cipherSuite;
        alpn = alpn == null ? "" : alpn;
        sniHost = sniHost == null ? "" : sniHost;
        peerAddress = peerAddress == null ? "" : peerAddress;
        chainDer = List.copyOf(chainDer);
    }

    /** SHA-256 of the leaf, or empty when the server sent no certificate. */
    public String leafSha256() {
        return chainDer.isEmpty() ? "" : Digests.sha256(chainDer.get(0));
    }
}
