package dev.sockscope.testing;

import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * Streams numbered text messages ("m 0", "m 1", ...) at a steady pace to each client. The count
 * is of messages handed to the connection (queued, not yet read by the client): a test that needs
 * to know what a client received must ask the client.
 */
public final class StreamingServer extends WebSocketServer implements AutoCloseable {
    private static final int MAX_MESSAGES = 2_000_000;
    private final CountDownLatch started = new CountDownLatch(1);
    private final AtomicInteger sent = new AtomicInteger();
    private final long intervalNanos;
    private final java.util.function.IntFunction<String> message;
    private volatile boolean streaming = true;

    public StreamingServer(long intervalMicros) throws InterruptedException {
        this(intervalMicros, i -> "m " + i);
    }

    /** @param message the text of message {@code i} */
    public StreamingServer(long intervalMicros, java.util.function.IntFunction<String> message) throws InterruptedException {
        super(new InetSocketAddress("127.0.0.1", 0));
        this.message = message;
        this.intervalNanos = intervalMicros * 1000;
        setReuseAddr(true);
        setConnectionLostTimeout(0);
        start();
        if (!started.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("streaming server did not start");
        }
    }

    public int boundPort() {
        return getPort();
    }

    /** Messages queued so far. */
    public int sentCount() {
        return sent.get();
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        Thread pump = new Thread(() -> {
            long next = System.nanoTime();
            for (int i = 0; streaming && conn.isOpen() && i < MAX_MESSAGES; i++) {
                // Sleep, never spin: on a 2-core machine a spinning pump starves the client it feeds.
                long wait;
                while ((wait = next - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                try {
                    conn.send(message.apply(i));
                } catch (org.java_websocket.exceptions.WebsocketNotConnectedException closedMeanwhile) {
                    return;
                }
                sent.set(i + 1);
                next += intervalNanos;
            }
        }, "stream-pump");
        pump.setDaemon(true);
        pump.start();
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        // the pump notices on its own
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        // input is ignored
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
        // a killed client shows up here; expected in these tests
    }

    @Override
    public void onStart() {
        started.countDown();
    }

    @Override
    public void close() throws InterruptedException {
        streaming = false;
        stop(2000);
    }
}
