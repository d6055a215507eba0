package dev.sockscope.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A connection failure explained: its kind, one line for the user, and the upgrade response when
 * the server answered with something other than 101.
 *
 * @param handshake what went over the wire before the failure, or null
 * @param peerChain the certificates a TLS server sent before it was refused (DER, leaf first)
 */
public record Failure(FailureKind kind, String detail, Handshake handshake, List<byte[]> peerChain) {
    public Failure {
        Objects.requireNonNull(kind, "kind");
        detail = detail == null ? "" : detail;
        peerChain = peerChain == null ? List.of() : List.copyOf(peerChain);
    }

    public Failure(FailureKind kind, String detail) {
        this(kind, detail, null, List.of());
    }

    public Failure(FailureKind kind, String detail, Handshake handshake) {
        this(kind, detail, handshake, List.of());
    }

    /** The same failure with the certificates the server sent (DER, leaf first). */
    public Failure withPeerChain(List<byte[]> chain) {
        return new Failure(kind, detail, handshake, chain);
    }

    /** SHA-256 of the server's leaf certificate, when the failure happened after the server sent one. */
    public Optional<String> leafSha256() {
        return peerChain.isEmpty() ? Optional.empty() : Optional.of(Digests.sha256(peerChain.get(0)));
    }

    /** One line, starting with the kind's phrase: "connection refused (localhost:9)". */
    public String message() {
        if (kind == FailureKind.HTTP_STATUS) {
            return detail;
        }
        return detail.isEmpty() ? kind.phrase() : kind.phrase() + ": " + detail;
    }
}
