package dev.sockscope.core;

import java.util.List;

/**
 * The TLS session of one connection and the verdict on its chain.
 *
 * @param chain as the server sent it, leaf first
 * @param trustAnchor the trusted root the chain was validated against, or null when none matched
 * @param pinned accepted only because the user pinned the leaf's fingerprint
 */
public record TlsReport(String protocol, String cipherSuite, String alpn, String sniHost, boolean resumed,
        String peerHost, String peerAddress, List<CertificateInfo> chain, CertificateInfo trustAnchor,
        List<ChainProblem> problems, boolean pinned) {

    public TlsReport {
        chain = List.copyOf(chain);
        problems = List.copyOf(problems);
    }

    /** Trusted when nothing is wrong with the chain, or the user pinned it. */
    public boolean trusted() {
        return problems.isEmpty() || pinned;
    }
}
