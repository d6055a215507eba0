package dev.sockscope.client;

import dev.sockscope.codec.FrameParser;
import dev.sockscope.codec.FrameScanner;
import dev.sockscope.core.Handshake;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A connected socket that records the HTTP upgrade as it crosses the wire, byte for byte, so the
 * request and response can be shown with their headers in order and original case. When the
 * server answers with anything but 101 it also reads the body, which the WebSocket library
 * would otherwise drop, so the user sees what the server said.
 */
final class HandshakeTap extends Socket {
    private static final int MAX_HEAD = 64 * 1024;
    private static final int MAX_BODY = 1024 * 1024;
    private static final int BODY_WAIT_MILLIS = 2000;

    private final Socket inner;
    private final HeadRecorder request = new HeadRecorder();
    private final HeadRecorder response = new HeadRecorder();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final InputStream in;
    private final OutputStream out;
    /** Follows frame boundaries to catch close frames the library no longer decodes once closing. */
    private final FrameScanner frames = new FrameScanner(opcode -> opcode == 0x8, f -> lastClose = f);
    private volatile FrameParser.WireFrame lastClose;
    private volatile long requestSentNanos;
    private volatile long responseReadNanos;

    HandshakeTap(Socket inner) throws IOException {
        this.inner = inner;
        this.in = new TapIn(inner.getInputStream());
        this.out = new TapOut(inner.getOutputStream());
    }

    /** The last close frame the server sent, or null. */
    FrameParser.WireFrame lastCloseFrame() {
        return lastClose;
    }

    Handshake handshake() {
        synchronized (body) {
            return new Handshake(request.head(), response.head(), body.toByteArray());
        }
    }

    /** Microseconds from the request's last byte to the response head's last byte, or -1. */
    long upgradeMicros() {
        return requestSentNanos == 0 || responseReadNanos == 0 ? -1 : (responseReadNanos - requestSentNanos) / 1000;
    }

    /** Collects bytes until the blank line that ends an HTTP head. */
    private static final class HeadRecorder {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private int headEnd = -1;

        /** Records and returns the offset in {@code data} just past the head, or -1 if not complete. */
        synchronized int record(byte[] data, int off, int len) {
            if (headEnd >= 0 || bytes.size() >= MAX_HEAD) {
                return -1;
            }
            int before = bytes.size();
            bytes.write(data, off, len);
            byte[] all = bytes.toByteArray();
            for (int i = Math.max(3, before - 3); i < all.length; i++) {
                if (all[i - 3] == '\r' && all[i - 2] == '\n' && all[i - 1] == '\r' && all[i] == '\n') {
                    headEnd = i + 1;
                    return off + (headEnd - before);
                }
            }
            return -1;
        }

        synchronized boolean complete() {
            return headEnd >= 0;
        }

        synchronized String head() {
            byte[] all = bytes.toByteArray();
            int end = headEnd >= 0 ? headEnd : all.length;
            return new String(all, 0, end, StandardCharsets.ISO_8859_1);
        }
    }

    private final class TapOut extends FilterOutputStream {
        TapOut(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            // Recorded before it is written: the reply can be read (and the upgrade reported) on
            // another thread before write() returns here.
            if (!request.complete() && request.record(b, off, len) >= 0) {
                requestSentNanos = System.nanoTime();
            }
            out.write(b, off, len);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }
    }

    private final class TapIn extends FilterInputStream {
        TapIn(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0 && response.complete()) {
                frames.scan(b, off, n);
            } else if (n > 0) {
                int bodyStart = response.record(b, off, n);
                if (bodyStart >= 0) {
                    responseReadNanos = System.nanoTime();
                    Handshake head = new Handshake("", response.head(), null);
                    if (head.status() == 101) {
                        frames.scan(b, bodyStart, off + n - bodyStart);
                    } else {
                        synchronized (body) {
                            body.write(b, bodyStart, off + n - bodyStart);
                        }
                        readRestOfBody(head);
                    }
                }
            }
            return n;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        /** Reads what remains of a refusal's body: by Content-Length, else until the server closes. */
        private void readRestOfBody(Handshake head) throws IOException {
            long expected = head.responseHeader("Content-Length").map(HandshakeTap::parseLength).orElse(-1L);
            boolean chunked = head.responseHeader("Transfer-Encoding")
                    .map(v -> v.toLowerCase(Locale.ROOT).contains("chunked")).orElse(false);
            int oldTimeout = inner.getSoTimeout();
            inner.setSoTimeout(BODY_WAIT_MILLIS);
            byte[] buffer = new byte[8192];
            try {
                while (bodySize() < MAX_BODY && (expected < 0 || bodySize() < expected)) {
                    if (chunked && endsWithLastChunk()) {
                        break;
                    }
                    int n = in.read(buffer);
                    if (n < 0) {
                        break;
                    }
                    synchronized (body) {
                        body.write(buffer, 0, n);
                    }
                }
            } catch (SocketTimeoutException | SocketException e) {
                // The server stopped sending or hung up: what we have is the body it sent.
            } finally {
                if (!inner.isClosed()) {
                    inner.setSoTimeout(oldTimeout);
                }
            }
            if (chunked) {
                synchronized (body) {
                    byte[] decoded = Chunked.decode(body.toByteArray());
                    body.reset();
                    body.write(decoded, 0, decoded.length);
                }
            }
        }
    }

    private int bodySize() {
        synchronized (body) {
            return body.size();
        }
    }

    private boolean endsWithLastChunk() {
        synchronized (body) {
            String tail = new String(body.toByteArray(), StandardCharsets.ISO_8859_1);
            return tail.endsWith("\r\n0\r\n\r\n") || tail.equals("0\r\n\r\n");
        }
    }

    private static long parseLength(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public InputStream getInputStream() {
        return in;
    }

    @Override
    public OutputStream getOutputStream() {
        return out;
    }

    @Override
    public boolean isConnected() {
        return inner.isConnected();
    }

    @Override
    public boolean isClosed() {
        return inner.isClosed();
    }

    @Override
    public boolean isBound() {
        return inner.isBound();
    }

    @Override
    public synchronized void close() throws IOException {
        inner.close();
    }

    @Override
    public void shutdownOutput() throws IOException {
        inner.shutdownOutput();
    }

    @Override
    public void shutdownInput() throws IOException {
        inner.shutdownInput();
    }

    @Override
    public void setTcpNoDelay(boolean on) throws SocketException {
        inner.setTcpNoDelay(on);
    }

    @Override
    public boolean getTcpNoDelay() throws SocketException {
        return inner.getTcpNoDelay();
    }

    @Override
    public void setReuseAddress(boolean on) throws SocketException {
        // Meaningless on a socket that is already connected; the library sets it anyway.
    }

    @Override
    public synchronized void setReceiveBufferSize(int size) throws SocketException {
        inner.setReceiveBufferSize(size);
    }

    @Override
    public synchronized void setSoTimeout(int timeout) throws SocketException {
        inner.setSoTimeout(timeout);
    }

    @Override
    public synchronized int getSoTimeout() throws SocketException {
        return inner.getSoTimeout();
    }

    @Override
    public SocketAddress getRemoteSocketAddress() {
        return inner.getRemoteSocketAddress();
    }

    @Override
    public SocketAddress getLocalSocketAddress() {
        return inner.getLocalSocketAddress();
    }

    @Override
    public java.net.InetAddress getInetAddress() {
        return inner.getInetAddress();
    }

    @Override
    public int getPort() {
        return inner.getPort();
    }

    @Override
    public String toString() {
        return "HandshakeTap[" + inner + "]";
    }
}
