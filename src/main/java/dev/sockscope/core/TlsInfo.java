package dev.sockscope.core;

import java.util.List;

/**
 * The TLS session of a connection: negotiated protocol and suite, and the peer's chain as DER
 * bytes, leaf first, captured during the handshake even when it was refused.
 */
public record TlsInfo(String protocol, String cipherSuite, String sniHost, List<byte[]> chainDer) {
    public TlsInfo {
        chainDer = List.copyOf(chainDer);
    }
}
