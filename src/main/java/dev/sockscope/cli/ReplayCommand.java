package dev.sockscope.cli;

import dev.sockscope.app.AppContext;
import dev.sockscope.app.DataDirectory;
import dev.sockscope.app.Replayer;
import dev.sockscope.app.SessionNames;
import dev.sockscope.core.ClosedBy;
import dev.sockscope.core.SessionEvent;
import dev.sockscope.core.TrustOptions;
import dev.sockscope.core.WsUrl;
import dev.sockscope.diff.Alignment;
import dev.sockscope.diff.ConversationDiff;
import dev.sockscope.replay.Conversation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sockscope replay --session NAME}: sends a recorded connection's app side to a server again. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Send what the app sent in a recorded connection to a server again: the same URL or another,"
                + " with the recorded headers and subprotocols, at the recorded pace (or --speed X, or --no-wait).",
                "The new connection is recorded in a session of its own (--into), whose notes name what it replays.",
                "Lines start with '> ' for sent and '< ' for received messages, as with connect.",
                "Exit status: 0 when the replay ran; 3 with --expect-same when the server's answers differ from the"
                        + " recording (each difference is printed); 1 when it could not connect; 2 on bad usage."})
public final class ReplayCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataDirOption dataDir;

    @Mixin
    RecordedConnectionOptions recorded;

    @Option(names = "--url", paramLabel = "URL", description = "Replay against this URL instead of the recorded one.")
    String url;

    @Option(names = "--speed", paramLabel = "X", defaultValue = "1",
            description = "Faster (2) or slower (0.5) than recorded (default: ${DEFAULT-VALUE}).")
    double speed;

    @Option(names = "--no-wait", description = "Send each message as soon as the server has answered what came before it"
            + " in the recording, ignoring the recorded times.")
    boolean noWait;

    @Option(names = "--into", paramLabel = "SESSION",
            description = "Record the replay in this session (default: a new one, 'NAME replay N').")
    String into;

    @Option(names = "--expect-same", description = "Compare the server's answers with the recording; exit 3 when they differ.")
    boolean expectSame;

    @Option(names = "--align", paramLabel = "content|order", defaultValue = "content",
            description = "Pair answers with the recorded ones by content (equal ones first, so a missing answer shows"
                    + " once) or by order (default: ${DEFAULT-VALUE}).")
    String align;

    @Mixin
    IgnoredFields ignoreFields;

    @Option(names = "--quiet-time", paramLabel = "S", defaultValue = "5",
            description = "Seconds without an answer after which an answer still missing is given up (default: ${DEFAULT-VALUE}).")
    double quietSeconds;

    @Option(names = "--ca-file", paramLabel = "PEM", description = "Also trust the certificates in this PEM file.")
    Path caFile;

    @Option(names = "--trust-cert", paramLabel = "SHA256",
            description = "Trust the server certificate with this SHA-256 fingerprint (repeatable).")
    List<String> pins = new ArrayList<>();

    @Option(names = {"-H", "--header"}, paramLabel = "'Name: value'",
            description = "Send this header instead of the recorded one of that name, or in addition (repeatable):"
                    + " a fresh token, say.")
    List<String> headerLines = new ArrayList<>();

    @Option(names = "--subprotocol", paramLabel = "P", description = "Offer these subprotocols instead of the recorded ones"
            + " (repeatable).")
    List<String> subprotocols = new ArrayList<>();

    @Option(names = "--quiet", description = "Do not print the messages, only the outcome.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        Alignment.Mode mode = Alignment.Mode.parse(align);
        if (mode == null) {
            throw UserError.usage("--align is order or content, not " + align);
        }
        if (noWait && speed != 1) {
            throw UserError.usage("--speed and --no-wait cannot go together: --no-wait ignores the recorded times");
        }
        if (quietSeconds <= 0) {
            throw UserError.usage("--quiet-time must be positive");
        }
        WsUrl target = url == null ? null : RequestFlags.url(url);
        LinkedHashSet<String> ignored = ignoreFields.checked();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (AppContext app = new AppContext(DataDirectory.resolve(dataDir.dataDir))) {
            StoreAccess.forReadingAndRecording(app, err);
            Conversation recording = app.reproductions().conversation(recorded.session, recorded.connection);
            String intoSession = into != null ? SessionNames.check(into) : app.reproductions().freeSessionName(recorded.session + " replay");
            Replayer.Options options = new Replayer.Options(target, speed, noWait, intoSession,
                    Duration.ofMillis((long) (quietSeconds * 1000)), new TrustOptions(caFile, RequestFlags.pins(pins)),
                    headers(recording), subprotocols.isEmpty() ? null : subprotocols);
            err.println("replaying connection " + recording.connection().id() + " of session " + recorded.session + " ("
                    + recording.sent().size() + " messages sent, " + recording.received().size() + " answers recorded) to "
                    + (target != null ? target : recording.url()));
            err.flush();
            Replayer.Result result;
            try (FramePrinter printer = new FramePrinter(out, false)) {
                result = new Replayer(app).run(recording, options, event -> {
                    if (!quiet && event instanceof SessionEvent.FrameEvent f) {
                        printer.print(f.frame(), f.message());
                    }
                });
            }
            if (result.failure().isPresent()) {
                throw UserError.failure(result.failure().get());
            }
            err.println("sent " + result.sent() + " of " + recording.sent().size() + " messages, received "
                    + result.received().size() + " (" + recording.received().size() + " recorded)"
                    + (result.storedAs() == null ? "" : "; recorded as connection " + result.storedAs().id()
                            + " in session " + result.storedAs().session()));
            err.flush();
            return expectSame ? compare(recording, result, mode, ignored, out) : ExitCodes.OK;
        }
    }

    /** The recorded headers, each -H replacing those of its name or coming in addition; null when none was given. */
    private List<dev.sockscope.core.Header> headers(Conversation recording) {
        if (headerLines.isEmpty()) {
            return null;
        }
        List<dev.sockscope.core.Header> given = RequestFlags.headers(headerLines);
        List<dev.sockscope.core.Header> out = new ArrayList<>(Replayer.recordedHeaders(recording));
        out.removeIf(h -> given.stream().anyMatch(g -> g.is(h.name())));
        out.addAll(given);
        return out;
    }

    private static int compare(Conversation recording, Replayer.Result result, Alignment.Mode mode,
            LinkedHashSet<String> ignored, PrintWriter out) {
        ConversationDiff diff = ConversationDiff.of(recording.received(), result.received(), mode, ignored,
                EnumSet.of(dev.sockscope.core.Direction.RECEIVE));
        DiffText.print(diff, "the recording", "the replay", out);
        String endChange = endChange(recording, result);
        if (endChange != null) {
            out.println(endChange);
        }
        boolean same = diff.equal() && endChange == null;
        out.println(same ? "same answers as recorded: " + DiffText.summary(diff)
                : "the answers differ from the recording: " + DiffText.summary(diff) + (endChange == null ? "" : ", and the end"));
        out.flush();
        return same ? ExitCodes.OK : ExitCodes.DIFFERENT;
    }

    /** When the server closed the recorded connection: a line if it closed the replay otherwise, else null. */
    private static String endChange(Conversation recording, Replayer.Result result) {
        SessionEvent.Closed recorded = recording.closedByServer().orElse(null);
        if (recorded == null) {
            return null;
        }
        SessionEvent.Closed now = result.end() instanceof SessionEvent.Closed c ? c : null;
        if (now != null && now.closedBy() == ClosedBy.SERVER && now.code() == recorded.code()) {
            return null;
        }
        String then = "the server closed with " + recorded.code();
        String later = now == null ? "it did not close" : now.closedBy() == ClosedBy.SERVER ? "it closed with " + now.code()
                : "it did not close (the replay closed with " + now.code() + ")";
        return "close  changed: in the recording " + then + "; in the replay " + later;
    }
}
