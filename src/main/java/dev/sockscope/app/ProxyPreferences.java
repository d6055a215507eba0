package dev.sockscope.app;

import dev.sockscope.proxy.ProxyConfig;
import java.nio.file.Path;
import java.util.List;

/**
 * How the user set up the window's proxy, saved with the settings: where it listens, explicit or
 * reverse, what it passes through untouched, whose certificates it accepts without trusting them,
 * and the largest message it relays.
 *
 * @param host the address to listen on; loopback unless the user chose another
 * @param port 0 for any free one
 * @param reverseUrl the one upstream of a reverse proxy ("ws://…" or "wss://…"), empty for an explicit proxy
 * @param reverseTls in reverse mode, apps reach the proxy over wss:// (a leaf from Sockscope's CA)
 * @param ignoreHosts host globs tunnelled untouched (never intercepted)
 * @param insecureUpstream hosts whose certificates are checked and recorded but not required to be trusted
 * @param caFile a PEM file of more CAs to trust upstream, empty for the system's alone
 * @param maxMessage the largest frame or message relayed, in bytes
 */
public record ProxyPreferences(String host, int port, String reverseUrl, boolean reverseTls, List<String> ignoreHosts,
        List<String> insecureUpstream, String caFile, long maxMessage) {
    public static final String LOOPBACK = "127.0.0.1";

    public ProxyPreferences {
        host = host == null || host.isBlank() ? LOOPBACK : host.strip();
        port = port >= 0 && port <= 65535 ? port : Settings.DEFAULT_PROXY_PORT;
        reverseUrl = reverseUrl == null ? "" : reverseUrl.strip();
        ignoreHosts = ignoreHosts == null ? List.of() : List.copyOf(ignoreHosts);
        insecureUpstream = insecureUpstream == null ? List.of() : List.copyOf(insecureUpstream);
        caFile = caFile == null ? "" : caFile.strip();
        maxMessage = maxMessage > 0 ? maxMessage : ProxyConfig.DEFAULT_MAX_MESSAGE;
    }

    public static ProxyPreferences defaults() {
        return new ProxyPreferences(LOOPBACK, Settings.DEFAULT_PROXY_PORT, "", false, List.of(), List.of(), "",
                ProxyConfig.DEFAULT_MAX_MESSAGE);
    }

    public boolean reverse() {
        return !reverseUrl.isEmpty();
    }

    public ProxyPreferences withPort(int value) {
        return new ProxyPreferences(host, value, reverseUrl, reverseTls, ignoreHosts, insecureUpstream, caFile, maxMessage);
    }

    public ProxyPreferences withHost(String value) {
        return new ProxyPreferences(value, port, reverseUrl, reverseTls, ignoreHosts, insecureUpstream, caFile, maxMessage);
    }

    /** The same, as a reverse proxy to {@code url} (empty: an explicit proxy again). */
    public ProxyPreferences withReverse(String url, boolean tls) {
        return new ProxyPreferences(host, port, url, tls, ignoreHosts, insecureUpstream, caFile, maxMessage);
    }

    public ProxyPreferences withIgnoreHosts(List<String> value) {
        return new ProxyPreferences(host, port, reverseUrl, reverseTls, value, insecureUpstream, caFile, maxMessage);
    }

    public ProxyPreferences withInsecureUpstream(List<String> value) {
        return new ProxyPreferences(host, port, reverseUrl, reverseTls, ignoreHosts, value, caFile, maxMessage);
    }

    public ProxyPreferences withCaFile(String value) {
        return new ProxyPreferences(host, port, reverseUrl, reverseTls, ignoreHosts, insecureUpstream, value, maxMessage);
    }

    public ProxyPreferences withMaxMessage(long value) {
        return new ProxyPreferences(host, port, reverseUrl, reverseTls, ignoreHosts, insecureUpstream, caFile, value);
    }

    /** What the proxy service starts with, recording into {@code session}. */
    public ProxyService.Settings toService(String session) {
        ProxyService.Settings settings = new ProxyService.Settings(host, port, session, maxMessage,
                caFile.isEmpty() ? null : Path.of(caFile), ignoreHosts).insecureUpstream(insecureUpstream);
        return reverse() ? settings.reversing(reverseUrl, reverseTls) : settings;
    }

    /**
     * True when it listens where other machines can reach it (anyone there could use it). Asks no
     * DNS (the window calls it as the user types): a name other than localhost counts as exposed.
     */
    public boolean exposed() {
        String h = host.toLowerCase(java.util.Locale.ROOT);
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            return false;
        }
        if (!h.matches("[0-9.]+") && !h.contains(":")) {
            return true;
        }
        try {
            // a literal address is parsed, not looked up
            return !java.net.InetAddress.getByName(h).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return true;
        }
    }
}
