package dev.sockscope.cli;

/** An error to report in one line, with the exit code it deserves. */
final class UserError extends RuntimeException {
    private final int exitCode;

    UserError(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }

    static UserError usage(String message) {
        return new UserError(ExitCodes.USAGE, message);
    }

    static UserError failure(String message) {
        return new UserError(ExitCodes.FAILURE, message);
    }
}
