package dev.sockscope.store;

/** The database could not be opened or used, said in words a user can act on. */
public final class StoreException extends RuntimeException {
    /** What went wrong, so callers can offer the right way on. */
    public enum Reason {
        /** Another Sockscope has the database open. */
        LOCKED,
        /** The file cannot be read as a database. */
        CORRUPT,
        /** Anything else: disk full, permissions. */
        IO
    }

    private final Reason reason;

    public StoreException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
