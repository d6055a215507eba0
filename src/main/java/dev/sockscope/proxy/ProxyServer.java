package dev.sockscope.proxy;

import dev.sockscope.core.Clock;
import dev.sockscope.core.ClosedBy;
import dev.sockscope.core.Failure;
import dev.sockscope.core.FailureKind;
import dev.sockscope.core.Origin;
import dev.sockscope.core.SessionEvent;
import dev.sockscope.core.WsUrl;
import dev.sockscope.tls.InterceptTls;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The proxy's listener: Netty (epoll on Linux, NIO elsewhere) accepting apps' connections, each
 * handled by an {@link AppSide} and its upstream by an {@link UpstreamSide}, on one event loop per
 * connection. Netty is the I/O shell only: what is read is decided by the sans-IO parts
 * ({@link HttpHead}, {@link Target}, the codec's decoders).
 */
public final class ProxyServer implements AutoCloseable {
    private final ProxyConfig config;
    private final EventSink events;
    private final InterceptTls interceptTls;
    private final InterceptHooks hooks;
    private final EventLoopGroup loops;
    private final boolean epoll;
    private final Channel listener;
    private final Set<ProxiedConnection> connections = ConcurrentHashMap.newKeySet();

    private ProxyServer(ProxyConfig config, EventSink events, InterceptTls interceptTls, InterceptHooks hooks)
            throws InterruptedException {
        this.config = config;
        this.events = events;
        this.interceptTls = interceptTls;
        this.hooks = hooks;
        this.epoll = Epoll.isAvailable();
        this.loops = new MultiThreadIoEventLoopGroup(Math.max(2, Runtime.getRuntime().availableProcessors()),
                new io.netty.util.concurrent.DefaultThreadFactory("proxy", true),
                epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        ServerBootstrap bootstrap = new ServerBootstrap().group(loops)
                .channel(epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast("app", new AppSide(ProxyServer.this));
                    }
                });
        try {
            this.listener = bootstrap.bind(config.host(), config.port()).sync().channel();
        } catch (InterruptedException e) {
            loops.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw e;
        } catch (Exception e) {
            // Netty rethrows the socket's own exception (a BindException) undeclared.
            loops.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * Starts listening.
     *
     * @throws java.net.BindException (or another exception of the socket) when the address cannot be bound
     */
    public static ProxyServer start(ProxyConfig config, EventSink events, InterceptTls interceptTls) throws InterruptedException {
        return new ProxyServer(config, events, interceptTls, InterceptHooks.NONE);
    }

    /** Starts listening, with these rules applied to the messages of the connections they concern. */
    public static ProxyServer start(ProxyConfig config, EventSink events, InterceptTls interceptTls, InterceptHooks hooks)
            throws InterruptedException {
        return new ProxyServer(config, events, interceptTls, hooks);
    }

    /** Where it listens: the port is the real one when 0 was asked. */
    public InetSocketAddress address() {
        return (InetSocketAddress) listener.localAddress();
    }

    /** How many connections are open now. */
    public int openConnections() {
        return connections.size();
    }

    ProxyConfig config() {
        return config;
    }

    EventSink events() {
        return events;
    }

    InterceptHooks hooks() {
        return hooks;
    }

    /**
     * Sends a message of the user's on a live proxied connection relayed frame by frame: to the
     * server ({@code SEND}) or to the app ({@code RECEIVE}). False when there is no such connection
     * (ended, or relayed byte for byte).
     */
    public boolean sendByHand(long connectionId, dev.sockscope.core.Direction direction, dev.sockscope.core.Opcode opcode,
            byte[] payload) {
        ProxiedConnection connection = intercepted(connectionId);
        if (connection == null) {
            return false;
        }
        connection.app().eventLoop().execute(() -> {
            if (connection.intercepted() != null && connection.isRelaying()) {
                connection.intercepted().sendByHand(direction, opcode, payload.clone());
            }
        });
        return true;
    }

    /** Closes one side of a live proxied connection relayed frame by frame with this code; false when there is none. */
    public boolean closeByHand(long connectionId, boolean appSide, int code, String reason) {
        ProxiedConnection connection = intercepted(connectionId);
        if (connection == null) {
            return false;
        }
        connection.app().eventLoop().execute(() -> {
            if (connection.intercepted() != null && connection.isRelaying()) {
                connection.intercepted().closeByHand(appSide, code, reason);
            }
        });
        return true;
    }

    private ProxiedConnection intercepted(long connectionId) {
        for (ProxiedConnection connection : connections) {
            if (connection.id() == connectionId && connection.isRelaying() && connection.intercepted() != null) {
                return connection;
            }
        }
        return null;
    }

    InterceptTls interceptTls() {
        return interceptTls;
    }

    Class<? extends SocketChannel> socketChannelClass() {
        return epoll ? EpollSocketChannel.class : NioSocketChannel.class;
    }

    void track(ProxiedConnection connection) {
        connections.add(connection);
    }

    void untrack(ProxiedConnection connection) {
        connections.remove(connection);
    }

    /** True when host:port is this proxy's own listening address: a request there would loop. */
    boolean isSelf(String host, int port) {
        InetSocketAddress own = address();
        if (own.getPort() != port) {
            return false;
        }
        if (own.getHostString().equalsIgnoreCase(host)
                || own.getAddress() != null && own.getAddress().getHostAddress().equalsIgnoreCase(host)) {
            return true;
        }
        boolean wildcard = own.getAddress() != null && own.getAddress().isAnyLocalAddress();
        return (wildcard || own.getAddress() != null && own.getAddress().isLoopbackAddress())
                && (host.equals("localhost") || host.startsWith("127.") || host.equals("::1"));
    }

    /** The app refused the certificate we presented for a host: recorded, so the user learns to trust the CA. */
    void appRefused(Target tunnel, String sni, Throwable cause) {
        long id = events.newConnectionId();
        WsUrl url = WsUrl.parse(tunnel.inside(true, "/").webSocketUrl());
        long now = Clock.nowMicros();
        events.publish(new SessionEvent.Started(id, Origin.PROXY, config.session(), url, now));
        events.publish(new SessionEvent.Failed(id, url, new Failure(FailureKind.APP_REFUSED_CERTIFICATE,
                "the app did not accept Sockscope's certificate for " + (sni.isEmpty() ? tunnel.host() : sni)
                        + " (does it trust Sockscope's CA? see sockscope ca info): "
                        + String.valueOf(cause.getMessage()), null, null), now));
    }

    /**
     * Stops: no new connections; every relayed WebSocket is closed with 1001 on both sides; then the
     * event loops end.
     */
    @Override
    public void close() {
        listener.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        for (ProxiedConnection c : connections) {
            c.app().eventLoop().execute(() -> {
                if (c.isRelaying()) {
                    c.closeBoth(1001, "Sockscope's proxy is stopping", ClosedBy.PROXY, "the proxy stopped");
                } else {
                    c.app().close();
                }
            });
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (!connections.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        loops.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
