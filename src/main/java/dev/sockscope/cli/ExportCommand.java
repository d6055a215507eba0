package dev.sockscope.cli;

import dev.sockscope.app.AppContext;
import dev.sockscope.app.DataDirectory;
import dev.sockscope.app.Transfers;
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
        Transfers.Format chosen = switch (format.toLowerCase(Locale.ROOT)) {
            case "har" -> Transfers.Format.HAR;
            case "jsonl" -> Transfers.Format.JSONL;
            default -> throw UserError.usage("--format is har or jsonl, not " + format);
        };
        try (AppContext app = AppContext.forReading(DataDirectory.resolve(dataDir.dataDir))) {
            StoreAccess.forReading(app);
            StoreAccess.requireSession(app, which.session);
            int count = app.transfers().export(which.session, chosen, out);
            spec.commandLine().getErr().println("exported " + count + " messages to " + out);
            return ExitCodes.OK;
        }
    }
}
