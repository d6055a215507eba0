package dev.sockscope.cli;

import dev.sockscope.app.AppContext;
import dev.sockscope.app.DataDirectory;
import dev.sockscope.app.ProxyService;
import dev.sockscope.app.RuleBook;
import dev.sockscope.core.HttpExchange;
import dev.sockscope.core.SessionEvent;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sockscope proxy}: the MITM proxy, headless, recording every proxied WebSocket. */
@Command(name = "proxy", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run Sockscope's intercepting proxy: point an app at it, and every WebSocket it opens is relayed"
                + " byte for byte and recorded (both legs, both TLS sessions).",
                "Prints 'listening on HOST:PORT' when ready, then a line per proxied connection; SIGINT or SIGTERM"
                        + " closes open WebSockets with 1001 on both sides and exits 0."},
        footer = {"", "Pointing an app at it (HOST:PORT as printed; the CA from 'sockscope ca export ca.pem'):",
                "  most tools     HTTPS_PROXY=http://HOST:PORT HTTP_PROXY=http://HOST:PORT",
                "  Node           NODE_EXTRA_CA_CERTS=ca.pem, and an agent such as https-proxy-agent for ws",
                "  Python         SSL_CERT_FILE=ca.pem REQUESTS_CA_BUNDLE=ca.pem (websockets: proxy= on connect)",
                "  Java           -Dhttps.proxyHost=HOST -Dhttps.proxyPort=PORT, and ca.pem imported into a trust store:",
                "                 keytool -importcert -file ca.pem -keystore trust.p12 -storepass changeit -noprompt",
                "                 then -Djavax.net.ssl.trustStore=trust.p12 -Djavax.net.ssl.trustStorePassword=changeit",
                "  Chromium       --proxy-server=http://HOST:PORT --ignore-certificate-errors-spki-list=SPKI",
                "                 (SPKI from 'sockscope ca info'; only for this browser profile)",
                "Hosts given with --ignore-host are tunnelled untouched (for apps that pin certificates)."})
