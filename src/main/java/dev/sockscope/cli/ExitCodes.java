package dev.sockscope.cli;

/** Exit codes every subcommand keeps to. */
public final class ExitCodes {
    public static final int OK = 0;
    /** An error reported to the user: connection, TLS, I/O. */
    public static final int FAILURE = 1;
    /** Bad usage: unknown option, malformed URL or header. */
    public static final int USAGE = 2;

    private ExitCodes() {
    }
}
