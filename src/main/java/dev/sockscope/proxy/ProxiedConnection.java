package dev.sockscope.proxy;

import dev.sockscope.codec.FrameEncoder;
import dev.sockscope.codec.PerMessageDeflate;
import dev.sockscope.codec.ProtocolViolation;
import dev.sockscope.codec.WireDecoder;
import dev.sockscope.core.Clock;
import dev.sockscope.core.ClosedBy;
import dev.sockscope.core.Direction;
import dev.sockscope.core.Failure;
import dev.sockscope.core.FailureKind;
import dev.sockscope.core.Frame;
import dev.sockscope.core.Handshake;
import dev.sockscope.core.Leg;
import dev.sockscope.core.LegInfo;
import dev.sockscope.core.Message;
import dev.sockscope.core.Opcode;
import dev.sockscope.core.Origin;
import dev.sockscope.core.SessionEvent;
import dev.sockscope.core.Timings;
import dev.sockscope.core.TlsInfo;
import dev.sockscope.core.WsUrl;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * One proxied connection, both legs: what was asked, the upgrade as it went each way, and then the
 * relay. The relay forwards every byte as it came (never re-framed, never re-masked) and lets
 * {@link RelayedFrames} read a copy of it for the recording. A protocol violation from either side
 * closes both with its code; that chunk is not forwarded. A plain HTTP request is one exchange,
 * recorded when its answer ends. Everything here runs on the connection's event loop.
 */
final class ProxiedConnection {
    private static final SecureRandom MASKS = new SecureRandom();

    private final EventSink events;
    private final ProxyConfig config;
    private final Channel app;
    private final AppSide appSide;
    private Channel upstream;
    /** Where the upstream leg goes: a request for another place needs another leg. */
    private Target target;
    /** The plain HTTP exchange under way (not an upgrade), or null. */
    private PlainExchange exchange;
    private HttpHead response;
    /** A request went upstream and its final answer has not come yet. */
    private boolean awaitingAnswer;
    private long id = -1;
    private WsUrl url;
    private HttpHead request;
    private byte[] requestSent = new byte[0];
    private TlsInfo appTls;
    private TlsInfo upstreamTls;
    private String upstreamPeer = "";
    private long startedMicros;
    private long connectedMicros;
    /** The relayed WebSocket as the recording reads it; null until a 101. */
    private RelayedFrames frames;
    private boolean relaying;
    private boolean tunnelled;
    private long bytesUp;
    private long bytesDown;
    private boolean ended;
    private final InterceptHooks hooks;
    /** The relay's interception, when rules concern this connection; else null (byte for byte). */
    private InterceptedRelay intercepted;
    /** A rule closed one side: the code and what the recording says. */
    private int ruleCloseCode;
    private String ruleCloseReason;

    ProxiedConnection(EventSink events, ProxyConfig config, Channel app, AppSide appSide, InterceptHooks hooks) {
        this.events = events;
        this.config = config;
        this.app = app;
        this.appSide = appSide;
        this.hooks = hooks;
    }

    long id() {
        return id;
    }

    WsUrl url() {
        return url;
    }

    Channel app() {
        return app;
    }

    Channel upstream() {
        return upstream;
    }

    void appTls(TlsInfo tls) {
        this.appTls = tls;
    }

    /** A WebSocket upgrade was asked for {@code target}: from here on the connection is recorded. */
    void begin(Target target, HttpHead asked) {
        this.request = asked;
        this.exchange = null;
        this.ended = false;
        this.url = WsUrl.parse(target.webSocketUrl());
        this.id = events.newConnectionId();
        this.startedMicros = Clock.nowMicros();
        Origin origin = config.reverse() != null ? Origin.REVERSE_PROXY : Origin.PROXY;
        events.publish(new SessionEvent.Started(id, origin, config.session(), url, startedMicros));
    }

    /** TLS to an --ignore-host host: passed through untouched, recorded as a tunnel (host, bytes, duration). */
    void beginTunnel(Target target) {
        this.tunnelled = true;
        this.url = WsUrl.parse(target.inside(true, "/").webSocketUrl());
        this.id = events.newConnectionId();
        this.startedMicros = Clock.nowMicros();
        events.publish(new SessionEvent.Started(id, Origin.PROXY, config.session(), url, startedMicros));
    }

    /** A plain HTTP request (not an upgrade) was asked for {@code place}: recorded as one exchange when it ends. */
    void startExchange(Target place, HttpHead asked) {
        this.request = asked;
        this.exchange = new PlainExchange(asked.method(), place.httpUrl());
        this.ended = false;
        this.id = -1;
    }

    boolean recorded() {
        return id >= 0;
    }

