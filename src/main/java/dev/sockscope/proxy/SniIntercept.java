package dev.sockscope.proxy;

import dev.sockscope.tls.InterceptTls;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.ssl.AbstractSniHandler;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.Future;
import java.util.function.Consumer;
import javax.net.ssl.SSLEngine;

/**
 * Reads the app's ClientHello for the name it asked for (SNI), then puts in place a TLS server
 * presenting a leaf for that name, or for the CONNECT host when the app sent none.
 */
final class SniIntercept extends AbstractSniHandler<SSLEngine> {
    private final InterceptTls tls;
    private final String connectHost;
    private final Consumer<String> nameSeen;

    SniIntercept(InterceptTls tls, String connectHost, Consumer<String> nameSeen) {
        this.tls = tls;
        this.connectHost = connectHost;
        this.nameSeen = nameSeen;
    }

    @Override
    protected Future<SSLEngine> lookup(ChannelHandlerContext ctx, String hostname) throws Exception {
        String name = hostname == null || hostname.isBlank() ? connectHost : hostname;
        nameSeen.accept(hostname == null ? "" : hostname);
        return ctx.executor().newSucceededFuture(tls.engineFor(name));
    }

    @Override
    protected void onLookupComplete(ChannelHandlerContext ctx, String hostname, Future<SSLEngine> future) {
        if (!future.isSuccess()) {
            ctx.close();
            return;
        }
        ctx.pipeline().replace(this, "tls", new SslHandler(future.getNow()));
    }
}
