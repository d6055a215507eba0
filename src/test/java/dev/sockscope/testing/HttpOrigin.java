package dev.sockscope.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;

/**
 * A real HTTP/1.1 server (the JDK's, with keep-alive and chunked bodies) on 127.0.0.1:0, for plain
 * requests through the proxy. {@code /hello} answers "hello from NAME" with a length, {@code /stream}
 * answers in three chunks, {@code /echo} answers how many body bytes it read.
 */
public final class HttpOrigin implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);

    private HttpOrigin(HttpServer server, String name) {
        this.server = server;
        server.createContext("/hello", ex -> answer(ex, ("hello from " + name).getBytes(StandardCharsets.UTF_8)));
        server.createContext("/stream", ex -> {
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 3; i++) {
                    out.write(("part " + i + " of " + name + ";").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            }
        });
        server.createContext("/echo", ex -> {
            byte[] got = ex.getRequestBody().readAllBytes();
            answer(ex, ("got " + got.length + " bytes").getBytes(StandardCharsets.UTF_8));
        });
        server.setExecutor(threads);
        server.start();
    }

    public static HttpOrigin plain(String name) throws IOException {
        return new HttpOrigin(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50), name);
    }

    public static HttpOrigin tls(String name, SSLContext context) throws IOException {
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setHttpsConfigurator(new HttpsConfigurator(context));
        return new HttpOrigin(server, name);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void answer(HttpExchange ex, byte[] body) throws IOException {
        ex.getRequestBody().readAllBytes();
        ex.sendResponseHeaders(200, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
