package dev.sockscope.core;

/** The reasons a chain can fail to be trusted, with the names the JSON output uses. */
public enum TrustProblem {
    EXPIRED("expired"),
    NOT_YET_VALID("not-yet-valid"),
    HOSTNAME_MISMATCH("hostname-mismatch"),
    SELF_SIGNED("self-signed"),
    UNKNOWN_ISSUER("unknown-issuer"),
    WEAK_KEY("weak-key"),
    WEAK_SIGNATURE("weak-signature");

    private final String wireName;

    TrustProblem(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
