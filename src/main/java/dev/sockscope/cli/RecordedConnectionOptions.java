package dev.sockscope.cli;

import picocli.CommandLine.Option;

/** Which recorded connection a command works from: {@code --session NAME [--connection ID]}. */
final class RecordedConnectionOptions {
    @Option(names = "--session", paramLabel = "NAME", required = true, description = "The recorded session.")
    String session;

    @Option(names = "--connection", paramLabel = "ID", description = "The recorded connection (as search --json and export"
            + " name it); needed when the session has several.")
    Long connection;
}
