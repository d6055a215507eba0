package dev.sockscope.testing;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.extensions.IExtension;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.protocols.IProtocol;
import org.java_websocket.protocols.Protocol;
import org.java_websocket.server.DefaultSSLWebSocketServerFactory;
import org.java_websocket.server.WebSocketServer;

/**
 * An in-process echo server on 127.0.0.1, port 0. Echoes text and binary; "close-me" makes it
 * close with 4001 "bye", "close-normal" with 1000 "done"; "ping-me" makes it ping with payload "srv". Remembers the request
 * headers of the last upgrade.
 */
public final class EchoServer extends WebSocketServer implements AutoCloseable {
    private final CountDownLatch started = new CountDownLatch(1);
    private final Map<String, String> lastHeaders = new ConcurrentHashMap<>();

    private EchoServer(Draft draft) {
        this(draft, 0);
    }

    private EchoServer(Draft draft, int port) {
        super(new InetSocketAddress("127.0.0.1", port), List.of(draft));
        setReuseAddr(true);
        setConnectionLostTimeout(0);
    }

    public static EchoServer plain() throws InterruptedException {
        return start(new EchoServer(draft()), null);
    }

    /** A plain one on a given port of 127.0.0.1 (port 80, for a check that looks there). */
    public static EchoServer plainOn(int port) throws InterruptedException {
        return start(new EchoServer(draft(), port), null);
    }

    public static EchoServer tls(SSLContext context) throws InterruptedException {
        return start(new EchoServer(draft()), context);
    }

    private static Draft draft() {
        return new Draft_6455(List.<IExtension>of(), List.<IProtocol>of(new Protocol("chat"), new Protocol("")));
    }

    private static EchoServer start(EchoServer server, SSLContext context) throws InterruptedException {
        if (context != null) {
            server.setWebSocketFactory(new DefaultSSLWebSocketServerFactory(context));
        }
        server.start();
        if (!server.started.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("echo server did not start");
        }
        return server;
    }

    public int boundPort() {
        return getPort();
    }

    public Map<String, String> lastHeaders() {
        return lastHeaders;
    }

    /**
     * Remembers the headers before the 101 goes out: {@code onOpen} runs after the response is
     * written, so a client could see the upgrade complete before the headers were stored.
     */
    @Override
    public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket conn, Draft draft,
            ClientHandshake request) throws InvalidDataException {
        lastHeaders.clear();
        request.iterateHttpFields().forEachRemaining(name -> lastHeaders.put(name, request.getFieldValue(name)));
        return super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        // headers were taken in onWebsocketHandshakeReceivedAsServer
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        // nothing to clean up
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        if (message.equals("close-normal")) {
            conn.close(1000, "done");
            return;
        }
        if (message.equals("close-me")) {
            conn.close(4001, "bye");
        } else if (message.equals("ping-me")) {
            org.java_websocket.framing.PingFrame ping = new org.java_websocket.framing.PingFrame();
            ping.setPayload(ByteBuffer.wrap("srv".getBytes()));
            conn.sendFrame(ping);
        } else {
            conn.send(message);
        }
    }

    @Override
    public void onMessage(WebSocket conn, ByteBuffer message) {
        conn.send(message);
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
        // Tests provoke errors on purpose; the client side asserts what matters.
    }

    @Override
    public void onStart() {
        started.countDown();
    }

    @Override
    public void close() throws InterruptedException {
        stop(2000);
    }
}
