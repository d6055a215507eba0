package dev.sockscope.cli;

import dev.sockscope.app.AppContext;
import dev.sockscope.app.DataDirectory;
import dev.sockscope.app.SessionNames;
import dev.sockscope.core.Bytes;
import dev.sockscope.core.CloseCode;
import dev.sockscope.core.ClosedBy;
import dev.sockscope.core.ConnectRequest;
import dev.sockscope.core.Connection;
import dev.sockscope.core.Header;
import dev.sockscope.core.Origin;
import dev.sockscope.core.SessionEvent;
import dev.sockscope.core.TrustOptions;
import dev.sockscope.core.Utf8;
import dev.sockscope.core.WsUrl;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sockscope connect URL}: talk to a WebSocket server from a terminal or a script. */
@Command(name = "connect", mixinStandardHelpOptions = true,
        description = {"Connect to a ws:// or wss:// URL, send messages and print every message.",
                "Lines start with '> ' for sent and '< ' for received messages; --jsonl prints every wire frame as JSON.",
                "Without --send, each line read from standard input is sent as a text message (a line that is not"
                        + " valid UTF-8 as a binary message of its bytes, said once on standard error).",
                "Exit status: 0 when the connection ended normally (1000, a close without a code, or 1001 sent by us), 1 when it"
                        + " failed or ended otherwise (a protocol error, another close code, a dropped connection, recording stopped),"
                        + " 2 on bad usage."})
