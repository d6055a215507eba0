package dev.sockscope.core;

import java.util.Objects;
import java.util.Optional;

/**
 * A connection failure explained: its kind, one line for the user, and the upgrade response when
 * the server answered with something other than 101.
 *
 * @param handshake what went over the wire before the failure, or null
 * @param tls the TLS session as far as it got (with the chain a refused server sent), or null
 */
public record Failure(FailureKind kind, String detail, Handshake handshake, TlsInfo tls) {
    public Failure {
        Objects.requireNonNull(kind, "kind");
        detail = detail == null ? "" : detail;
    }

    public Failure(FailureKind kind, String detail) {
        this(kind, detail, null, null);
    }

    public Failure(FailureKind kind, String detail, Handshake handshake) {
        this(kind, detail, handshake, null);
    }

    /** The same failure with the TLS session as far as it got (the chain the server sent). */
    public Failure withTls(TlsInfo session) {
        return new Failure(kind, detail, handshake, session);
    }

    /** SHA-256 of the server's leaf certificate, when the failure happened after the server sent one. */
    public Optional<String> leafSha256() {
        return tls == null || tls.chainDer().isEmpty() ? Optional.empty() : Optional.of(tls.leafSha256());
    }

    /** One line, starting with the kind's phrase: "connection refused (localhost:9)". */
    public String message() {
        if (kind == FailureKind.HTTP_STATUS) {
            return detail;
        }
        return detail.isEmpty() ? kind.phrase() : kind.phrase() + ": " + detail;
    }
}
