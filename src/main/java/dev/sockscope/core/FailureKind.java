package dev.sockscope.core;

/** Why a connection could not be made or was lost, in words a user and a script can act on. */
public enum FailureKind {
    INVALID_URL("invalid URL", true),
    DNS("unknown host", false),
    REFUSED("connection refused", false),
    TIMEOUT("timed out", false),
    NETWORK("network error", false),
    HTTP_STATUS("HTTP", false),
    TLS_EXPIRED("certificate expired", false),
    TLS_NOT_YET_VALID("certificate not yet valid", false),
    TLS_HOSTNAME("hostname mismatch", false),
    TLS_UNTRUSTED("untrusted certificate", false),
    TLS_HANDSHAKE("TLS handshake failed", false),
    PROTOCOL("protocol error", false),
    /** Proxied: the server the app asked for refused Sockscope's connection. */
    UPSTREAM_REFUSED("the server refused the proxy's connection", false),
    /** Proxied: the TLS handshake with the server failed (its certificate, or no common version). */
    UPSTREAM_TLS("TLS with the server failed", false),
    /** Proxied: the app refused Sockscope's certificate (its CA is not trusted there yet). */
    APP_REFUSED_CERTIFICATE("the app refused Sockscope's certificate", false),
    CONFIG("configuration error", true),
    CANCELLED("cancelled", false);

    private final String phrase;
    private final boolean usage;

    FailureKind(String phrase, boolean usage) {
        this.phrase = phrase;
        this.usage = usage;
    }

    /** The short phrase errors start with, e.g. "connection refused". */
    public String phrase() {
        return phrase;
    }

    /** True when the user asked for something impossible rather than the network failing. */
    public boolean isUsage() {
        return usage;
    }

    public boolean isTls() {
        return name().startsWith("TLS_");
    }
}
