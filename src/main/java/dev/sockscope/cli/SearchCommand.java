package dev.sockscope.cli;

import dev.sockscope.app.AppContext;
import dev.sockscope.app.DataDirectory;
import dev.sockscope.core.Clock;
import dev.sockscope.core.Direction;
import dev.sockscope.core.RecordedFrame;
import dev.sockscope.core.SearchQuery;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sockscope search QUERY}: recorded messages that contain the text (or match a regex). */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Search recorded messages: substring (case-insensitive) or --regex.",
                "Binary messages match on their hex. Exit 0 with no output when nothing matches."})
public final class SearchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataDirOption dataDir;

    @Parameters(index = "0", paramLabel = "QUERY", description = "Text to find (empty matches everything).")
    String query;

    @Option(names = "--regex", description = "QUERY is a Java regular expression.")
    boolean regex;

    @Option(names = "--session", paramLabel = "NAME", description = "Only this session.")
    String session;

    @Option(names = "--direction", paramLabel = "send|receive", description = "Only sent or only received messages.")
    String direction;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "0", description = "At most N results (default: all).")
    int limit;

    @Option(names = "--json", description = "Print JSON Lines, as `export --format jsonl` writes them.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        SearchQuery search;
        try {
            search = new SearchQuery(query, regex, session, direction(), Math.max(0, limit));
        } catch (PatternSyntaxException e) {
            throw UserError.usage("invalid regex: " + e.getDescription());
        }
        PrintWriter out = spec.commandLine().getOut();
        try (AppContext app = new AppContext(DataDirectory.resolve(dataDir.dataDir))) {
            var recording = StoreAccess.forReading(app);
            if (json) {
                recording.searchJsonLines(search, out);
            } else {
                recording.search(search, f -> out.println(line(f)));
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    private Direction direction() {
        if (direction == null) {
            return null;
        }
        return switch (direction) {
            case "send" -> Direction.SEND;
            case "receive" -> Direction.RECEIVE;
            default -> throw UserError.usage("--direction is send or receive, not " + direction);
        };
    }

    private static String line(RecordedFrame f) {
        return Clock.toInstant(f.frame().timestampMicros()) + " " + f.session() + " " + f.url() + " "
                + (f.frame().direction() == Direction.SEND ? "> " : "< ") + FramePrinter.describe(f.frame());
    }
}
