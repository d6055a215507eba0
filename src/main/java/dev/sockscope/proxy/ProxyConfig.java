package dev.sockscope.proxy;

import dev.sockscope.core.TrustOptions;
import java.util.List;
import java.util.Set;

/**
 * How the proxy runs.
 *
 * @param host the address to listen on (loopback unless the user asks)
 * @param port the port, 0 for any free one
 * @param session the recording session its connections go into
 * @param maxMessage the largest frame or message relayed, in bytes; beyond it both sides are closed with 1009
 * @param upstreamTrust what upstream certificates are trusted (the system store plus --ca-file)
 * @param ignoreHosts host globs passed through as raw TLS, never intercepted
 * @param reverse in reverse mode, the one upstream every connection goes to (its origin-form path
 *     kept); null for an explicit proxy
 * @param tlsListener true when apps reach the proxy itself over TLS (reverse mode's wss://), with a
 *     leaf from the install's CA
 * @param insecureUpstream hosts whose certificate is checked and recorded but not required to be
 *     trusted (the user's per-host exception); never a pattern, never all
 * @param headTimeout how long an app may take to finish saying where it wants to go (its request
 *     head); then it gets 408 and is closed, so an unfinished head does not hold a connection
 */
public record ProxyConfig(String host, int port, String session, long maxMessage, TrustOptions upstreamTrust,
        List<String> ignoreHosts, Target reverse, boolean tlsListener, Set<String> insecureUpstream,
        java.time.Duration headTimeout) {
    public static final long DEFAULT_MAX_MESSAGE = 64L << 20;
    public static final java.time.Duration DEFAULT_HEAD_TIMEOUT = java.time.Duration.ofSeconds(30);

    public ProxyConfig {
        ignoreHosts = List.copyOf(ignoreHosts);
        insecureUpstream = insecureUpstream.stream().map(h -> h.toLowerCase(java.util.Locale.ROOT))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** True when the user made an exception for this host's certificate. */
    public boolean insecureFor(String upstreamHost) {
        return insecureUpstream.contains(upstreamHost.toLowerCase(java.util.Locale.ROOT));
    }

    public static ProxyConfig loopback(int port, String session) {
        return new ProxyConfig("127.0.0.1", port, session, DEFAULT_MAX_MESSAGE, new TrustOptions(null, Set.of()), List.of(),
                null, false, Set.of(), DEFAULT_HEAD_TIMEOUT);
    }

    /** True when {@code host} matches an --ignore-host glob ({@code *} for any run of characters). */
    public boolean ignores(String host) {
        for (String glob : ignoreHosts) {
            String regex = ("\\Q" + glob.toLowerCase(java.util.Locale.ROOT) + "\\E").replace("*", "\\E.*\\Q");
            if (host.toLowerCase(java.util.Locale.ROOT).matches(regex)) {
                return true;
            }
        }
        return false;
    }
}
