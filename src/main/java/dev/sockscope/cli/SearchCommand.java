package dev.sockscope.cli;

import dev.sockscope.app.AppContext;
import dev.sockscope.app.DataDirectory;
import dev.sockscope.core.Clock;
import dev.sockscope.core.Direction;
import dev.sockscope.core.RecordedFrame;
import dev.sockscope.core.SearchQuery;
import dev.sockscope.core.Opcode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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

    @Option(names = "--limit", paramLabel = "N", description = "At most N results, 1 or more (default: all).")
    Integer limit;

    @Option(names = "--json", description = "Print JSON Lines, as `export --format jsonl` writes them.")
    boolean json;

    @Option(names = "--whole-word", description = "QUERY must stand alone: no letter, digit or _ right before or after it.")
    boolean wholeWord;

    @Option(names = "--url", paramLabel = "TEXT", description = "Only connections whose URL contains TEXT (a host, say).")
    String url;

    @Option(names = "--type", paramLabel = "TYPE", split = ",",
            description = "Only these frame types: text, binary, ping, pong, close (repeatable or comma-separated).")
    List<String> types = List.of();

    @Option(names = "--min-size", paramLabel = "BYTES", description = "Only payloads of at least BYTES.")
    Long minSize;

    @Option(names = "--max-size", paramLabel = "BYTES", description = "Only payloads of at most BYTES.")
    Long maxSize;

    @Option(names = "--since", paramLabel = "TIME", description = "Only frames at or after TIME (ISO-8601, e.g. 2026-11-21T14:05:00Z).")
    String since;

    @Option(names = "--until", paramLabel = "TIME", description = "Only frames before TIME (ISO-8601).")
    String until;

    @Option(names = "--modified", description = "Only messages the proxy's rules or its user changed, dropped, duplicated,"
            + " injected or closed instead of.")
    boolean modified;

    /** A negative size or a limit below one is a mistake, not "no limit": said, never guessed. */
    private void checkNumbers() {
        if (limit != null && limit < 1) {
            throw UserError.usage("--limit takes 1 or more, not " + limit + " (leave it out for every result)");
        }
        if (minSize != null && minSize < 0) {
            throw UserError.usage("--min-size takes 0 or more bytes, not " + minSize);
        }
        if (maxSize != null && maxSize < 0) {
            throw UserError.usage("--max-size takes 0 or more bytes, not " + maxSize);
        }
    }

    @Override
    public Integer call() throws Exception {
        checkNumbers();
        SearchQuery search;
        try {
            search = new SearchQuery(query, regex, wholeWord, session, url, direction(), opcodes(),
                    minSize == null ? 0 : minSize, maxSize == null ? -1 : maxSize, time("--since", since),
                    time("--until", until), limit == null ? 0 : limit, false).withModifiedOnly(modified);
        } catch (PatternSyntaxException e) {
            throw UserError.usage("invalid regex: " + e.getDescription());
        } catch (IllegalArgumentException e) {
            throw UserError.usage(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        try (AppContext app = AppContext.forReading(DataDirectory.resolve(dataDir.dataDir))) {
            StoreAccess.forReading(app);
            StoreAccess.requireSession(app, session);
            if (json) {
                app.queries().searchJsonLines(search, out);
            } else {
                app.queries().search(search, f -> out.println(line(f)));
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    private Set<Opcode> opcodes() {
        Set<Opcode> out = EnumSet.noneOf(Opcode.class);
        for (String type : types) {
            Opcode opcode = Arrays.stream(Opcode.values()).filter(o -> o.label().equals(type.strip().toLowerCase(Locale.ROOT)))
                    .findFirst().orElseThrow(() -> UserError.usage("--type is text, binary, ping, pong or close, not " + type));
            out.add(opcode);
            if (opcode == Opcode.BINARY) {
                out.add(Opcode.CONTINUATION);
            }
        }
        return out;
    }

    /** Microseconds since the epoch, or -1 when not given. */
    private static long time(String option, String value) {
        if (value == null) {
            return -1;
        }
        try {
            Instant instant = value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneId.systemDefault()).toInstant()
                    : OffsetDateTime.parse(value).toInstant();
            return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1000;
        } catch (DateTimeParseException e) {
            throw UserError.usage(option + " takes an ISO-8601 time like 2026-11-21T14:05:00Z or a date like 2026-11-21, not " + value);
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
        return Clock.toInstant(f.message().timestampMicros()) + " " + f.session() + " " + f.url() + " "
                + (f.message().direction() == Direction.SEND ? "> " : "< ") + FramePrinter.describe(f.message())
                + (f.interception() == null ? "" : "  [" + f.interception().words() + ": " + f.interception().note() + "]");
    }
}
