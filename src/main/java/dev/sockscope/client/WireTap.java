package dev.sockscope.client;

import dev.sockscope.codec.Chunked;
import dev.sockscope.codec.HttpHeadReader;
import dev.sockscope.codec.PerMessageDeflate;
import dev.sockscope.codec.ProtocolViolation;
import dev.sockscope.codec.WireDecoder;
import dev.sockscope.core.Clock;
import dev.sockscope.core.Direction;
import dev.sockscope.core.Frame;
import dev.sockscope.core.Handshake;
import dev.sockscope.core.Message;
import dev.sockscope.core.Opcode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Everything one client connection put on the wire and read from it, seen by our own codec while
 * Java-WebSocket runs the protocol: the upgrade request and response byte for byte (headers in
 * order and original case), the body of a refusal (which the library would drop), and every frame
 * in both directions as it crossed the wire, each with the message it completes.
 *
 * <p>Frames the server sent right behind its 101 are held until the library has accepted the
 * upgrade ({@link #opened()}), so no frame is published before the connection is open, and none of
 * an upgrade the library refused. Written bytes are seen on the library's write thread, read bytes
 * on the connection's read thread; each direction has its own decoder.
 */
final class WireTap {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(WireTap.class);
    /** The recording keeps refusal bodies up to this size (its column), so no more is read. */
    private static final int MAX_BODY = 1_000_000;
    private static final int BODY_WAIT_MILLIS = 2000;

    /** Hears what crossed the wire, on the thread that moved the bytes. */
    interface Listener {
        void frame(Frame frame, Message completes);

        /** Bytes from the server broke RFC 6455: the connection must be failed with this code and reason. */
        void violation(ProtocolViolation violation);
    }

    private final Listener listener;
    /** Our own request head: no cap protects us from ourselves (a huge cookie must not hide every frame after it). */
    private final HttpHeadReader request = new HttpHeadReader(16 << 20, 100_000);
    private final HttpHeadReader response = new HttpHeadReader();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    /** What we send is already in memory: the limits that protect us from a peer do not apply to it. */
    private static final WireDecoder.Settings OWN_FRAMES =
            new WireDecoder.Settings(Integer.MAX_VALUE - 8, Integer.MAX_VALUE - 8, null);
    /** Replaced at the 101 when the server agreed to permessage-deflate; no frame is decoded before it. */
    private volatile WireDecoder sent = new WireDecoder(Direction.SEND, OWN_FRAMES, Clock::nowMicros);
    private volatile WireDecoder received = new WireDecoder(Direction.RECEIVE, WireDecoder.Settings.defaults(),
            Clock::nowMicros);
    private final WireDecoder.Listener decoded;
    private final WireDecoder.Listener decodedSent;
    private volatile boolean open;
    /** Bytes that came right behind the 101, before the library accepted the upgrade. */
    private byte[] held = new byte[0];
    private volatile Frame lastCloseReceived;
    private volatile long requestSentNanos;
    private volatile long responseReadNanos;

    WireTap(Listener listener) {
        this.listener = listener;
        this.decoded = new WireDecoder.Listener() {
            @Override
            public void frame(Frame frame, Message completes) {
                if (frame.direction() == Direction.RECEIVE && frame.opcode() == Opcode.CLOSE) {
                    lastCloseReceived = frame;
                }
                listener.frame(frame, completes);
            }

            @Override
            public void violation(ProtocolViolation violation) {
                listener.violation(violation);
            }
        };
        this.decodedSent = new WireDecoder.Listener() {
            @Override
            public void frame(Frame frame, Message completes) {
                listener.frame(frame, completes);
            }

            @Override
            public void violation(ProtocolViolation violation) {
                // What the library wrote broke a rule we check: worth a log line, not a reason to close.
                LOG.warn("a frame Java-WebSocket sent does not pass our codec: {} ({})", violation.reason(), violation.closeCode());
            }
        };
    }

    // ---- written bytes (the library's write thread) ----

    void outgoing(byte[] b, int off, int len) {
        int at = off;
        int end = off + len;
        if (!request.isComplete()) {
            int past = request.feed(b, off, len);
            if (past < 0) {
                return;
            }
            requestSentNanos = System.nanoTime();
            at = past;
        }
        if (at < end) {
            sent.feed(b, at, end - at, decodedSent);
        }
    }

    // ---- read bytes (the connection's read thread) ----

    void incoming(byte[] b, int off, int n, InputStream in, Socket socket) throws IOException {
        if (response.isComplete()) {
            if (!holdUntilOpen(b, off, n)) {
                received.feed(b, off, n, decoded);
            }
            return;
        }
        int past = response.feed(b, off, n);
        if (response.problem() != null) {
            throw new IOException("the server's upgrade response is not usable: " + response.problem());
        }
        if (past < 0) {
            return;
        }
        responseReadNanos = System.nanoTime();
        Handshake head = new Handshake("", response.head(), null);
        if (head.status() == 101) {
            PerMessageDeflate.negotiated(head.responseHeaders()).ifPresent(this::inflateWith);
            holdUntilOpen(b, past, off + n - past);
        } else {
            synchronized (body) {
                body.write(b, past, off + n - past);
            }
            readRestOfBody(head, in, socket);
        }
    }

    /**
     * The server agreed to permessage-deflate: both directions are decoded with what it agreed.
     * Runs on the read thread before the library sees the 101, so before anything is sent.
     */
    private void inflateWith(PerMessageDeflate agreed) {
        sent.close();
        received.close();
        sent = new WireDecoder(Direction.SEND, OWN_FRAMES.withDeflate(agreed), Clock::nowMicros);
        received = new WireDecoder(Direction.RECEIVE, WireDecoder.Settings.defaults().withDeflate(agreed), Clock::nowMicros);
    }

    /** Keeps these bytes for {@link #opened()} unless the connection is open already; true when kept. */
    private synchronized boolean holdUntilOpen(byte[] b, int off, int n) {
        if (open) {
            return false;
        }
        held = Arrays.copyOf(held, held.length + n);
        System.arraycopy(b, off, held, held.length - n, n);
        return true;
    }

    /**
     * The library accepted the upgrade (called on the read thread, before it decodes anything
     * after the 101): frames from now on are published, starting with those that came with it.
     */
    void opened() {
        byte[] early;
        synchronized (this) {
            early = held;
            held = new byte[0];
            open = true;
        }
        if (early.length > 0) {
            received.feed(early, 0, early.length, decoded);
        }
    }

    /** Reads what remains of a refusal's body: by Content-Length, else until the server closes. */
    private void readRestOfBody(Handshake head, InputStream in, Socket socket) throws IOException {
        long expected = head.responseHeader("Content-Length").map(WireTap::parseLength).orElse(-1L);
        boolean chunked = head.responseHeader("Transfer-Encoding")
                .map(v -> v.toLowerCase(Locale.ROOT).contains("chunked")).orElse(false);
        int oldTimeout = socket.getSoTimeout();
        socket.setSoTimeout(BODY_WAIT_MILLIS);
        byte[] buffer = new byte[8192];
        try {
            while (bodySize() < MAX_BODY && (expected < 0 || bodySize() < expected)) {
                if (chunked && endsWithLastChunk()) {
                    break;
                }
                int n = in.read(buffer, 0, Math.min(buffer.length, MAX_BODY - bodySize()));
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
            if (!socket.isClosed()) {
                socket.setSoTimeout(oldTimeout);
            }
        }
        if (chunked) {
            synchronized (body) {
                byte[] decodedBody = Chunked.decode(body.toByteArray());
                body.reset();
                body.write(decodedBody, 0, decodedBody.length);
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

    /**
     * Goes on reading after the library stopped (see {@link HandshakeTap#close()}): until the
     * server's close frame has come, the server hung up, or {@code millis} passed. Only once the
     * connection was open, and never while another thread reads.
     */
    void readUntilClose(InputStream in, Socket socket, int millis) throws IOException {
        if (!open || lastCloseReceived != null || received.stopped()) {
            return;
        }
        long deadline = System.nanoTime() + millis * 1_000_000L;
        byte[] buffer = new byte[16 * 1024];
        try {
            while (lastCloseReceived == null && !received.stopped()) {
                int left = (int) ((deadline - System.nanoTime()) / 1_000_000);
                if (left <= 0) {
                    return;
                }
                socket.setSoTimeout(left);
                int n = in.read(buffer);
                if (n < 0) {
                    return;
                }
                received.feed(buffer, 0, n, decoded);
            }
        } catch (SocketTimeoutException | SocketException e) {
            // The server stayed silent, or hung up: what came is shown.
        }
    }

    // ---- what was seen ----

    Handshake handshake() {
        synchronized (body) {
            return new Handshake(request.head(), response.head(), body.toByteArray());
        }
    }

    /** Why the server's response head was refused (too long, too many lines), or null. */
    String responseProblem() {
        return response.problem();
    }

    /** The last close frame the server sent, or null. */
    Frame lastCloseReceived() {
        return lastCloseReceived;
    }

    /** Microseconds from the request's last byte to the response head's last byte, or -1. */
    long upgradeMicros() {
        return requestSentNanos == 0 || responseReadNanos == 0 ? -1 : (responseReadNanos - requestSentNanos) / 1000;
    }

    /** Frees the decoders. */
    void close() {
        sent.close();
        received.close();
    }
}
