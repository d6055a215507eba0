package dev.sockscope.app;

import dev.sockscope.core.SessionEvent;
import dev.sockscope.core.TrustOptions;
import dev.sockscope.proxy.EventSink;
import dev.sockscope.proxy.HttpHead;
import dev.sockscope.proxy.ProxyConfig;
import dev.sockscope.proxy.ProxyServer;
import dev.sockscope.proxy.Target;
import dev.sockscope.tls.InterceptTls;
import dev.sockscope.tls.LeafIssuer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Runs the MITM proxy inside the app: its connections go through the one event channel (so they
 * are recorded and the window can follow them), its certificates come from this install's CA.
 */
public final class ProxyService {
    private ProxyService() {
    }

    /**
     * What a user sets: where to listen, where to record, what to pass through.
     *
     * @param caFile more CAs to trust upstream (the system store is always trusted), or null
     */
    public record Settings(String host, int port, String session, long maxMessage, Path caFile, List<String> ignoreHosts,
            String reverse, boolean tls, List<String> insecureUpstream) {
        public Settings {
            ignoreHosts = List.copyOf(ignoreHosts);
            insecureUpstream = List.copyOf(insecureUpstream);
        }

        /** An explicit proxy (apps configured to use it). */
        public Settings(String host, int port, String session, long maxMessage, Path caFile, List<String> ignoreHosts) {
            this(host, port, session, maxMessage, caFile, ignoreHosts, null, false, List.of());
        }

        /**
         * The same, with the certificates of these hosts not required to be trusted (checked and
         * recorded all the same): for a staging server with a self-signed certificate.
         */
        public Settings insecureUpstream(List<String> hosts) {
            return new Settings(host, port, session, maxMessage, caFile, ignoreHosts, reverse, tls, hosts);
        }

        public static Settings loopback(int port, String session) {
            return new Settings("127.0.0.1", port, session, ProxyConfig.DEFAULT_MAX_MESSAGE, null, List.of());
        }

        /** The same, as a reverse proxy to {@code url}; {@code tls} makes apps reach it over wss://. */
        public Settings reversing(String url, boolean tlsListener) {
            return new Settings(host, port, session, maxMessage, caFile, ignoreHosts, url, tlsListener, insecureUpstream);
        }

        /** True when it listens on an address other machines can reach: anyone there could use it. */
        public boolean exposed() {
            try {
                return !java.net.InetAddress.getByName(host).isLoopbackAddress();
            } catch (java.net.UnknownHostException e) {
                return true;
            }
        }
    }

    /** A proxy that is listening; close stops it (WebSockets closed with 1001 on both sides). */
    public static final class Running implements AutoCloseable {
        private final ProxyServer server;

        private Running(ProxyServer server) {
            this.server = server;
        }

        public InetSocketAddress address() {
            return server.address();
        }

        public int openConnections() {
            return server.openConnections();
        }

        /**
         * Sends a text or binary message of the user's on a live proxied connection: to the server
         * ({@code SEND}) or to the app ({@code RECEIVE}); recorded as sent by hand. False when the
         * connection has ended (or is relayed byte for byte, outside the window).
         */
        public boolean sendByHand(long connectionId, dev.sockscope.core.Direction direction, dev.sockscope.core.Opcode opcode,
                byte[] payload) {
            return server.sendByHand(connectionId, direction, opcode, payload);
        }

        /** Closes the app's side or the server's side of a live proxied connection with a code; false when it has ended. */
        public boolean closeByHand(long connectionId, boolean appSide, int code, String reason) {
            return server.closeByHand(connectionId, appSide, code, reason);
        }

        @Override
        public void close() {
            server.close();
        }
    }

    /**
     * Starts the proxy.
     *
     * @throws UserFacingException when the address cannot be listened on (in use, not local), or the CA cannot be used
     */
    public static Running start(AppContext app, Settings settings) {
        return start(app, settings, RuleBook.empty());
    }

    /**
     * Starts the proxy, applying the book's rules (as they are at each message) to the connections
     * they concern.
     *
     * @throws UserFacingException when the address cannot be listened on (in use, not local), or the CA cannot be used
     */
    public static Running start(AppContext app, Settings settings, RuleBook rules) {
        String session = SessionNames.check(settings.session());
        LocalAuthority authority = LocalAuthority.in(app.dataDir());
        LeafIssuer leaves = authority.leafIssuer();
        InterceptTls intercept = new InterceptTls(leaves.ca(), leaves);
        Target reverse = null;
        if (settings.reverse() != null) {
            try {
                reverse = Target.ofReverse(settings.reverse());
            } catch (HttpHead.Malformed e) {
                throw UserFacingException.usage(e.getMessage());
            }
        } else if (settings.tls()) {
            throw UserFacingException.usage("--tls is for reverse mode (--reverse URL): an explicit proxy intercepts the"
                    + " TLS inside each CONNECT");
        }
        if (settings.caFile() != null) {
            try {
                // Read once now, so a wrong file is said at start rather than as a 502 to every app.
                dev.sockscope.tls.ClientTls.create(new TrustOptions(settings.caFile(), Set.of()));
            } catch (java.io.IOException | java.security.GeneralSecurityException | RuntimeException e) {
                throw UserFacingException.usage("--ca-file " + settings.caFile() + " cannot be used: " + e.getMessage());
            }
        }
        ProxyConfig config = new ProxyConfig(settings.host(), settings.port(), session, settings.maxMessage(),
                new TrustOptions(settings.caFile(), Set.of()), settings.ignoreHosts(), reverse, settings.tls(),
                Set.copyOf(settings.insecureUpstream()), ProxyConfig.DEFAULT_HEAD_TIMEOUT);
        SessionRegistry registry = app.registry();
        EventSink sink = new EventSink() {
            @Override
            public long newConnectionId() {
                return registry.newConnectionId();
            }

            @Override
            public void publish(SessionEvent event) {
                registry.publish(event);
            }
        };
        try {
            return new Running(ProxyServer.start(config, sink, intercept, rules.hooks()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw UserFacingException.failure("interrupted while starting the proxy");
        } catch (Exception e) {
            throw new UserFacingException(UserFacingException.Kind.FAILURE, "cannot listen on " + settings.host() + ":"
                    + settings.port() + ": " + bindProblem(e), e);
        }
    }

    /** Why an address could not be listened on, in words that say what to do. */
    static String bindProblem(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        String message = String.valueOf(cause.getMessage());
        if (message.contains("Address already in use")) {
            return "the port is in use (choose another with --listen, or 0 for any free one)";
        }
        if (message.contains("Cannot assign requested address")) {
            return "that address is not one of this machine's";
        }
        if (message.contains("Permission denied")) {
            return "permission denied (ports below 1024 need privileges)";
        }
        return message;
    }
}
