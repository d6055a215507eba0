package dev.sockscope.conformance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;

/**
 * A TCP forwarder between the echoing client and the proxy that keeps every byte each way: what
 * the proxy handed the client, and what the client handed the proxy, to compare with what the
 * fuzzer sent and read on the proxy's other side.
 */
final class TapRelay implements AutoCloseable {
    private final ServerSocket server;
    private final int target;
    private volatile ByteArrayOutputStream toClient = new ByteArrayOutputStream();
    private volatile ByteArrayOutputStream fromClient = new ByteArrayOutputStream();
    private volatile Thread[] pumps = new Thread[0];

    TapRelay(int target) throws IOException {
        this.server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        this.target = target;
        Thread acceptor = new Thread(this::accept, "tap-relay");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket proxy = new Socket(InetAddress.getLoopbackAddress(), target);
                client.setTcpNoDelay(true);
                proxy.setTcpNoDelay(true);
                ByteArrayOutputStream down = new ByteArrayOutputStream();
                ByteArrayOutputStream up = new ByteArrayOutputStream();
                toClient = down;
                fromClient = up;
                pumps = new Thread[] {pump(proxy, client, down), pump(client, proxy, up)};
            } catch (IOException e) {
                return;
            }
        }
    }

    private static Thread pump(Socket from, Socket to, ByteArrayOutputStream record) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    synchronized (record) {
                        record.write(buffer, 0, n);
                    }
                    out.write(buffer, 0, n);
                }
            } catch (IOException e) {
                // one side ended
            } finally {
                try {
                    to.shutdownOutput();
                } catch (IOException ignored) {
                    // gone already
                }
            }
        }, "tap-pump");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Waits for both directions of the last connection to end. */
    void awaitEnd() throws InterruptedException {
        for (Thread pump : pumps) {
            pump.join(5_000);
        }
    }

    /** What the proxy sent the client after its HTTP head. */
    byte[] toClientAfterHead() {
        return afterHead(toClient);
    }

    /** What the client sent the proxy after its HTTP head. */
    byte[] fromClientAfterHead() {
        return afterHead(fromClient);
    }

    private static byte[] afterHead(ByteArrayOutputStream recorded) {
        byte[] bytes;
        synchronized (recorded) {
            bytes = recorded.toByteArray();
        }
        for (int i = 3; i < bytes.length; i++) {
            if (bytes[i - 3] == '\r' && bytes[i - 2] == '\n' && bytes[i - 1] == '\r' && bytes[i] == '\n') {
                return Arrays.copyOfRange(bytes, i + 1, bytes.length);
            }
        }
        return new byte[0];
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
