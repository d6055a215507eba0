package dev.sockscope.app;

import dev.sockscope.diff.Alignment;
import dev.sockscope.mock.MockConfig;
import dev.sockscope.mock.MockServer;
import dev.sockscope.replay.Conversation;
import dev.sockscope.replay.MockScript;
import dev.sockscope.tls.ServerTls;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;

/**
 * Serves a recorded connection's server side as a mock server: any WebSocket client that connects
 * gets the recorded answers (see {@link MockScript}), and each of its connections is recorded in
 * a session of its own. Starting binds at once and may fail with the reason; call it off the FX
 * thread (it may read the CA).
 */
public final class MockService {
    /**
     * How to serve.
     *
     * @param host where to listen: loopback unless the user says otherwise
     * @param port 0 for a free one
     * @param ignored JSON pointers of volatile fields, for content matching
     * @param into the session mock connections are recorded in
     */
    public record Options(String host, int port, Alignment.Mode match, Set<String> ignored, boolean loop, boolean noWait,
            boolean tls, String into) {
        public Options {
            ignored = Set.copyOf(ignored);
            into = SessionNames.check(into);
        }
    }

    /** A mock server that is serving; closing it ends its clients' connections with 1001. */
    public static final class Running implements AutoCloseable {
        private final MockServer server;
        private final boolean tls;

        private Running(MockServer server, boolean tls) {
            this.server = server;
            this.tls = tls;
        }

        public InetSocketAddress address() {
            return server.address();
        }

        /** "HOST:PORT", with an IPv6 host in brackets. */
        public String hostAndPort() {
            String host = address().getAddress().getHostAddress();
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + address().getPort();
        }

        /** The recorded URL pointed here: ws:// or wss://, {@link #hostAndPort()}, then its path and query. */
        public String urlFor(String recordedUrl) {
            String resource;
            try {
                resource = dev.sockscope.core.WsUrl.parse(recordedUrl).resource();
            } catch (IllegalArgumentException e) {
                resource = "/";
            }
            return (tls ? "wss://" : "ws://") + hostAndPort() + resource;
        }

        /** The clients connected now. */
        public int connected() {
            return server.connected();
        }

        /** The clients it has had since it started. */
        public int accepted() {
            return server.accepted();
        }

        @Override
        public void close() {
            server.close();
        }
    }

    private MockService() {
    }

    /**
     * Starts serving {@code recording}; {@code notices} hears what a person watching should know
     * (a message nothing matched, a refused request), on the server's threads.
     *
     * @throws UserFacingException when the address cannot be listened on, or the CA cannot be used
     */
    public static Running start(AppContext app, Conversation recording, Options options, Consumer<String> notices) {
        if (recording.connection().opened() == null) {
            throw UserFacingException.failure("connection " + recording.connection().id() + " never opened: there is no"
                    + " server side to serve");
        }
        SSLContext tls = options.tls() ? tlsFor(app, options.host()) : null;
        SessionRegistry registry = app.registry();
        MockConfig config = new MockConfig(options.host(), options.port(), tls,
                () -> new MockScript(recording, options.match(), options.ignored(), options.loop()), recording.subprotocol(),
                options.noWait(), options.into(), registry::publish, registry::newConnectionId, notices);
        try {
            return new Running(MockServer.start(config), options.tls());
        } catch (java.io.IOException | RuntimeException e) {
            throw new UserFacingException(UserFacingException.Kind.FAILURE, "cannot listen on " + options.host() + ":"
                    + options.port() + ": " + ProxyService.bindProblem(e), e);
        }
    }

    /** A certificate from this install's CA for the address (all loopback names for a loopback one). */
    private static SSLContext tlsFor(AppContext app, String host) {
        String name = host.equals("0.0.0.0") || host.equals("::") ? "localhost" : host;
        return ServerTls.context(LocalAuthority.in(app.dataDir()).leafIssuer().forHost(name));
    }
}
