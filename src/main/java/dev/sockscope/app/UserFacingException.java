package dev.sockscope.app;

/**
 * A problem the user can act on, said in one line: a bad name, a file that is not an export, a
 * database in use. Its message is shown as it is (by the CLI on stderr, by the window in place);
 * any other exception reaching the top is a bug, reported as such.
 */
public final class UserFacingException extends RuntimeException {
    /** Whether the user asked for something impossible (the CLI exits 2) or it could not be done (exit 1). */
    public enum Kind {
        USAGE, FAILURE
    }

    private final Kind kind;

    public UserFacingException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public UserFacingException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public static UserFacingException usage(String message) {
        return new UserFacingException(Kind.USAGE, message);
    }

    public static UserFacingException failure(String message) {
        return new UserFacingException(Kind.FAILURE, message);
    }

    public Kind kind() {
        return kind;
    }
}