    /** The upstream leg can carry a request for {@code place}: it goes there and is still open. */
    boolean canReuse(Target place) {
        return upstream != null && upstream.isActive() && place.samePlace(target);
    }

    /** Lets the upstream leg go (the next request is for another place): what it still sends or does is ignored. */
    void dropUpstream() {
        Channel old = upstream;
        upstream = null;
        target = null;
        if (old != null) {
            old.close();
        }
    }

    /** The upstream channel for {@code place} exists (its connect may still be under way). */
    void upstreamConnecting(Channel channel, Target place) {
        this.upstream = channel;
        this.target = place;
    }

    /** The request head, as it goes upstream (its body, if any, follows through {@link #requestBody}). */
    void sendRequest(byte[] head) {
        this.requestSent = head;
        this.awaitingAnswer = true;
        upstream.write(Unpooled.wrappedBuffer(head));
    }

    boolean awaitingAnswer() {
        return awaitingAnswer;
    }

    /** The method of the request being answered (a HEAD request's answer has no body). */
    String requestMethod() {
        return request == null ? "GET" : request.method();
    }

    /** Bytes of the app's request body, passed on as they came. */
    void requestBody(ByteBuf bytes) {
        if (exchange != null) {
            exchange.requestBody(bytes.readableBytes());
        }
        if (upstream != null && upstream.isActive()) {
            upstream.write(bytes);
        } else {
            bytes.release();
        }
    }

    void upstreamConnected(Channel channel, String peer) {
        this.upstream = channel;
        this.upstreamPeer = peer;
        this.connectedMicros = Clock.nowMicros();
    }

    void upstreamTls(TlsInfo tls) {
        this.upstreamTls = tls;
    }

    /**
     * The server could not be reached or trusted: the app gets a 502 naming why, before any upgrade,
     * and the recording gets the failure (with the server's chain when TLS refused it).
     */
    void failUpstream(FailureKind kind, String why, TlsInfo seenTls) {
        if (ended) {
            return;
        }
        ended = true;
        if (recorded()) {
            events.publish(new SessionEvent.Failed(id, url, new Failure(kind, why, null, seenTls), Clock.nowMicros()));
        }
        exchangeEnded(why);
        Responses.send(app, 502, "Bad Gateway", "Sockscope could not reach the server: " + why);
        if (upstream != null) {
            upstream.close();
        }
    }

    /** An interim answer (100 Continue, 103 Early Hints): passed on as it came; the final answer follows. */
    void interim(HttpHead answer) {
        app.write(Unpooled.wrappedBuffer(answer.raw()));
    }

    /**
     * The final answer's head, when it does not switch protocols: passed on as it came, and its body
     * follows. An upgrade it refuses is recorded as failed with both handshakes.
     */
    void answered(HttpHead answer) {
        this.response = answer;
        this.awaitingAnswer = false;
        app.write(Unpooled.wrappedBuffer(answer.raw()));
        if (exchange != null) {
            exchange.answered(answer.status());
        } else if (recorded() && !ended) {
            ended = true;
            Handshake upstreamLeg = new Handshake(new String(requestSent, StandardCharsets.ISO_8859_1), answer.text(), null);
            events.publish(new SessionEvent.Failed(id, url, new Failure(FailureKind.HTTP_STATUS,
                    "the server answered " + answer.start(), upstreamLeg, upstreamTls), Clock.nowMicros()));
        }
    }

    /** Bytes of the answer's body, passed on as they came. */
    void responseBody(ByteBuf bytes) {
        if (exchange != null) {
            exchange.responseBody(bytes.readableBytes());
        }
        app.write(bytes);
    }

    /**
     * The answer's last byte was passed on: the exchange is recorded, and the app may ask again on
     * this connection when both sides keep it (else both are closed once the answer is written).
     *
     * @param atClose the body ended because the server closed the connection
     */
    void responseEnded(boolean atClose) {
        exchangeEnded("");
        appSide.answerEnded(!atClose && persistent(request) && persistent(response));
    }

    /** A body whose framing is broken: nothing more can be read on this connection, so both sides close. */
    void brokenBody(String why) {
        exchangeEnded(why);
        closeQuietly();
    }

