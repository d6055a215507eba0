package dev.sockscope.cli;

import dev.sockscope.app.AppContext;
import dev.sockscope.app.DataDirectory;
import dev.sockscope.app.Recording;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sockscope export (--session NAME | --all) --format har|jsonl --out FILE}. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export recorded sessions as HAR (opens in browser devtools) or JSON Lines.")
public final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataDirOption dataDir;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Which which;

    /** One session, or all of them. */
    static final class Which {
        @Option(names = "--session", paramLabel = "NAME", required = true, description = "Export this session.")
        String session;

        @Option(names = "--all", required = true, description = "Export every session.")
        boolean all;
    }

    @Option(names = "--format", paramLabel = "har|jsonl", required = true, description = "har or jsonl.")
    String format;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "File to write.")
    Path out;

    @Override
    public Integer call() throws Exception {
        Recording.Format chosen = switch (format.toLowerCase(Locale.ROOT)) {
            case "har" -> Recording.Format.HAR;
            case "jsonl" -> Recording.Format.JSONL;
            default -> throw UserError.usage("--format is har or jsonl, not " + format);
        };
        try (AppContext app = new AppContext(DataDirectory.resolve(dataDir.dataDir))) {
            var recording = StoreAccess.forReading(app);
            if (which.session != null && recording.sessions().stream().noneMatch(s -> s.name().equals(which.session))) {
                throw UserError.failure("no session named " + which.session + " (see: sockscope sessions)");
            }
            int count = recording.export(which.session, chosen, out);
            spec.commandLine().getErr().println("exported " + count + " messages to " + out);
            return ExitCodes.OK;
        }
    }
}
