package dev.sockscope.proxy;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import java.nio.charset.StandardCharsets;

/** The proxy's own HTTP answers to the app (a refusal, a gateway error): plain text, then close. */
final class Responses {
    private Responses() {
    }

    static void send(Channel app, int status, String phrase, String body) {
        if (!app.isActive()) {
            return;
        }
        byte[] text = (body + "\n").getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + " " + phrase + "\r\nContent-Type: text/plain; charset=utf-8\r\n"
                + "Content-Length: " + text.length + "\r\nConnection: close\r\n\r\n";
        app.write(Unpooled.wrappedBuffer(head.getBytes(StandardCharsets.ISO_8859_1)));
        app.writeAndFlush(Unpooled.wrappedBuffer(text)).addListener(ChannelFutureListener.CLOSE);
    }
}