    /** Closes both sides once what was written reaches them, without a WebSocket close (none is under way). */
    void closeQuietly() {
        app.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        if (upstream != null) {
            upstream.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** HTTP/1.1 keeps a connection unless told to close it; HTTP/1.0 only when told to keep it. */
    private static boolean persistent(HttpHead head) {
        if (head == null || head.lists("Connection", "close")) {
            return false;
        }
        return !head.start().startsWith("HTTP/1.0") && !head.start().endsWith("HTTP/1.0")
                || head.lists("Connection", "keep-alive");
    }

    /** Records the plain exchange under way, if any; {@code error} empty when it completed. */
    private void exchangeEnded(String error) {
        if (exchange == null) {
            return;
        }
        Origin origin = config.reverse() != null ? Origin.REVERSE_PROXY : Origin.PROXY;
        events.publish(new SessionEvent.HttpRequest(events.newConnectionId(), exchange.ended(config.session(), origin, error)));
        exchange = null;
    }

    /** The server switched protocols (101): a WebSocket upgrade starts the recorded relay; any other is passed through. */
    void upgraded(HttpHead answer, byte[] rest, int restOffset, int restLength) {
        this.response = answer;
        this.awaitingAnswer = false;
        app.write(Unpooled.wrappedBuffer(answer.raw()));
        if (exchange != null) {
            exchange.answered(answer.status());
            exchangeEnded("");
        } else if (recorded()) {
            startRelay(answer);
        }
        appSide.upgraded();
        if (restLength > 0) {
            fromServer(Unpooled.wrappedBuffer(rest, restOffset, restLength));
        }
    }

    private void startRelay(HttpHead answer) {
        Handshake appLeg = new Handshake(request.text(), answer.text(), null);
        Handshake upstreamLeg = new Handshake(new String(requestSent, StandardCharsets.ISO_8859_1), answer.text(), null);
        PerMessageDeflate deflate = PerMessageDeflate.negotiated(answer.headers()).orElse(null);
        WireDecoder.Settings settings = new WireDecoder.Settings(config.maxMessage(), config.maxMessage(), deflate);
        frames = new RelayedFrames(events, id, settings);
        java.util.List<dev.sockscope.intercept.Rule> rules = hooks.rules().get();
        String path = url.uri().getRawPath() == null || url.uri().getRawPath().isEmpty() ? "/" : url.uri().getRawPath();
        if (hooks.everyConnection().getAsBoolean()
                || !rules.isEmpty() && dev.sockscope.intercept.Interceptor.concerns(rules, url.host(), path)) {
            intercepted = new InterceptedRelay(this, new dev.sockscope.intercept.Interceptor(hooks.rules(), url.host(), path),
                    hooks, deflate);
            frames.intercept(intercepted);
        }
        relaying = true;
        long now = Clock.nowMicros();
        Timings timings = new Timings(0, connectedMicros - startedMicros, 0, now - connectedMicros);
        events.publish(new SessionEvent.Opened(id, url,
                new LegInfo(upstreamLeg, upstreamTls, upstreamPeer, timings),
                new LegInfo(appLeg, appTls, remote(app), Timings.NONE),
                answer.header("Sec-WebSocket-Protocol").orElse(""), now));
        if (intercepted != null) {
            intercepted.start();
        }
    }

    /** The connection's interception, or null when no rule concerns it. */
    InterceptedRelay intercepted() {
        return intercepted;
    }

    /** Bytes from the app, after its request head. */
    void fromApp(ByteBuf bytes) {
        bytesUp += bytes.readableBytes();
        relay(bytes, upstream, Leg.CLIENT);
    }

    /** Bytes from the server, after its response head. */
    void fromServer(ByteBuf bytes) {
        bytesDown += bytes.readableBytes();
        relay(bytes, app, Leg.UPSTREAM);
    }

    private void relay(ByteBuf bytes, Channel to, Leg leg) {
        if (frames != null && !ended) {
            ProtocolViolation violation = frames.read(bytes, leg);
            if (violation != null) {
                // That chunk is not forwarded: both sides get a close with the violation's code.
                bytes.release();
                violated(violation, leg);
                return;
            }
            if (intercepted != null) {
                // The interception wrote what goes on, frame by frame.
                bytes.release();
                return;
            }
        }
        if (to != null && to.isActive()) {
            // Flushed when this read batch ends (AppSide/UpstreamSide.channelReadComplete): what arrived
            // together leaves together, in one TLS record where the leg is TLS.
            to.write(bytes);
        } else {
            bytes.release();
        }
    }

    /** One side broke RFC 6455: both get a close with its code, and the recording says who and why. */
    private void violated(ProtocolViolation violation, Leg by) {
        String who = by == Leg.CLIENT ? "the app" : "the server";
        closeBoth(violation.closeCode(), violation.reason(), ClosedBy.PROXY, who + " broke the protocol: " + violation.reason());
    }

    /** Closes both sides with a close frame of ours (the proxy stopping, or a violation). */
    void closeBoth(int code, String reason, ClosedBy by, String recorded) {
        if (ended) {
            return;
        }
        ended = true;
        stopInterception();
        byte[] payload = Frame.close(Direction.SEND, code, reason, 0).payload();
        if (app.isActive()) {
            sendOwnClose(app, payload, -1, Direction.RECEIVE, Leg.CLIENT, true);
        }
        if (upstream != null && upstream.isActive()) {
            sendOwnClose(upstream, payload, MASKS.nextInt() & 0xFFFFFFFFL, Direction.SEND, Leg.UPSTREAM, true);
        }
        if (relaying) {
            events.publish(new SessionEvent.Closed(id, code, recorded, by, Clock.nowMicros()));
        }
        release();
    }

    /**
     * Writes a close frame of the proxy's own and records it on the leg it was written to (what the
     * proxy relays is recorded once, on the leg it was read from).
     *
     * @param thenClose close the channel once it is written, without waiting for the other's close
     */
    void sendOwnClose(Channel to, byte[] payload, long mask, Direction direction, Leg leg, boolean thenClose) {
        byte[] wire = FrameEncoder.encode(true, 0, Opcode.CLOSE, payload, mask);
        io.netty.channel.ChannelFuture written = to.writeAndFlush(Unpooled.wrappedBuffer(wire));
        if (thenClose) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
        if (relaying) {
            byte[] header = java.util.Arrays.copyOf(wire, wire.length - payload.length);
            Frame frame = new Frame(direction, Opcode.CLOSE, true, 0, payload, Clock.nowMicros(), header);
            events.publish(new SessionEvent.FrameEvent(id, leg, frame, Message.of(frame)));
        }
    }

    /** Records a frame the interception wrote (a replacement, a copy, an injection) on the leg it went to. */
    void recordOwn(Leg leg, Frame frame, Message message, dev.sockscope.core.Interception interception) {
        if (relaying && !ended) {
            events.publish(new SessionEvent.FrameEvent(id, leg, frame, message, interception));
        }
    }

    /** A rule closed one side: the connection's end is recorded as the proxy's, with this code and reason. */
    void closedByRule(int code, String recorded) {
        this.ruleCloseCode = code;
        this.ruleCloseReason = recorded;
    }

    private void stopInterception() {
        if (intercepted != null) {
            intercepted.stop();
        }
    }

    /** True while the WebSocket is relayed: the proxy's stop closes these with 1001. */
    boolean isRelaying() {
        return relaying && !ended;
    }

    /** One side's TCP connection ended: the other is closed after what was written reaches it. */
    void sideClosed(boolean byApp) {
        if (intercepted != null && relaying && !ended && intercepted.holdsOutput(byApp, () -> sideClosed(byApp))) {
            // What the interception still holds for the other side (a delay, a breakpoint) goes first.
            return;
        }
        Channel other = byApp ? upstream : app;
        if (other != null && other.isActive()) {
            other.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
        if (exchange != null) {
            exchangeEnded((byApp ? "the app" : "the server") + " closed the connection before the answer ended");
        }
        if (ended) {
            return;
        }
        ended = true;
        if (tunnelled) {
            events.publish(new SessionEvent.NotUpgraded(id, "TLS to " + url.host() + ":" + url.port()
                    + " tunnelled untouched (--ignore-host), for " + (Clock.nowMicros() - startedMicros) / 1000 + " ms",
                    bytesUp, bytesDown, Clock.nowMicros()));
        } else if (relaying) {
            stopInterception();
            Frame close = frames.firstClose();
            if (ruleCloseReason != null) {
                events.publish(new SessionEvent.Closed(id, ruleCloseCode, ruleCloseReason, ClosedBy.PROXY, Clock.nowMicros()));
            } else if (close != null) {
                int code = close.closeCode() < 0 ? 1005 : close.closeCode();
                events.publish(new SessionEvent.Closed(id, code, close.closeReason(), frames.firstToClose(), Clock.nowMicros()));
            } else {
                String who = byApp ? "the app" : "the server";
                String how = frames.cutMidFrame(byApp) ? " in the middle of a frame" : " without a close frame";
                events.publish(new SessionEvent.Closed(id, 1006, who + " dropped the connection" + how,
                        byApp ? ClosedBy.CLIENT : ClosedBy.SERVER, Clock.nowMicros()));
            }
        } else if (recorded()) {
            events.publish(new SessionEvent.Failed(id, url, new Failure(FailureKind.NETWORK,
                    (byApp ? "the app" : "the server") + " closed the connection before the upgrade completed",
                    null, upstreamTls), Clock.nowMicros()));
        }
        release();
    }

    private void release() {
        stopInterception();
        if (frames != null) {
            frames.close();
        }
    }

    static String remote(Channel channel) {
        return channel.remoteAddress() instanceof java.net.InetSocketAddress a
                ? (a.getAddress() instanceof java.net.Inet6Address ? "[" + a.getAddress().getHostAddress() + "]"
                        : a.getAddress().getHostAddress()) + ":" + a.getPort()
                : "";
    }
}
