package dev.sockscope.core;

import java.util.Objects;

/**
 * A connection failure explained: its kind, one line for the user, and the upgrade response when
 * the server answered with something other than 101.
 *
 * @param handshake what went over the wire before the failure, or null
 */
public record Failure(FailureKind kind, String detail, Handshake handshake) {
    public Failure {
        Objects.requireNonNull(kind, "kind");
        detail = detail == null ? "" : detail;
    }

    public Failure(FailureKind kind, String detail) {
        this(kind, detail, null);
    }

    /** One line, starting with the kind's phrase: "connection refused (localhost:9)". */
    public String message() {
        if (kind == FailureKind.HTTP_STATUS) {
            return detail;
        }
        return detail.isEmpty() ? kind.phrase() : kind.phrase() + ": " + detail;
    }
}