public final class ConnectCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DataDirOption dataDir;

    @Parameters(index = "0", paramLabel = "URL", description = "ws://, wss://, http:// or https:// URL.")
    String url;

    @Option(names = {"-H", "--header"}, paramLabel = "'Name: value'", description = "Request header (repeatable).")
    List<String> headers = new ArrayList<>();

    @Option(names = "--subprotocol", paramLabel = "P", description = "Subprotocol to offer (repeatable).")
    List<String> subprotocols = new ArrayList<>();

    @Option(names = "--deflate", description = "Offer permessage-deflate, as browsers do: lines show messages inflated,"
            + " --jsonl shows the compressed frames (rsv1, size on the wire).")
    boolean deflate;

    @Option(names = "--ca-file", paramLabel = "PEM", description = "Also trust the certificates in this PEM file.")
    Path caFile;

    @Option(names = "--trust-cert", paramLabel = "SHA256",
            description = "Trust the server certificate with this SHA-256 fingerprint (repeatable).")
    List<String> pins = new ArrayList<>();

    @Option(names = "--timeout", paramLabel = "S", defaultValue = "10",
            description = "Seconds to wait for the connection to open (default: ${DEFAULT-VALUE}).")
    double timeoutSeconds;

    @Option(names = "--wait", paramLabel = "S", defaultValue = "1",
            description = "Seconds to wait for replies after the last message (default: ${DEFAULT-VALUE}).")
    double waitSeconds;

    @Option(names = "--session", paramLabel = "NAME", defaultValue = "default",
            description = "Session to record into (default: ${DEFAULT-VALUE}).")
    String session;

    @Option(names = "--jsonl", description = "Print one JSON object per wire frame (FIN, RSV bits, opcode, masking, payload).")
    boolean jsonl;

    private final List<Outgoing> outgoing = new ArrayList<>();

    /** One message from the command line, in the order given. */
    private record Outgoing(String text, byte[] binary) {
    }

    @Option(names = "--send", paramLabel = "TEXT", description = "Send this text message (repeatable, in order).")
    void send(String text) {
        outgoing.add(new Outgoing(text, null));
    }

    @Option(names = "--send-binary", paramLabel = "HEX", description = "Send this binary message, given in hex (repeatable).")
    void sendBinary(String hex) {
        try {
            outgoing.add(new Outgoing(null, Bytes.parseHex(hex)));
        } catch (IllegalArgumentException e) {
            // A ParameterException: picocli reports its message as it is (anything else it wraps in its own words).
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--send-binary: " + e.getMessage());
        }
    }

    @Override
    public Integer call() throws Exception {
        ConnectRequest request = request();
        String sessionName = SessionNames.check(session);
        PrintWriter out = spec.commandLine().getOut();
        try (AppContext app = new AppContext(DataDirectory.resolve(dataDir.dataDir))) {
            boolean recordingAtStart = app.recording().problem().isEmpty();
            app.recording().problem().ifPresent(why -> {
                spec.commandLine().getErr().println("sockscope: warning: not recording: " + why);
                spec.commandLine().getErr().flush();
            });
            long id = app.registry().newConnectionId();
            FramePrinter printer = new FramePrinter(out, jsonl);
            ConnectionWatch watch = new ConnectionWatch(id, printer);
            try (printer; AutoCloseable subscription = app.registry().subscribe(watch)) {
                Connection connection = app.connections().open(id, request, Origin.CLI, sessionName);
                SessionEvent first = watch.awaitOpenOrFailure(request.timeout().plusSeconds(5));
                if (first instanceof SessionEvent.Failed failed) {
                    throw new UserError(failed.failure().kind().isUsage() ? ExitCodes.USAGE : ExitCodes.FAILURE,
                            describe(failed.failure()));
                }
                if (outgoing.isEmpty()) {
                    sendStdin(connection, watch);
                } else {
                    for (Outgoing message : outgoing) {
                        if (watch.ended()) {
                            break;
                        }
                        sendOne(connection, message);
                    }
                }
                finish(connection, watch);
            }
            if (recordingAtStart && app.recording().problem().isPresent()) {
                throw UserError.failure(app.recording().problem().get());
            }
            return ExitCodes.OK;
        }
    }

    /** The failure in one line; a refused certificate also names its fingerprint, ready for --trust-cert. */
    static String describe(dev.sockscope.core.Failure failure) {
        if (failure.kind().isTls() && failure.leafSha256().isPresent()) {
            return failure.message() + " (server certificate SHA-256 " + failure.leafSha256().get()
                    + "; to trust it: --trust-cert " + failure.leafSha256().get() + ")";
        }
        return failure.message();
    }

    private ConnectRequest request() {
        WsUrl target = RequestFlags.url(url);
        List<Header> parsedHeaders = RequestFlags.headers(headers);
        Set<String> fingerprints = RequestFlags.pins(pins);
        if (timeoutSeconds <= 0 || waitSeconds < 0) {
            throw UserError.usage("--timeout must be positive and --wait not negative");
        }
        return new ConnectRequest(target, parsedHeaders, subprotocols,
                Duration.ofMillis((long) (timeoutSeconds * 1000)), new TrustOptions(caFile, fingerprints), deflate);
    }

    private void sendOne(Connection connection, Outgoing message) {
        try {
            if (message.text() != null) {
                connection.sendText(message.text());
            } else {
                connection.sendBinary(message.binary());
            }
        } catch (IllegalStateException e) {
            // The server closed while we were sending; the close is reported by the watch.
        }
    }

    private void sendStdin(Connection connection, ConnectionWatch watch) throws InterruptedException {
        InputStream stdin = System.in;
        Thread reader = new Thread(() -> {
            // Not closed when done: standard input belongs to the process, not to this command.
            InputLines lines = new InputLines(stdin);
            PrintWriter err = spec.commandLine().getErr();
            try {
                byte[] line;
                int number = 0;
                boolean told = false;
                while (!watch.ended() && (line = lines.next()) != null) {
                    number++;
                    if (Utf8.isValid(line)) {
                        sendOne(connection, new Outgoing(Utf8.decode(line), null));
                        continue;
                    }
                    // Bytes that are not text go as they came, in a binary message: never altered.
                    if (!told) {
                        err.println("sockscope: line " + number + " of standard input is not valid UTF-8: sent as a"
                                + " binary message, as are any later such lines");
                        err.flush();
                        told = true;
                    }
                    sendOne(connection, new Outgoing(null, line));
                }
            } catch (IOException e) {
                // End of input, as far as we are concerned.
            } finally {
                watch.inputEnded();
            }
        }, "stdin-reader");
        reader.setDaemon(true);
        reader.start();
        watch.awaitInputEndOrClose();
    }

    /** Waits for replies, closes normally if the server has not closed, and refuses an abnormal end. */
    private void finish(Connection connection, ConnectionWatch watch) throws InterruptedException {
        if (!watch.ended()) {
            watch.awaitClose(Duration.ofMillis((long) (waitSeconds * 1000)));
        }
        if (!watch.ended()) {
            connection.close(1000, "");
            if (!watch.awaitClose(Duration.ofSeconds(3))) {
                connection.abort();
                watch.awaitClose(Duration.ofSeconds(1));
            }
        }
        SessionEvent.Closed closed = watch.closed();
        if (closed != null && !closed.isNormal()) {
            throw UserError.failure(abnormalEnd(closed));
        }
    }

    /** How a connection that did not end with a normal close ended, in one line. */
    static String abnormalEnd(SessionEvent.Closed closed) {
        String code = closed.code() + " " + CloseCode.describe(closed.code());
        String reason = closed.reason().isEmpty() ? "" : ": " + closed.reason();
        if (closed.code() == 1006) {
            return "connection lost" + reason;
        }
        if (closed.closedBy() == ClosedBy.CLIENT && closed.code() != 1000) {
            return "protocol error" + reason + " (the client closed with " + code + ")";
        }
        return "the server closed the connection with " + code + reason;
    }
}
