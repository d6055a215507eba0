package dev.sockscope.proxy;

import dev.sockscope.codec.HttpHeadReader;
import dev.sockscope.core.FailureKind;
import dev.sockscope.core.TlsInfo;
import dev.sockscope.tls.ClientTls;
import dev.sockscope.tls.TrustVerdict;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;

/**
 * The server's side of a proxied connection: waits for TLS (when the leg is TLS), has the request
 * sent, reads the response head and hands it over, then relays what the server sends.
 */
final class UpstreamSide extends ChannelInboundHandlerAdapter {
    private final ProxiedConnection connection;
    private final ClientTls tls;
    private final String host;
    private final Runnable sendRequest;
    private final HttpHeadReader head = new HttpHeadReader();
    private boolean answered;

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
        this.answered = tunnel;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        if (tls == null) {
            sendRequest.run();
        }
        super.channelActive(ctx);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof SslHandshakeCompletionEvent done) {
            if (done.isSuccess()) {
                SslHandler ssl = ctx.pipeline().get(SslHandler.class);
                connection.upstreamTls(ClientTls.describe(ssl.engine(), host, ProxiedConnection.remote(ctx.channel())));
                sendRequest.run();
            } else {
                answered = true;
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
        if (answered) {
            connection.fromServer(bytes);
            throttle(ctx);
            return;
        }
        byte[] data = new byte[bytes.readableBytes()];
        bytes.readBytes(data);
        bytes.release();
        int end = head.feed(data, 0, data.length);
        if (head.problem() != null) {
            answered = true;
            connection.failUpstream(FailureKind.PROTOCOL, "the server's answer: " + head.problem(), null);
            return;
        }
        if (end < 0) {
            return;
        }
        answered = true;
        try {
            HttpHead response = HttpHead.parse(head.bytes());
            connection.responseHead(response, data, end, data.length - end);
        } catch (HttpHead.Malformed e) {
            connection.failUpstream(FailureKind.PROTOCOL, "the server's answer is not valid HTTP: " + e.getMessage(), null);
        }
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
        connection.app().config().setAutoRead(ctx.channel().isWritable());
        super.channelWritabilityChanged(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (!answered) {
            answered = true;
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
