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

    /** What made recording fail, in one line for the user: the database's words without its SQL. */
    static String describe(Exception e, java.nio.file.Path file) {
        if (e instanceof java.sql.SQLException sql) {
            String first = String.valueOf(sql.getMessage()).lines().findFirst().orElse("");
            if (sql.getErrorCode() == org.h2.api.ErrorCode.DATABASE_IS_READ_ONLY
                    || first.toLowerCase(java.util.Locale.ROOT).contains("read only")) {
                return "the database " + file + " cannot be written (read-only)";
            }
            if (first.toLowerCase(java.util.Locale.ROOT).contains("no space left")) {
                return "the disk holding " + file + " is full";
            }
            return Database.translate(sql, file).getMessage();
        }
        return e.getMessage() == null ? "database error in " + file : e.getMessage();
    }
}
