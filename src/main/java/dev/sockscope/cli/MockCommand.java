package dev.sockscope.cli;

import dev.sockscope.app.AppContext;
import dev.sockscope.app.DataDirectory;
import dev.sockscope.app.MockService;
import dev.sockscope.app.SessionNames;
import dev.sockscope.core.SessionEvent;
import dev.sockscope.diff.Alignment;
import dev.sockscope.replay.Conversation;
import java.io.PrintWriter;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sockscope mock --session NAME}: a recorded connection's server side, served to any client. */
@Command(name = "mock", mixinStandardHelpOptions = true,
        description = {"Serve the server's side of a recorded connection to any WebSocket client: the recorded"
                + " messages before the client's first at once, then after each client message the ones that followed"
                + " it in the recording (--match order), or followed the recorded message equal to it (--match content).",
                "Prints 'listening on HOST:PORT' when ready; each client's connection is recorded. Stops on Ctrl+C"
                        + " or SIGTERM (exit 0)."})
public final class MockCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataDirOption dataDir;

    @Mixin
    RecordedConnectionOptions recorded;

    @Option(names = "--listen", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:0",
            description = "Where to listen (default: ${DEFAULT-VALUE}, a free port on loopback).")
    String listen;

    @Option(names = "--match", paramLabel = "order|content", defaultValue = "order",
            description = "Which recorded answers follow a client message (default: ${DEFAULT-VALUE}).")
    String match;

    @Mixin
    IgnoredFields ignoreFields;

    @Option(names = "--loop", description = "After the recording's last client message, start again from its first"
            + " (and never send the recorded close).")
    boolean loop;

    @Option(names = "--no-wait", description = "Send answers at once instead of with their recorded delays.")
    boolean noWait;

    @Option(names = "--tls", description = "Serve wss:// with a certificate from Sockscope's CA (see: sockscope ca export).")
    boolean tls;

    @Option(names = "--into", paramLabel = "SESSION",
            description = "Record mock connections in this session (default: a new one, 'NAME mock N').")
    String into;

    @Option(names = "--quiet", description = "Print only the listening line and what went wrong.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        Alignment.Mode mode = Alignment.Mode.parse(match);
        if (mode == null) {
            throw UserError.usage("--match is order or content, not " + match);
        }
        String[] hostPort = ProxyCommand.hostAndPort(listen);
        Set<String> ignored = ignoreFields.checked();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CountDownLatch stop = new CountDownLatch(1);
        StopSignals.onStop(stop::countDown);
        try (AppContext app = new AppContext(DataDirectory.resolve(dataDir.dataDir))) {
            boolean recording = StoreAccess.forReadingAndRecording(app, err);
            Conversation served = app.reproductions().conversation(recorded.session, recorded.connection);
            String intoSession = into != null ? SessionNames.check(into) : app.reproductions().freeSessionName(recorded.session + " mock");
            MockService.Options options = new MockService.Options(hostPort[0], Integer.parseInt(hostPort[1]), mode, ignored,
                    loop, noWait, tls, intoSession);
            try (AutoCloseable lines = quiet ? () -> { } : printConnections(app, out);
                    MockService.Running mock = MockService.start(app, served, options, notice -> say(err, notice))) {
                if (!isLoopback(hostPort[0])) {
                    say(err, "warning: listening on " + hostPort[0] + ", which other machines can reach");
                }
                synchronized (out) {
                    out.println("listening on " + mock.hostAndPort());
                    if (!quiet) {
                        out.println("serving connection " + served.connection().id() + " of session " + recorded.session + " ("
                                + served.received().size() + " server messages, " + served.sent().size()
                                + " client messages to match by " + mode.name().toLowerCase(java.util.Locale.ROOT)
                                + (recording ? "); recording clients in session " + intoSession : ")"));
                        out.println("connect to " + mock.urlFor(served.url()));
                    }
                    out.flush();
                }
                stop.await();
            }
        }
        return ExitCodes.OK;
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1");
    }

    private static void say(PrintWriter err, String line) {
        synchronized (err) {
            err.println("sockscope: " + line);
            err.flush();
        }
    }

    /** A line per mock connection as it opens and closes, and its messages as connect prints them. */
    private static AutoCloseable printConnections(AppContext app, PrintWriter out) {
        Set<Long> mocked = ConcurrentHashMap.newKeySet();
        return app.registry().subscribe(event -> {
            if (event instanceof SessionEvent.Started s && s.origin() == dev.sockscope.core.Origin.MOCK) {
                mocked.add(s.connectionId());
                return;
            }
            if (!mocked.contains(event.connectionId())) {
                return;
            }
            String line = null;
            if (event instanceof SessionEvent.Opened o) {
                line = "open    #" + o.connectionId() + " " + o.url();
            } else if (event instanceof SessionEvent.FrameEvent f && f.message() != null) {
                line = "        #" + f.connectionId() + " " + (f.frame().direction() == dev.sockscope.core.Direction.SEND
                        ? "> " : "< ") + FramePrinter.describe(f.message());
            } else if (event instanceof SessionEvent.Closed c) {
                line = "closed  #" + c.connectionId() + " " + c.code() + (c.reason().isEmpty() ? "" : " " + c.reason());
                mocked.remove(c.connectionId());
            }
            if (line != null) {
                synchronized (out) {
                    out.println(line);
                    out.flush();
                }
            }
        });
    }
}