public final class ProxyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataDirOption dataDir;

    @Option(names = "--listen", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:8080",
            description = "Where to listen (default: ${DEFAULT-VALUE}; port 0 picks a free one). An address other than"
                    + " loopback lets anyone on that network use the proxy.")
    String listen;

    @Option(names = "--reverse", paramLabel = "URL",
            description = "Reverse mode: every connection goes to this ws:// or wss:// server (for apps that cannot be"
                    + " given a proxy: point them at the listen address instead of the server).")
    String reverse;

    @Option(names = "--tls", description = "With --reverse: apps reach the proxy over wss://, with a certificate from"
            + " Sockscope's CA (trust it in the app: sockscope ca export).")
    boolean tls;

    @Option(names = "--session", paramLabel = "NAME", defaultValue = "proxy",
            description = "Session to record into (default: ${DEFAULT-VALUE}).")
    String session;

    @Option(names = "--ignore-host", paramLabel = "PATTERN",
            description = "Tunnel TLS to matching hosts untouched (a glob: *.example.com); repeatable.")
    List<String> ignoreHosts = List.of();

    @Option(names = "--insecure-upstream", paramLabel = "HOST",
            description = "Do not require this server's certificate to be trusted (it is still checked, and recorded with"
                    + " why it was not trusted); an exact host name, repeatable. There is no switch for all hosts.")
    List<String> insecureUpstream = List.of();

    @Option(names = "--ca-file", paramLabel = "PEM", description = "Also trust these CAs for upstream servers.")
    Path caFile;

    @Option(names = "--max-message", paramLabel = "BYTES", defaultValue = "67108864",
            description = "Largest frame or message relayed (default: 64 MiB); beyond it both sides get close 1009.")
    long maxMessage;

    @Option(names = "--rules", paramLabel = "FILE", description = "Apply these interception rules (a JSON list of {match,"
            + " action}) to proxied messages; a file with an error is refused, naming the line.")
    Path rulesFile;

    @Option(names = "--quiet", description = "Print only the 'listening on' line.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        String[] hostPort = hostAndPort(listen);
        if (maxMessage < 1) {
            throw UserError.usage("--max-message takes 1 or more bytes");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ProxyService.Settings settings = new ProxyService.Settings(hostPort[0], Integer.parseInt(hostPort[1]), session,
                maxMessage, caFile, ignoreHosts).reversing(reverse, tls).insecureUpstream(insecureUpstream);
        for (String host : insecureUpstream) {
            if (host.isBlank() || host.contains("*")) {
                throw UserError.usage("--insecure-upstream takes one exact host name, not '" + host + "'");
            }
        }
        RuleBook rules = rulesFile == null ? RuleBook.empty() : RuleBook.load(rulesFile, true);
        CountDownLatch stop = new CountDownLatch(1);
        StopSignals.onStop(stop::countDown);
        try (AppContext app = new AppContext(DataDirectory.resolve(dataDir.dataDir));
                AutoCloseable lines = quiet ? () -> { } : printConnections(app, out);
                ProxyService.Running proxy = ProxyService.start(app, settings, rules)) {
            for (String host : insecureUpstream) {
                err.println("sockscope: warning: the certificate of " + host + " is not required to be trusted"
                        + " (--insecure-upstream); what it presents is recorded");
            }
            if (settings.exposed()) {
                err.println("sockscope: warning: listening on " + hostPort[0] + ", which other machines can reach:"
                        + " anyone there can use this proxy and see what it relays");
                err.flush();
            }
            var address = proxy.address();
            String host = address.getAddress().getHostAddress();
            out.println("listening on " + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort());
            if (!quiet && !rules.rules().isEmpty()) {
                out.println("rules   " + rules.rules().size() + " from " + rulesFile + " (" + rules.switchedOn() + " on)");
            }
            out.flush();
            stop.await();
        }
        return ExitCodes.OK;
    }

    /** One line per proxied connection as it opens, fails and closes, and one per plain HTTP request. */
    private static AutoCloseable printConnections(AppContext app, PrintWriter out) {
        Set<Long> proxied = ConcurrentHashMap.newKeySet();
        return app.registry().subscribe(event -> {
            if (event instanceof SessionEvent.Started started && started.origin().isProxied()) {
                proxied.add(started.connectionId());
                return;
            }
            if (event instanceof SessionEvent.HttpRequest http) {
                synchronized (out) {
                    out.println(httpLine(http.exchange()));
                    out.flush();
                }
                return;
            }
            if (!proxied.contains(event.connectionId())) {
                return;
            }
            String line = null;
            if (event instanceof SessionEvent.Opened opened) {
                line = "open    #" + opened.connectionId() + " " + opened.url();
            } else if (event instanceof SessionEvent.Closed closed) {
                line = "closed  #" + closed.connectionId() + " " + closed.code()
                        + (closed.reason().isEmpty() ? "" : " " + closed.reason());
            } else if (event instanceof SessionEvent.Failed failed) {
                line = "failed  #" + failed.connectionId() + " " + failed.url() + ": " + failed.failure().message();
            }
            if (line != null) {
                synchronized (out) {
                    out.println(line);
                    out.flush();
                }
            }
            if (event instanceof SessionEvent.Closed || event instanceof SessionEvent.Failed) {
                proxied.remove(event.connectionId());
            }
        });
    }

    /** {@code http    GET https://host/path 200 1234 B 12 ms}, or the error in place of the status. */
    static String httpLine(HttpExchange e) {
        return "http    " + e.summary();
    }

    /** "HOST:PORT", "[v6]:PORT", ":PORT" or "PORT" (loopback). */
    static String[] hostAndPort(String text) {
        String host;
        String port;
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            host = "127.0.0.1";
            port = text;
        } else {
            host = colon == 0 ? "127.0.0.1" : text.substring(0, colon);
            port = text.substring(colon + 1);
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) > 65535 || host.isBlank()) {
            throw UserError.usage("--listen takes HOST:PORT (port 0-65535), not " + text);
        }
        return new String[] {host, port};
    }
}
