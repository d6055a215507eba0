package dev.sockscope.cli;

import dev.sockscope.app.EndpointCheck;
import dev.sockscope.core.CheckItem;
import dev.sockscope.core.CheckReport;
import dev.sockscope.core.CheckRequest;
import dev.sockscope.core.CheckVerdict;
import dev.sockscope.core.Header;
import dev.sockscope.core.TrustOptions;
import dev.sockscope.core.WsUrl;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sockscope check URL}: the endpoint security report. Exits 0 whenever the check ran,
 * whatever it found, unless {@code --fail-on} says otherwise; 1 only when no TCP connection could
 * be made; 2 on bad usage.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check the security of a ws:// or wss:// endpoint: TLS versions and suites, the certificate,"
                + " plaintext ws://, foreign Origins, whether credentials matter, headers, and (when asked) message size.",
                "Every probe uses a connection of its own, is bounded by --timeout and goes only to the URL given.",
                "Exits 0 when the check ran (3 with --fail-on when a check is at or above that level), 1 when no"
                + " connection could be made, 2 on bad usage."})
public final class CheckCommand implements Callable<Integer> {
    static final int FAILED_CHECK = 3;

    @Spec
    CommandSpec spec;

    @Mixin
    DataDirOption dataDir;

    @Parameters(index = "0", paramLabel = "URL", description = "ws:// or wss:// URL (http:// and https:// are taken as them).")
    String url;

    @Option(names = "--json", description = "Print one JSON object (url, checkedAt, checks; error when it could not run).")
    boolean json;

    @Option(names = "--markdown", description = "Print the report as Markdown, for a bug tracker.")
    boolean markdown;

    @Option(names = "--ca-file", paramLabel = "PEM", description = "Also trust the certificates in this PEM file.")
    Path caFile;

    @Option(names = "--trust-cert", paramLabel = "SHA256", description = "Accept this leaf certificate (repeatable).")
    List<String> pins = new ArrayList<>();

    @Option(names = {"-H", "--header"}, paramLabel = "'Name: value'", description = "Request header, as your client sends"
            + " it (repeatable): cookies and tokens here are what the origin and auth checks take away.")
    List<String> headers = new ArrayList<>();

    @Option(names = "--subprotocol", paramLabel = "P", description = "Subprotocol to offer (repeatable).")
    List<String> subprotocols = new ArrayList<>();

    @Option(names = "--origin", paramLabel = "ORIGIN", description = "The foreign Origin to try (default: "
            + CheckRequest.DEFAULT_FOREIGN_ORIGIN + ").")
    String origin;

    @Option(names = "--message-size", paramLabel = "BYTES", defaultValue = "0", description = "Send one message of this"
            + " size to see whether the server accepts it (off by default: it sends real traffic).")
    long messageSize;

    @Option(names = "--fail-on", paramLabel = "warn|fail", description = "Exit 3 when any check is at this level or worse.")
    String failOn;

    @Option(names = "--timeout", paramLabel = "S", defaultValue = "10", description = "Seconds each probe may take"
            + " (default: ${DEFAULT-VALUE}).")
    double timeoutSeconds;

    @Override
    public Integer call() {
        CheckRequest request;
        CheckVerdict threshold;
        try {
            request = request();
            threshold = threshold();
        } catch (UserError e) {
            if (json) {
                print(EndpointCheck.json(new CheckReport(url, Instant.now(), List.of(), e.getMessage())));
            }
            throw e;
        }
        CheckReport report = EndpointCheck.run(request);
        if (json) {
            print(EndpointCheck.json(report));
        } else if (markdown) {
            print(EndpointCheck.markdown(report));
        } else if (report.error() == null) {
            printText(report);
        }
        if (report.error() != null) {
            throw new UserError(ExitCodes.FAILURE, "cannot check " + url + ": " + report.error());
        }
        return threshold != null && report.worst().atLeast(threshold) ? FAILED_CHECK : ExitCodes.OK;
    }

    private CheckRequest request() {
        WsUrl target = RequestFlags.url(url);
        List<Header> parsed = RequestFlags.headers(headers);
        Set<String> fingerprints = RequestFlags.pins(pins);
        if (caFile != null && !java.nio.file.Files.isReadable(caFile)) {
            throw UserError.usage("--ca-file: cannot read " + caFile + (java.nio.file.Files.exists(caFile) ? ""
                    : " (no such file)"));
        }
        if (timeoutSeconds <= 0 || messageSize < 0) {
            throw UserError.usage("--timeout must be positive and --message-size not negative");
        }
        return new CheckRequest(target, parsed, subprotocols, new TrustOptions(caFile, fingerprints), origin, messageSize,
                Duration.ofMillis((long) (timeoutSeconds * 1000)));
    }

    private CheckVerdict threshold() {
        if (failOn == null) {
            return null;
        }
        return switch (failOn.toLowerCase(Locale.ROOT)) {
            case "warn" -> CheckVerdict.WARN;
            case "fail" -> CheckVerdict.FAIL;
            default -> throw UserError.usage("--fail-on takes warn or fail, not " + failOn);
        };
    }

    private void printText(CheckReport report) {
        PrintWriter out = spec.commandLine().getOut();
        out.println("Security check of " + report.url() + " (" + report.checkedAt() + ")");
        for (CheckItem item : report.checks()) {
            out.printf(Locale.ROOT, "%n%-7s %s: %s%n", item.verdict().label().toUpperCase(Locale.ROOT), item.id(),
                    item.summary());
            item.evidence().forEach(line -> out.println("        " + line));
            if (!item.fix().isEmpty()) {
                out.println("        fix: " + item.fix());
            }
        }
        out.println();
        out.println(EndpointCheck.tally(report));
        if (EndpointCheck.wantsExamples(report)) {
            out.println("Examples of wss:// in front of a server (nginx, Caddy): sockscope check --markdown " + report.url());
        }
        out.flush();
    }

    private void print(String text) {
        PrintWriter out = spec.commandLine().getOut();
        out.println(text);
        out.flush();
    }
}
