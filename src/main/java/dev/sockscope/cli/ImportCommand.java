package dev.sockscope.cli;

import dev.sockscope.app.AppContext;
import dev.sockscope.app.DataDirectory;
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
            int count = app.transfers().importFile(file, name);
            spec.commandLine().getErr().println("imported " + count + " messages into session " + name);
            return ExitCodes.OK;
        }
    }
}
