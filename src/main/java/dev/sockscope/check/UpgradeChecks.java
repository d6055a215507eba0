package dev.sockscope.check;

import dev.sockscope.core.CheckItem;
import dev.sockscope.core.CheckRequest;
import dev.sockscope.core.CheckVerdict;
import dev.sockscope.core.Header;
import dev.sockscope.core.WsUrl;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The items judged from upgrades: {@code origin}, {@code auth}, {@code headers} and
 * {@code plaintext}. Each compares an upgrade changed in one respect with the request's own
 * (the baseline), every one on its own connection.
 */
final class UpgradeChecks {
    static final String ORIGIN = "origin";
    static final String AUTH = "auth";
    static final String HEADERS = "headers";
    static final String PLAINTEXT = "plaintext";
    static final String EXAMPLES = " (see the nginx and Caddy examples in the report)";

    private final CheckRequest request;
    private final UpgradeProbe probe;
    private final WsUrl url;
    private final UpgradeProbe.Response baseline;

    UpgradeChecks(CheckRequest request) {
        this.request = request;
        this.probe = new UpgradeProbe(request);
        this.url = request.url();
        this.baseline = upgrade(url.resource(), request.headers());
    }

    UpgradeProbe.Response baseline() {
        return baseline;
    }

    private UpgradeProbe.Response upgrade(String resource, List<Header> headers) {
        return probe.upgrade(url.host(), url.port(), url.secure(), resource, headers);
    }

    private String yours() {
        return "your upgrade" + (request.headers().isEmpty() ? "" : " (with your " + request.headers().size() + " header"
                + (request.headers().size() == 1 ? "" : "s") + ")") + " → " + baseline.describe();
    }

    /** Why the items that compare with the baseline cannot judge, or null when they can. */
    private String baselineRefused() {
        if (baseline.failure() != null) {
            return "The upgrade could not be made (" + baseline.failure() + "), so this cannot be judged.";
        }
        if (!baseline.upgraded()) {
            return "The upgrade itself was not accepted (the answer was " + baseline.statusLine() + ", not 101 Switching"
                    + " Protocols), so this cannot be judged; that answer is the evidence.";
        }
        return null;
    }

    CheckItem origin() {
        String refused = baselineRefused();
        List<Header> others = request.headers().stream().filter(h -> !UpgradeProbe.isHeader(h, "origin")).toList();
        UpgradeProbe.Response foreign = upgrade(url.resource(), Stream.concat(others.stream(),
                Stream.of(new Header("Origin", request.foreignOrigin()))).toList());
        UpgradeProbe.Response none = upgrade(url.resource(), others);
        List<String> evidence = List.of(yours(), "Origin: " + request.foreignOrigin() + " → " + foreign.describe(),
                "no Origin → " + none.describe());
        if (refused != null) {
            return new CheckItem(ORIGIN, CheckVerdict.SKIPPED, refused, evidence, "");
        }
        List<String> credentials = Credentials.named(request.headers(), url);
        if (foreign.upgraded()) {
            if (!credentials.isEmpty()) {
                return new CheckItem(ORIGIN, CheckVerdict.FAIL, "Completes the upgrade for a foreign Origin, and the upgrade"
                        + " carries credentials (" + String.join(", ", credentials) + "): any web page can open this"
                        + " socket as its visitor (cross-site WebSocket hijacking).", evidence, originFix());
            }
            return new CheckItem(ORIGIN, CheckVerdict.WARN, "Completes the upgrade for a foreign Origin. Harmless only while"
                    + " the socket needs no cookie or credential a browser would send by itself.", evidence, originFix());
        }
        return new CheckItem(ORIGIN, CheckVerdict.PASS, "Refuses the upgrade for a foreign Origin ("
                + foreign.describe() + ").", evidence, "");
    }

    private static String originFix() {
        return "Check the Origin header at the upgrade against a list of your own origins and answer 403 otherwise"
                + " (ws: verifyClient; Socket.IO: allowRequest/cors.origin; Spring: setAllowedOrigins).";
    }

    CheckItem auth() {
        List<String> credentials = Credentials.named(request.headers(), url);
        if (credentials.isEmpty()) {
            return CheckItem.skipped(AUTH, "No credentials were given (no Cookie, Authorization or token header, no token"
                    + " in the URL): there is nothing to take away.");
        }
        String refused = baselineRefused();
        UpgradeProbe.Response bare = upgrade(Credentials.resourceWithout(url), Credentials.without(request.headers()));
        List<String> evidence = List.of(yours(), "without " + String.join(", ", credentials) + " → " + bare.describe());
        if (refused != null) {
            return new CheckItem(AUTH, CheckVerdict.SKIPPED, refused, evidence, "");
        }
        if (bare.upgraded()) {
            return new CheckItem(AUTH, CheckVerdict.FAIL, "The upgrade succeeds without the credentials: the server does not"
                    + " check them at the upgrade (it may still check them in messages).", evidence,
                    "Authenticate at the upgrade and answer 401 or 403 before switching protocols.");
        }
        return new CheckItem(AUTH, CheckVerdict.PASS, "Without the credentials the upgrade is refused (" + bare.describe()
                + ").", evidence, "");
    }

