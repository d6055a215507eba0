package dev.sockscope.testing;

import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * Streams numbered text messages ("m 0", "m 1", ...) at a steady pace to each client and
 * remembers when each was sent, so a test can say which ones a client must have received.
 */
public final class StreamingServer extends WebSocketServer implements AutoCloseable {
    private final CountDownLatch started = new CountDownLatch(1);
    private final long[] sentNanos = new long[2_000_000];
    private final AtomicInteger sent = new AtomicInteger();
    private final long intervalNanos;
    private volatile boolean streaming = true;

    public StreamingServer(long intervalMicros) throws InterruptedException {
        super(new InetSocketAddress("127.0.0.1", 0));
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

    /** How many messages went out before {@code nanos} (System.nanoTime). */
    public int sentBefore(long nanos) {
        int n = sent.get();
        int count = 0;
        while (count < n && sentNanos[count] < nanos) {
            count++;
        }
        return count;
    }

    public int sentCount() {
        return sent.get();
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        Thread pump = new Thread(() -> {
            long next = System.nanoTime();
            for (int i = 0; streaming && conn.isOpen() && i < sentNanos.length; i++) {
                while (System.nanoTime() < next) {
                    Thread.onSpinWait();
                }
                conn.send("m " + i);
                sentNanos[i] = System.nanoTime();
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
