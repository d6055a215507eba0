package dev.sockscope.cli;

/** Exit codes every subcommand keeps to. */
public final class ExitCodes {
    public static final int OK = 0;
    /** An error reported to the user: connection, TLS, I/O. */
    public static final int FAILURE = 1;
    /** Bad usage: unknown option, malformed URL or header. */
    public static final int USAGE = 2;
    /** Ran, and found what the user asked to be told of: answers that differ (replay --expect-same, diff --exit-code). */
    public static final int DIFFERENT = 3;

    private ExitCodes() {
    }
}
