package dev.sockscope.cli;

import dev.sockscope.app.AppContext;
import dev.sockscope.app.DataDirectory;
import dev.sockscope.core.Clock;
import dev.sockscope.core.ImportResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sockscope import FILE [--session NAME]}: a HAR or JSON Lines file becomes a session. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import a HAR (from a browser or Sockscope) or a JSON Lines export as a session.")
public final class ImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataDirOption dataDir;

    @Parameters(index = "0", paramLabel = "FILE")
    Path file;

    @Option(names = "--session", paramLabel = "NAME", description = "Session to import into (default: the file's name).")
    String session;

    @Option(names = "--again", description = "Import even if the same file (by content) is already in the session.")
    boolean again;

    @Override
    public Integer call() throws Exception {
        if (!Files.exists(file)) {
            throw UserError.failure("cannot import " + file + ": no such file");
        }
        if (Files.isDirectory(file)) {
            throw UserError.failure("cannot import " + file + ": it is a directory (name a .har or .jsonl file)");
        }
        if (!Files.isReadable(file)) {
            throw UserError.failure("cannot import " + file + ": permission denied");
        }
        String name = session != null ? session : file.getFileName().toString().replaceFirst("\\.[^.]+$", "");
        try (AppContext app = new AppContext(DataDirectory.resolve(dataDir.dataDir))) {
            if (app.recording().trouble().isPresent()) {
                throw UserError.failure("cannot import: " + app.recording().problem().orElse(""));
            }
            ImportResult result = app.transfers().importFile(file, name, again);
            ImportResult.Earlier earlier = result.earlier();
            if (result.skipped()) {
                // The messages are in the session already: a repeated script step is not an error.
                spec.commandLine().getErr().println("sockscope: " + file.getFileName() + " is already in session " + name
                        + " (imported " + Clock.toInstant(earlier.importedMicros()) + " from " + earlier.fileName() + ", "
                        + earlier.messages() + " messages): not imported again; --again imports it once more");
            } else {
                spec.commandLine().getErr().println("imported " + result.messages() + " messages into session " + name);
            }
            return ExitCodes.OK;
        }
    }
}