    CheckItem headers() {
        if (!url.secure()) {
            return CheckItem.skipped(HEADERS, "A ws:// endpoint: Strict-Transport-Security applies to HTTPS only (see plaintext).");
        }
        List<String> evidence = new ArrayList<>();
        evidence.add("upgrade → " + baseline.describe());
        String hsts = baseline.header("Strict-Transport-Security").orElse(null);
        String where = "the upgrade's response";
        if (hsts == null) {
            UpgradeProbe.Response page = probe.get(url.host(), url.port(), true, "/");
            evidence.add("GET https://" + url.authority() + "/ → " + page.describe());
            hsts = page.header("Strict-Transport-Security").orElse(null);
            where = "the HTTPS answer";
            addSeen(evidence, page);
            if (baseline.failure() != null && page.failure() != null) {
                return new CheckItem(HEADERS, CheckVerdict.SKIPPED, "No HTTPS answer could be had, so its headers cannot be"
                        + " judged.", evidence, "");
            }
        }
        addSeen(evidence, baseline);
        List<String> insecureCookies = baseline.all("Set-Cookie").stream()
                .filter(c -> !c.toLowerCase(Locale.ROOT).contains("secure")).toList();
        if (hsts == null) {
            evidence.add(0, "no Strict-Transport-Security header");
            return new CheckItem(HEADERS, CheckVerdict.WARN, "No Strict-Transport-Security: a browser may still try this host"
                    + " over plain HTTP first.", evidence, "Send Strict-Transport-Security: max-age=31536000; includeSubDomains"
                    + " on HTTPS answers.");
        }
        evidence.add(0, "Strict-Transport-Security: " + hsts + " (on " + where + ")");
        if (!insecureCookies.isEmpty()) {
            return new CheckItem(HEADERS, CheckVerdict.WARN, "A cookie set at the upgrade lacks the Secure flag.", evidence,
                    "Set cookies with Secure; HttpOnly; SameSite=Strict or Lax.");
        }
        return new CheckItem(HEADERS, CheckVerdict.PASS, "Strict-Transport-Security is sent.", evidence, "");
    }

    private static void addSeen(List<String> evidence, UpgradeProbe.Response response) {
        for (String name : List.of("Server", "X-Powered-By", "Set-Cookie", "Sec-WebSocket-Protocol", "Sec-WebSocket-Extensions")) {
            response.all(name).forEach(value -> evidence.add(name + ": " + value));
        }
    }

    CheckItem plaintext() {
        if (!url.secure()) {
            List<String> evidence = List.of(yours());
            if (loopback(url.host())) {
                return new CheckItem(PLAINTEXT, CheckVerdict.WARN, "A plaintext ws:// endpoint on this machine: fine for"
                        + " development, never beyond it.", evidence, "Serve wss:// anywhere else; for local wss://,"
                        + " sockscope proxy --reverse " + url + " --tls" + EXAMPLES + ".");
            }
            return new CheckItem(PLAINTEXT, CheckVerdict.FAIL, "A plaintext ws:// endpoint: messages, cookies and tokens"
                    + " travel unencrypted and can be read and changed on the way.", evidence,
                    "Serve wss:// (terminate TLS in front of the server)" + EXAMPLES + " and refuse or redirect ws://.");
        }
        List<String> evidence = new ArrayList<>();
        List<Integer> open = new ArrayList<>();
        for (int port : url.port() == 80 ? List.of(80) : List.of(80, url.port())) {
            UpgradeProbe.Response plain = probe.upgrade(url.host(), port, false, url.resource(), request.headers());
            evidence.add("ws://" + UpgradeProbe.authority(url.host(), port) + url.resource() + " → " + plain.describe());
            if (plain.upgraded()) {
                open.add(port);
            }
        }
        if (!open.isEmpty()) {
            return new CheckItem(PLAINTEXT, CheckVerdict.FAIL, "Also accepts a plaintext ws:// upgrade on port "
                    + String.join(" and ", open.stream().map(String::valueOf).toList()) + ".", evidence,
                    "Refuse ws:// or redirect it to https (HTTP 301/308)" + EXAMPLES + ".");
        }
        return new CheckItem(PLAINTEXT, CheckVerdict.PASS, "No plaintext ws:// upgrade is accepted on port 80 or the URL's port.",
                evidence, "");
    }

    static boolean loopback(String host) {
        try {
            // An address literal only: the check asks no DNS for this.
            return host.equalsIgnoreCase("localhost")
                    || ClientHello.isIpLiteral(host) && InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
