package dev.sockscope.testing;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.server.DefaultSSLWebSocketServerFactory;
import org.java_websocket.server.WebSocketServer;

/**
 * An echo server on 127.0.0.1 that may refuse upgrades as a careful server does: from an Origin
 * not on its list, or without a required header value. Empty list and null header: it refuses nothing.
 */
public final class GuardedServer extends WebSocketServer implements AutoCloseable {
    private final CountDownLatch started = new CountDownLatch(1);
    private final Set<String> origins;
    private final String header;
    private final String value;

    private GuardedServer(Set<String> origins, String header, String value) {
        super(new InetSocketAddress("127.0.0.1", 0), List.<Draft>of(new Draft_6455()));
        this.origins = origins;
        this.header = header;
        this.value = value;
        setReuseAddr(true);
        setConnectionLostTimeout(0);
    }

    /**
     * @param origins the Origins allowed; empty allows any (and none)
     * @param header a header the upgrade must carry with {@code value}, or null
     * @param tls null for ws://
     */
    public static GuardedServer start(Set<String> origins, String header, String value, SSLContext tls)
            throws InterruptedException {
        GuardedServer server = new GuardedServer(origins, header, value);
        if (tls != null) {
            server.setWebSocketFactory(new DefaultSSLWebSocketServerFactory(tls));
        }
        server.start();
        if (!server.started.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("guarded server did not start");
        }
        return server;
    }

    public int boundPort() {
        return getPort();
    }

    @Override
    public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket conn, Draft draft, ClientHandshake request)
            throws InvalidDataException {
        if (!origins.isEmpty() && !origins.contains(request.getFieldValue("Origin"))) {
            throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "origin not allowed");
        }
        if (header != null && !value.equals(request.getFieldValue(header))) {
            throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "not authorized");
        }
        return super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        conn.send(message);
    }

    @Override
    public void onMessage(WebSocket conn, ByteBuffer message) {
        conn.send(message);
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
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
