package dev.sockscope.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --data-dir} every subcommand takes. */
public final class DataDirOption {
    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Data directory (default: $SOCKSCOPE_HOME or the OS user data directory).")
    Path dataDir;
}
