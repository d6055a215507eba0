package dev.sockscope.proxy;

import dev.sockscope.codec.HttpHeadReader;
import dev.sockscope.core.FailureKind;
import dev.sockscope.tls.ClientTls;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's side of a proxied connection: reads what the app asks (a CONNECT, or a request with an
 * absolute URL), intercepts TLS inside a CONNECT (or passes it through for an ignored host),
 * connects upstream, and then relays what the app sends. Plain HTTP requests go one at a time:
 * a request's body is passed on as it streams, the app is not read while its answer comes, and
 * the next request on a kept-alive connection may go elsewhere (a new upstream leg is made).
 */
final class AppSide extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(AppSide.class);
    private static final byte TLS_HANDSHAKE_RECORD = 0x16;

    /**
     * HEAD: reading a request head; PEEK: the first bytes inside a CONNECT; CONNECTING: the upstream
     * leg is being made; BODY: passing on a request body; AWAIT: the request is sent, its answer is
     * coming; RELAY: every byte passes (a WebSocket, or a tunnel).
     */
    private enum State { HEAD, PEEK, CONNECTING, BODY, AWAIT, RELAY }

    private final ProxyServer server;
    private ProxiedConnection connection;
    private HttpHeadReader head = new HttpHeadReader();
    private State state = State.HEAD;
    private Target tunnel;
    private boolean tlsInside;
    private boolean rawTunnel;
    private String sni = "";
    private HttpBody body;
    private final List<ByteBuf> pending = new ArrayList<>();

    AppSide(ProxyServer server) {
        this.server = server;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        connection = new ProxiedConnection(server.events(), server.config(), ctx.channel(), this, server.hooks());
        server.track(connection);
        long timeout = server.config().headTimeout().toMillis();
        ctx.executor().schedule(() -> {
            if (state == State.HEAD || state == State.PEEK) {
                refuse(408, "Request Timeout", "no complete request within " + timeout / 1000.0 + " s");
            }
        }, timeout, java.util.concurrent.TimeUnit.MILLISECONDS);
        if (server.config().tlsListener()) {
            // Reverse mode's wss://: the app talks TLS to us from the first byte.
            tlsInside = true;
            ctx.pipeline().addFirst("sni", new SniIntercept(server.interceptTls(), server.config().host(), name -> sni = name));
        }
        super.channelActive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf bytes = (ByteBuf) msg;
        switch (state) {
            case HEAD -> readHead(ctx, bytes);
            case PEEK -> peek(ctx, bytes);
            case CONNECTING, AWAIT -> {
                pending.add(bytes);
                ctx.channel().config().setAutoRead(false);
            }
            case BODY -> requestBody(ctx, bytes);
            case RELAY -> {
                connection.fromApp(bytes);
                Channel upstream = connection.upstream();
                if (upstream != null && !upstream.isWritable()) {
                    ctx.channel().config().setAutoRead(false);
                }
            }
            default -> bytes.release();
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) throws Exception {
        Channel upstream = connection.upstream();
        // Not while the leg connects: a flush then would have its TLS handler start a handshake on a
        // socket that is not connected yet, and lose its first message.
        if (upstream != null && (state == State.BODY || state == State.AWAIT || state == State.RELAY)) {
            upstream.flush();
        }
        super.channelReadComplete(ctx);
    }

    private void readHead(ChannelHandlerContext ctx, ByteBuf bytes) {
        byte[] data = new byte[bytes.readableBytes()];
        bytes.readBytes(data);
        bytes.release();
        int end = head.feed(data, 0, data.length);
        if (head.problem() != null) {
            refuse(400, "Bad Request", head.problem());
            return;
        }
        if (end < 0) {
            return;
        }
        if (end < data.length) {
            pending.add(Unpooled.wrappedBuffer(data, end, data.length - end));
        }
        try {
            route(ctx, HttpHead.parse(head.bytes()));
        } catch (HttpHead.Malformed e) {
            refuse(400, "Bad Request", e.getMessage());
        }
    }

    /** Decides where a request goes: a tunnel (CONNECT), or a server named by the request itself. */
    private void route(ChannelHandlerContext ctx, HttpHead request) throws HttpHead.Malformed {
        if (!request.isWellFormedRequest()) {
            throw new HttpHead.Malformed("not an HTTP/1.1 request line: " + request.start());
        }
        Target target;
        Target reverse = server.config().reverse();
        if (reverse != null) {
            if (!request.target().startsWith("/")) {
                throw new HttpHead.Malformed("this is a reverse proxy to " + reverse.authority() + ": ask it for a path");
            }
            target = reverse.inside(reverse.tls(), request.target());
            ask(ctx, target, request, request.forUpstream(target.originTarget(), target.authority()));
            return;
        } else if (tunnel != null) {
            if (!request.target().startsWith("/")) {
                throw new HttpHead.Malformed("inside a CONNECT tunnel a request names a path, not " + request.target());
            }
            target = tunnel.inside(tlsInside, request.target());
        } else if (request.method().equals("CONNECT")) {
            tunnel = Target.ofConnect(request.target());
            if (server.isSelf(tunnel.host(), tunnel.port())) {
                refuse(508, "Loop Detected", "this is Sockscope's proxy itself");
                return;
            }
            ctx.writeAndFlush(Unpooled.wrappedBuffer("HTTP/1.1 200 Connection established\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1)));
            head = new HttpHeadReader();
            state = State.PEEK;
            replayPending(ctx);
            return;
        } else if (request.target().startsWith("/")) {
            // Nothing of Sockscope answers through the proxy port: no API, no status page.
            refuse(400, "Bad Request", "this is Sockscope's proxy: send CONNECT host:port, or a request with an"
                    + " absolute http:// or ws:// URL");
            return;
        } else {
            target = Target.ofAbsolute(request.target());
        }
        if (server.isSelf(target.host(), target.port())) {
            refuse(508, "Loop Detected", "this is Sockscope's proxy itself");
            return;
        }
        ask(ctx, target, request, request.forUpstream(target.originTarget()));
    }

    /** Sends a request to {@code target}: on the upstream leg there is, when it goes to the same place, else on a new one. */
    private void ask(ChannelHandlerContext ctx, Target target, HttpHead request, byte[] forUpstream)
            throws HttpHead.Malformed {
        body = HttpBody.ofRequest(request);
        if (request.isWebSocketUpgrade()) {
            connection.begin(target, request);
        } else {
            connection.startExchange(target, request);
        }
        if (connection.canReuse(target)) {
            connection.sendRequest(forUpstream);
            startBody(ctx);
            return;
        }
        connection.dropUpstream();
        connect(ctx, target, forUpstream);
    }

    /** The request head is on its way: its body follows (if it has one), then the app waits for the answer. */
    private void startBody(ChannelHandlerContext ctx) {
        state = body.done() ? State.AWAIT : State.BODY;
        replayPending(ctx);
        Channel upstream = connection.upstream();
        if (upstream != null) {
            upstream.flush();
        }
        if (state == State.BODY) {
            ctx.channel().config().setAutoRead(true);
            ctx.read();
        }
    }

    private void requestBody(ChannelHandlerContext ctx, ByteBuf bytes) {
        int taken = body.take(bytes);
        if (taken > 0) {
            connection.requestBody(bytes.retainedSlice(bytes.readerIndex(), taken));
            bytes.skipBytes(taken);
        }
        if (body.problem() != null) {
            bytes.release();
            connection.brokenBody("the app's request body: " + body.problem());
            return;
        }
        if (body.done()) {
            state = State.AWAIT;
            if (bytes.isReadable()) {
                // The next request, sent before this one's answer (pipelining): it waits its turn.
                pending.add(bytes);
                ctx.channel().config().setAutoRead(false);
                return;
            }
        }
        bytes.release();
    }

    /** The answer to the request ended: the app's next request is read, or the connection ends. */
    void answerEnded(boolean keepAlive) {
        ChannelHandlerContext ctx = connection.app().pipeline().context(this);
        if (!keepAlive || state != State.AWAIT || ctx == null) {
            connection.closeQuietly();
            return;
        }
        state = State.HEAD;
        head = new HttpHeadReader();
        ctx.channel().config().setAutoRead(true);
        replayPending(ctx);
        ctx.read();
    }

    /** The server switched protocols: from now on every byte the app sends passes. */
    void upgraded() {
        ChannelHandlerContext ctx = connection.app().pipeline().context(this);
        state = State.RELAY;
        if (ctx != null) {
            startRelay(ctx);
        }
    }

    /** The first bytes inside a CONNECT: a TLS ClientHello is intercepted (or passed through), anything else is HTTP. */
    private void peek(ChannelHandlerContext ctx, ByteBuf bytes) {
        if (bytes.readableBytes() == 0) {
            bytes.release();
            return;
        }
        if (bytes.getByte(bytes.readerIndex()) != TLS_HANDSHAKE_RECORD) {
            state = State.HEAD;
            readHead(ctx, bytes);
            return;
        }
        if (server.config().ignores(tunnel.host())) {
            rawTunnel = true;
            pending.add(bytes);
            connection.beginTunnel(tunnel);
            connect(ctx, tunnel, null);
            return;
        }
        tlsInside = true;
        state = State.HEAD;
        try {
            ctx.pipeline().addFirst("sni", new SniIntercept(server.interceptTls(), tunnel.host(), name -> sni = name));
        } catch (RuntimeException e) {
            bytes.release();
            ctx.close();
            return;
        }
        // From the head of the pipeline again, so the ClientHello goes through the TLS handlers.
        ctx.pipeline().fireChannelRead(bytes);
    }

    private void replayPending(ChannelHandlerContext ctx) {
        List<ByteBuf> again = new ArrayList<>(pending);
        pending.clear();
        for (ByteBuf b : again) {
            channelRead(ctx, b);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof SslHandshakeCompletionEvent done) {
            if (done.isSuccess()) {
                SslHandler ssl = ctx.pipeline().get(SslHandler.class);
                connection.appTls(ClientTls.describe(ssl.engine(), sni, ProxiedConnection.remote(ctx.channel())));
            } else {
                server.appRefused(tunnel, sni, done.cause());
                ctx.close();
            }
        }
        super.userEventTriggered(ctx, event);
    }

    /** Opens the upstream leg; {@code requestHead} is sent once it is ready (null for a raw tunnel). */
    private void connect(ChannelHandlerContext ctx, Target target, byte[] requestHead) {
        state = State.CONNECTING;
        Channel app = ctx.channel();
        app.config().setAutoRead(false);
        ClientTls tls;
        try {
            tls = target.tls() && !rawTunnel
                    ? ClientTls.create(server.config().upstreamTrust(), server.config().insecureFor(target.host())) : null;
        } catch (java.io.IOException | java.security.GeneralSecurityException e) {
            connection.failUpstream(FailureKind.CONFIG, "the --ca-file cannot be used: " + e.getMessage(), null);
            return;
        }
        Runnable sendRequest = () -> {
            if (requestHead != null) {
                connection.sendRequest(requestHead);
                startBody(ctx);
            } else {
                startRelay(ctx);
            }
        };
        Bootstrap bootstrap = new Bootstrap().group(app.eventLoop()).channel(server.socketChannelClass())
                .option(ChannelOption.TCP_NODELAY, true).option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
                .handler(new io.netty.channel.ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        if (tls != null) {
                            ch.pipeline().addLast("tls", new SslHandler(tls.engine(target.host(), target.port())));
                        }
                        ch.pipeline().addLast("upstream", new UpstreamSide(connection, tls, target.host(), sendRequest, rawTunnel));
                    }
                });
        ChannelFuture connecting = bootstrap.connect(target.host(), target.port());
        connection.upstreamConnecting(connecting.channel(), target);
        connecting.addListener(f -> {
            if (connecting.channel() != connection.upstream()) {
                return; // a leg let go while it connected
            }
            if (f.isSuccess()) {
                connection.upstreamConnected(connecting.channel(), ProxiedConnection.remote(connecting.channel()));
            } else {
                connection.failUpstream(ConnectFailureKinds.of(f.cause()), ConnectFailureKinds.describe(target, f.cause()), null);
            }
        });
    }

    /** The upstream leg is ready: what the app sent meanwhile goes on, and the app is read again. */
    private void startRelay(ChannelHandlerContext ctx) {
        state = State.RELAY;
        Channel upstream = connection.upstream();
        for (ByteBuf b : pending) {
            connection.fromApp(b);
        }
        pending.clear();
        upstream.flush();
        ctx.channel().config().setAutoRead(true);
        ctx.read();
    }

    private void refuse(int status, String phrase, String why) {
        state = State.CONNECTING;
        Responses.send(connection.app(), status, phrase, why);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        Channel upstream = connection.upstream();
        if (upstream != null) {
            upstream.config().setAutoRead(ctx.channel().isWritable());
        }
        super.channelWritabilityChanged(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        pending.forEach(ByteBuf::release);
        pending.clear();
        server.untrack(connection);
        if (connection.upstream() != null || connection.recorded()) {
            connection.sideClosed(true);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("proxied connection from {} failed", ctx.channel().remoteAddress(), cause);
        ctx.close();
    }
}
