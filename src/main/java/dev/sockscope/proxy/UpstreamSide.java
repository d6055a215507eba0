package dev.sockscope.proxy;

import dev.sockscope.codec.HttpHeadReader;
import dev.sockscope.core.FailureKind;
import dev.sockscope.core.TlsInfo;
import dev.sockscope.tls.ClientTls;
import dev.sockscope.tls.TrustVerdict;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;

/**
 * The server's side of a proxied connection: waits for TLS (when the leg is TLS), has the request
 * sent, reads each answer's head and passes its body on as it streams, then relays everything the
 * server sends once it switched protocols. A leg the connection has let go (the app's next request
 * went elsewhere) is ignored to its end.
 */
final class UpstreamSide extends ChannelInboundHandlerAdapter {
    /** HEAD: reading an answer's head; BODY: passing its body on; RELAY: every byte passes. */
    private enum State { HEAD, BODY, RELAY }

    private final ProxiedConnection connection;
    private final ClientTls tls;
    private final String host;
    private final Runnable sendRequest;
    private HttpHeadReader head = new HttpHeadReader();
    private State state;
    private HttpBody body;
    /** Something was already said of this leg's end (a failure): its close says nothing more. */
    private boolean told;

    /**
     * @param tls the leg's TLS (null on a plain leg or a tunnel)
     * @param sendRequest sends the app's request once the leg is ready
     * @param tunnel true for bytes passed through untouched: no HTTP head is read
     */
    UpstreamSide(ProxiedConnection connection, ClientTls tls, String host, Runnable sendRequest, boolean tunnel) {
        this.connection = connection;
        this.tls = tls;
        this.host = host;
        this.sendRequest = sendRequest;
        this.state = tunnel ? State.RELAY : State.HEAD;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        if (tls == null) {
            sendRequest.run();
        }
        super.channelActive(ctx);
    }

    /** True while this leg is the connection's: a leg let go has nothing more to say. */
    private boolean current(ChannelHandlerContext ctx) {
        return ctx.channel() == connection.upstream();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof SslHandshakeCompletionEvent done && current(ctx)) {
            if (done.isSuccess()) {
                SslHandler ssl = ctx.pipeline().get(SslHandler.class);
                connection.upstreamTls(ClientTls.describe(ssl.engine(), host, ProxiedConnection.remote(ctx.channel())));
                sendRequest.run();
            } else {
                told = true;
                TrustVerdict verdict = tls.verdict();
                String why = verdict != null && verdict.reason() != null && !verdict.reason().isEmpty() ? verdict.reason()
                        : "TLS handshake failed: " + String.valueOf(done.cause().getMessage());
                TlsInfo seen = verdict == null ? null : new TlsInfo(verdict.protocol(), verdict.cipherSuite(), "", host,
                        false, ProxiedConnection.remote(ctx.channel()), verdict.chainDer());
                connection.failUpstream(FailureKind.UPSTREAM_TLS, why, seen);
            }
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf bytes = (ByteBuf) msg;
        if (!current(ctx) || told) {
            bytes.release();
            return;
        }
        switch (state) {
            case RELAY -> {
                connection.fromServer(bytes);
                throttle(ctx);
            }
            case BODY -> body(ctx, bytes);
            default -> head(ctx, bytes);
        }
    }

    private void head(ChannelHandlerContext ctx, ByteBuf bytes) {
        byte[] data = new byte[bytes.readableBytes()];
        bytes.readBytes(data);
        bytes.release();
        int end = head.feed(data, 0, data.length);
        if (head.problem() != null) {
            told = true;
            connection.failUpstream(FailureKind.PROTOCOL, "the server's answer: " + head.problem(), null);
            return;
        }
        if (end < 0) {
            return;
        }
        HttpHead answer;
        try {
            answer = HttpHead.parse(head.bytes());
        } catch (HttpHead.Malformed e) {
            told = true;
            connection.failUpstream(FailureKind.PROTOCOL, "the server's answer is not valid HTTP: " + e.getMessage(), null);
            return;
        }
        head = new HttpHeadReader();
        int status = answer.status();
        if (status == 101) {
            state = State.RELAY;
            connection.upgraded(answer, data, end, data.length - end);
            return;
        }
        if (status / 100 == 1) {
            connection.interim(answer);
        } else {
            connection.answered(answer);
            body = HttpBody.ofResponse(answer, connection.requestMethod());
            state = State.BODY;
            if (body.done()) {
                answerEnded(false);
            }
        }
        if (end < data.length) {
            channelRead(ctx, Unpooled.wrappedBuffer(data, end, data.length - end));
        }
    }

    private void body(ChannelHandlerContext ctx, ByteBuf bytes) {
        int taken = body.take(bytes);
        if (taken > 0) {
            connection.responseBody(bytes.retainedSlice(bytes.readerIndex(), taken));
            throttle(ctx);
        }
        // Bytes after the answer's end belong to no request: a server must not send them, so they are dropped.
        bytes.release();
        if (body.problem() != null) {
            told = true;
            connection.brokenBody("the server's answer body: " + body.problem());
        } else if (body.done()) {
            answerEnded(false);
        }
    }

    private void answerEnded(boolean atClose) {
        state = State.HEAD;
        connection.responseEnded(atClose);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) throws Exception {
        connection.app().flush();
        super.channelReadComplete(ctx);
    }

    /** The app cannot take more: stop reading the server until it can (TCP slows the server). */
    private void throttle(ChannelHandlerContext ctx) {
        if (!connection.app().isWritable()) {
            ctx.channel().config().setAutoRead(false);
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        if (current(ctx)) {
            connection.app().config().setAutoRead(ctx.channel().isWritable());
        }
        super.channelWritabilityChanged(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (!current(ctx) || told) {
            return;
        }
        if (state == State.BODY && body.endsAtClose()) {
            // An answer without a length ends when the server closes: that is its normal end.
            state = State.HEAD;
            connection.app().flush();
            connection.responseEnded(true);
        } else if (state == State.HEAD && connection.awaitingAnswer()) {
            told = true;
            connection.failUpstream(FailureKind.NETWORK, "the server closed the connection before answering", null);
            return;
        }
        connection.sideClosed(false);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
