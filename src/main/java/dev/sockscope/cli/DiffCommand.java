package dev.sockscope.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sockscope.app.AppContext;
import dev.sockscope.app.Reproductions;
import dev.sockscope.app.DataDirectory;
import dev.sockscope.core.Direction;
import dev.sockscope.core.RecordedConnection;
import dev.sockscope.diff.Alignment;
import dev.sockscope.diff.ConversationDiff;
import dev.sockscope.replay.Conversation;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sockscope diff A B}: what differs between two recorded connections, or two sessions. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Compare two recorded connections (SESSION:ID) or two sessions (SESSION: their connections in order)",
                "message by message: JSON structurally (fields added, removed and changed by JSON pointer, key order"
                        + " ignored), other text line by line, binary by the first byte that differs.",
                "Exit status: 0 when compared (whether or not they differ; with --exit-code, 3 when they differ),"
                        + " 1 when a session or connection is not there, 2 on bad usage."})
public final class DiffCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataDirOption dataDir;

    @Parameters(index = "0", paramLabel = "A", description = "A session, or SESSION:ID for one of its connections.")
    String first;

    @Parameters(index = "1", paramLabel = "B", description = "The same for the other side.")
    String second;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Option(names = "--align", paramLabel = "content|order", defaultValue = "content",
            description = "Pair messages by content (equal ones first, so an inserted message shows once) or by order"
                    + " (default: ${DEFAULT-VALUE}).")
    String align;

    @Mixin
    IgnoredFields ignoreFields;

    @Option(names = "--direction", paramLabel = "send|receive", description = "Compare only the messages going this way.")
    String direction;

    @Option(names = "--exit-code", description = "Exit 3 when they differ, as diff and git diff --exit-code do.")
    boolean exitCode;

    /** One pair of connections to compare, either of them possibly missing. */
    private record Pairing(Conversation a, Conversation b) {
    }

    @Override
    public Integer call() throws Exception {
        Alignment.Mode mode = Alignment.Mode.parse(align);
        if (mode == null) {
            throw UserError.usage("--align is order or content, not " + align);
        }
        Set<Direction> directions = directions();
        Set<String> ignored = ignoreFields.checked();
        PrintWriter out = spec.commandLine().getOut();
        try (AppContext app = AppContext.forReading(DataDirectory.resolve(dataDir.dataDir))) {
            StoreAccess.forReading(app);
            Reproductions conversations = app.reproductions();
            List<Pairing> pairs = pairings(app, conversations);
            boolean equal = true;
            ObjectNode report = new ObjectMapper().createObjectNode();
            report.put("a", first).put("b", second).put("align", mode.name().toLowerCase(Locale.ROOT));
            ArrayNode connections = report.putArray("connections");
            for (Pairing p : pairs) {
                equal &= comparePair(p, mode, ignored, directions, out, connections);
            }
            report.put("equal", equal);
            if (json) {
                out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
            } else {
                out.println(equal ? "no differences" : "they differ");
            }
            out.flush();
            return equal || !exitCode ? ExitCodes.OK : ExitCodes.DIFFERENT;
        }
    }

    private boolean comparePair(Pairing p, Alignment.Mode mode, Set<String> ignored, Set<Direction> directions,
            PrintWriter out, ArrayNode connections) {
        ObjectNode o = connections.addObject();
        if (p.a() != null) {
            o.put("first", describe(p.a()));
        }
        if (p.b() != null) {
            o.put("second", describe(p.b()));
        }
        if (p.a() == null || p.b() == null) {
            o.put("status", p.a() == null ? "extra" : "missing");
            if (!json) {
                out.println(p.a() == null ? "connection " + describe(p.b()) + " is only in " + second
                        : "connection " + describe(p.a()) + " is only in " + first);
            }
            return false;
        }
        ConversationDiff diff = ConversationDiff.of(p.a().messages(), p.b().messages(), mode, ignored, directions);
        o.put("status", diff.equal() ? "same" : "changed");
        o.set("messages", DiffText.json(diff, false));
        if (!json) {
            out.println("--- " + describe(p.a()));
            out.println("+++ " + describe(p.b()));
            DiffText.print(diff, "A", "B", out);
            out.println(DiffText.summary(diff));
        }
        return diff.equal();
    }

    private Set<Direction> directions() {
        if (direction == null) {
            return EnumSet.allOf(Direction.class);
        }
        return switch (direction.toLowerCase(Locale.ROOT)) {
            case "send" -> EnumSet.of(Direction.SEND);
            case "receive" -> EnumSet.of(Direction.RECEIVE);
            default -> throw UserError.usage("--direction is send or receive, not " + direction);
        };
    }

    /** Two connections, or two sessions' opened connections side by side in order. */
    private List<Pairing> pairings(AppContext app, Reproductions conversations) {
        Target a = target(app, first);
        Target b = target(app, second);
        if ((a.connection() == null) != (b.connection() == null)) {
            throw UserError.usage("compare a connection with a connection (SESSION:ID) or a session with a session");
        }
        List<Pairing> pairs = new ArrayList<>();
        if (a.connection() != null) {
            pairs.add(new Pairing(conversations.conversation(a.session(), a.connection()), conversations.conversation(b.session(), b.connection())));
            return pairs;
        }
        List<RecordedConnection> left = conversations.openedIn(a.session());
        List<RecordedConnection> right = conversations.openedIn(b.session());
        for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
            pairs.add(new Pairing(i < left.size() ? conversations.conversation(left.get(i)) : null,
                    i < right.size() ? conversations.conversation(right.get(i)) : null));
        }
        return pairs;
    }

    /** A session, or a session and a connection. */
    private record Target(String session, Long connection) {
    }

    /** "NAME" when a session has that name, else "NAME:ID". */
    private static Target target(AppContext app, String text) {
        Set<String> names = new java.util.HashSet<>();
        app.sessions().sessions().forEach(s -> names.add(s.name()));
        if (names.contains(text)) {
            return new Target(text, null);
        }
        int colon = text.lastIndexOf(':');
        if (colon > 0 && text.substring(colon + 1).matches("[0-9]{1,18}") && names.contains(text.substring(0, colon))) {
            return new Target(text.substring(0, colon), Long.parseLong(text.substring(colon + 1)));
        }
        throw UserError.failure("no session named " + (colon > 0 ? text.substring(0, colon) + " (nor " + text + ")" : text)
                + " (see: sockscope sessions)");
    }

    private static String describe(Conversation c) {
        return c.connection().session() + ":" + c.connection().id() + " " + c.url();
    }
}
