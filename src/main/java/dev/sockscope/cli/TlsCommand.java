package dev.sockscope.cli;

import dev.sockscope.app.AppContext;
import dev.sockscope.app.DataDirectory;
import dev.sockscope.app.TlsInspection;
import dev.sockscope.core.ConnectRequest;
import dev.sockscope.core.Connection;
import dev.sockscope.core.Failure;
import dev.sockscope.core.FailureKind;
import dev.sockscope.core.Handshake;
import dev.sockscope.core.Origin;
import dev.sockscope.core.SessionEvent;
import dev.sockscope.core.TlsInfo;
import dev.sockscope.core.TlsReport;
import dev.sockscope.core.TrustOptions;
import dev.sockscope.core.WsUrl;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sockscope tls URL}: the TLS session, the chain with its verdict, and the upgrade, the way
 * the certificate viewer shows them. Exits 0 whenever it could inspect, whatever the verdict.
 */
@Command(name = "tls", mixinStandardHelpOptions = true,
        description = {"Inspect the TLS session and certificate chain of an endpoint, and the WebSocket upgrade.",
                "ws:// and wss:// URLs are upgraded; https://host:port does the TLS handshake only.",
                "Exits 0 whenever it could inspect, trusted or not; 1 when it could not connect."})
public final class TlsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DataDirOption dataDir;

    @Parameters(index = "0", paramLabel = "URL", description = "wss://, ws://, https:// or http:// URL.")
    String url;

    @Option(names = "--json", description = "Print one JSON object; when the inspection fails, one with an error"
            + " (kind and message), as well as the line on standard error.")
    boolean json;

    @Option(names = "--ca-file", paramLabel = "PEM", description = "Also trust the certificates in this PEM file.")
    Path caFile;

    @Option(names = "--timeout", paramLabel = "S", defaultValue = "10", description = "Seconds to wait (default: ${DEFAULT-VALUE}).")
    double timeoutSeconds;

    /** What was captured: either part may be missing (no TLS on ws://, no upgrade for https://). */
    record Inspection(WsUrl url, TlsInfo tls, Handshake handshake, Failure failure) {
    }

    @Override
    public Integer call() throws Exception {
        try {
            return inspect();
        } catch (UserError | dev.sockscope.app.UserFacingException e) {
            if (json) {
                // A script piping to jq gets an object either way; the kind is stable, the message for people.
                String kind = failedAs != null ? failedAs.name().toLowerCase(Locale.ROOT).replace('_', '-')
                        : e instanceof UserError user && user.exitCode() == ExitCodes.USAGE ? "usage" : "error";
                PrintWriter out = spec.commandLine().getOut();
                out.println(TlsJson.renderError(url, kind, e.getMessage()));
                out.flush();
            }
            throw e;
        }
    }

    /** Why the connection failed before anything was captured, for the JSON's error kind; null otherwise. */
    private FailureKind failedAs;

    private int inspect() throws Exception {
        WsUrl target;
        try {
            target = WsUrl.parse(url);
        } catch (IllegalArgumentException e) {
            throw UserError.usage("invalid URL: " + e.getMessage());
        }
        if (timeoutSeconds <= 0) {
            throw UserError.usage("--timeout must be positive");
        }
        boolean tlsOnly = url.strip().toLowerCase(Locale.ROOT).startsWith("https://");
        TrustOptions trust = new TrustOptions(caFile, java.util.Set.of());
        Duration timeout = Duration.ofMillis((long) (timeoutSeconds * 1000));
        try (AppContext app = new AppContext(DataDirectory.resolve(dataDir.dataDir))) {
            Inspection inspection = tlsOnly ? probe(app, target, trust, timeout) : upgrade(app, target, trust, timeout);
            if (inspection.tls() == null && inspection.handshake() == null) {
                Failure f = inspection.failure();
                failedAs = f.kind();
                throw new UserError(f.kind().isUsage() ? ExitCodes.USAGE : ExitCodes.FAILURE, f.message());
            }
            TlsReport report = inspection.tls() == null ? null : report(app.tlsInspection(), inspection, trust);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(TlsJson.render(inspection, report));
            } else {
                TlsText.print(out, inspection, report);
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    private static TlsReport report(TlsInspection inspection, Inspection captured, TrustOptions trust) {
        try {
            return inspection.report(captured.tls(), captured.url().host(), trust);
        } catch (IllegalArgumentException e) {
            throw UserError.usage("--ca-file: " + e.getMessage());
        }
    }

    private static Inspection probe(AppContext app, WsUrl target, TrustOptions trust, Duration timeout) {
        TlsInspection.Probe probe = app.tlsInspection().probe(target, trust, timeout);
        return new Inspection(target, probe.tls(), null, probe.failure());
    }

    /** Opens the connection as `connect` would, keeps what it captured, and closes at once. */
    private static Inspection upgrade(AppContext app, WsUrl target, TrustOptions trust, Duration timeout) throws Exception {
        CompletableFuture<SessionEvent> settled = new CompletableFuture<>();
        ConnectRequest request = new ConnectRequest(target, List.of(), List.of(), timeout, trust);
        long id = app.registry().newConnectionId();
        SessionEvent first;
        Connection connection;
        try (AutoCloseable watch = app.registry().subscribe(event -> {
            if (event.connectionId() == id && (event instanceof SessionEvent.Opened || event instanceof SessionEvent.Failed)) {
                settled.complete(event);
            }
        })) {
            connection = app.connections().open(id, request, Origin.CLI, "default");
            first = settled.get(timeout.toMillis() + 5000, TimeUnit.MILLISECONDS);
        }
        if (first instanceof SessionEvent.Opened opened) {
            connection.close(1000, "");
            return new Inspection(target, opened.tls(), opened.handshake(), null);
        }
        Failure failure = ((SessionEvent.Failed) first).failure();
        return new Inspection(target, failure.tls(), failure.handshake(), failure);
    }
}
