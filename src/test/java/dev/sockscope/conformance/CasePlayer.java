package dev.sockscope.conformance;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The fuzzing peer in the server role for one case on one accepted connection, with Autobahn's
 * state machine: open, closing (once either close frame went), closed. It completes the upgrade,
 * does the case's steps, reads the other side with a frame reader of its own, answers a close
 * with close 1000 and drops TCP once the handshake is done, drops it when its own close is not
 * answered within a second, and closes by itself once the expected events came.
 */
final class CasePlayer {
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final long CLOSE_HANDSHAKE_TIMEOUT_MS = 1_000;
    /** Beyond every timer of these cases: a case still running then is cut off and says so. */
    private static final long CASE_LIMIT_MS = 20_000;

    private enum State { OPEN, CLOSING, CLOSED }

    private final Socket socket;
    private final OutputStream out;
    private final AutobahnCase testCase;
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Observed observed = new Observed();
    private State state = State.OPEN;
    /** Groups 12 and 13: what the upgrade agreed (null: no compression), and the exchange once open. */
    private DeflateNegotiation.Agreed agreed;
    private volatile DeflateExchange exchange;

    CasePlayer(Socket socket, AutobahnCase testCase) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.testCase = testCase;
    }

    Observed play() throws IOException, InterruptedException {
        InputStream in = socket.getInputStream();
        upgrade(in);
        observed.opened = true;
        in = new java.io.FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    observed.received.write(b);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    observed.received.write(buffer, offset, n);
                }
                return n;
            }
        };
        long started = System.nanoTime();
        InputStream recorded = in;
        Thread reader = new Thread(() -> read(recorded), "autobahn-" + testCase.id());
        reader.setDaemon(true);
        reader.start();
        long limit = CASE_LIMIT_MS;
        try {
            if (testCase.deflate() != null) {
                startDeflate();
                limit = Math.max(limit, testCase.deflate().timeoutMillis() + 5_000);
            }
            for (Step step : testCase.steps()) {
                if (!perform(step)) {
                    break;
                }
            }
            if (!closed.await(limit, TimeUnit.MILLISECONDS)) {
                observed.timedOut = true;
                drop();
            }
            reader.join(2_000);
            observed.durationMillis = (System.nanoTime() - started) / 1_000_000;
        } finally {
            timers.shutdownNow();
            if (exchange != null) {
                synchronized (exchange) {
                    exchange.end();
                }
            }
        }
        return observed;
    }

    /**
     * Groups 12 and 13, as the suite's onOpen: without compression agreed the case is
     * UNIMPLEMENTED and closed at once; else the first message goes, and the case's timer runs.
     */
    private void startDeflate() {
        if (agreed == null) {
            observed.deflateOutcome = "UNIMPLEMENTED";
            observed.deflateReason = "no compression agreed: the client offered "
                    + (observed.extensionOffers.isEmpty() ? "no extension" : String.join(", ", observed.extensionOffers));
            fuzzerClose(Wire.closePayload(1000, ""));
            return;
        }
        exchange = new DeflateExchange(testCase.deflate(), agreed);
        timers.schedule(() -> {
            if (stateIs(State.OPEN)) {
                fuzzerClose(new byte[0]);
            }
        }, testCase.deflate().timeoutMillis(), TimeUnit.MILLISECONDS);
        synchronized (exchange) {
            write(exchange.nextFrames());
        }
    }

    /** One echo came (reader thread): judged, then the next message, or the close once all came or one differed. */
    private void onDeflateEcho(boolean binary, boolean compressed, byte[] payload) {
        String wrong;
        synchronized (exchange) {
            if (observed.deflateOutcome != null) {
                return;
            }
            wrong = exchange.check(binary, compressed, payload);
            observed.deflateEchoes = exchange.sent() - (wrong == null ? 0 : 1);
            if (wrong == null && !exchange.allSent()) {
                write(exchange.nextFrames());
                return;
            }
        }
        observed.deflateOutcome = wrong == null ? "OK" : "FAILED";
        observed.deflateReason = wrong;
        fuzzerClose(Wire.closePayload(1000, ""));
    }

    /** Does one step; false once the connection is closed and nothing more can be done. */
    private boolean perform(Step step) throws InterruptedException {
        if (step instanceof Step.Raw raw) {
            if (stateIs(State.CLOSED)) {
                return false;
            }
            writeChopped(raw.bytes(), raw.chop());
        } else if (step instanceof Step.Lazy lazy) {
            if (stateIs(State.CLOSED)) {
                return false;
            }
            writeChopped(lazy.bytes().get(), lazy.chop());
        } else if (step instanceof Step.Close close) {
            fuzzerClose(close.payload());
        } else if (step instanceof Step.RoundTrips trips) {
            return roundTrips(trips);
        } else if (step instanceof Step.Tag tag) {
            if (!stateIs(State.OPEN)) {
                return false;
            }
            observed.events.add(CaseEvent.timeout(tag.tag()));
        } else if (step instanceof Step.Pause pause) {
            return !closed.await(pause.millis(), TimeUnit.MILLISECONDS);
        } else if (step instanceof Step.CloseAfter after) {
            timers.schedule(() -> {
                if (stateIs(State.OPEN)) {
                    fuzzerClose(new byte[0]);
                }
            }, after.millis(), TimeUnit.MILLISECONDS);
        } else if (step instanceof Step.KillAfter kill) {
            timers.schedule(() -> {
                if (stateIs(State.OPEN)) {
                    fuzzerClose(Wire.closePayload(1001, "Going Away"));
                } else if (stateIs(State.CLOSING)) {
                    drop();
                }
            }, kill.millis(), TimeUnit.MILLISECONDS);
        }
        return true;
    }

    private boolean roundTrips(Step.RoundTrips trips) throws InterruptedException {
        byte[] frame = Wire.frame(trips.opcode(), trips.payload());
        long deadline = System.nanoTime() + trips.millis() * 1_000_000;
        for (int sent = 0; sent < trips.count(); sent++) {
            if (!stateIs(State.OPEN)) {
                return false;
            }
            write(frame);
            synchronized (observed.events) {
                while (observed.events.size() <= sent && !stateIs(State.CLOSED)) {
                    long left = (deadline - System.nanoTime()) / 1_000_000;
                    if (left <= 0) {
                        return true;
                    }
                    observed.events.wait(Math.min(left, 100));
                }
            }
            if (observed.events.size() <= sent) {
                return false;
            }
        }
        return true;
    }

    private synchronized boolean stateIs(State wanted) {
        return state == wanted;
    }

    /** The fuzzer starts the closing handshake (sendClose / sendCloseFrame): only when open. */
    private void fuzzerClose(byte[] payload) {
        synchronized (this) {
            if (state != State.OPEN) {
                return;
            }
            state = State.CLOSING;
            observed.closedByMe = true;
        }
        write(Wire.frame(Wire.CLOSE, payload));
        timers.schedule(() -> {
            if (!stateIs(State.CLOSED)) {
                drop();
            }
        }, CLOSE_HANDSHAKE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    }

    private void onPeerClose(byte[] payload) {
        observed.peerCloseCode = payload.length >= 2 ? (payload[0] & 0xFF) << 8 | payload[1] & 0xFF : null;
        boolean answer;
        synchronized (this) {
            if (state == State.CLOSED) {
                return;
            }
            answer = state == State.OPEN;
            state = State.CLOSING;
        }
        if (answer) {
            write(Wire.frame(Wire.CLOSE, Wire.closePayload(1000, "")));
        }
        observed.wasClean = true;
        // A server drops TCP once the closing handshake is done (RFC 6455 7.1.1).
        drop();
    }

    private void drop() {
        synchronized (this) {
            state = State.CLOSED;
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // closed already
        }
        closed.countDown();
    }

    private void record(CaseEvent event) {
        synchronized (observed.events) {
            observed.events.add(event);
            observed.events.notifyAll();
        }
        Expectation expected = testCase.expectation();
        if (testCase.deflate() == null && !testCase.suppressClose() && expected.closedByMe() && expected.completedBy(observed.events)) {
            fuzzerClose(Wire.closePayload(expected.closeCodes().stream().sorted().findFirst().orElse(1000), ""));
        }
    }

    private void upgrade(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("the client closed before its upgrade was complete");
            }
            head.write(b);
            matched = b == (matched % 2 == 0 ? '\r' : '\n') ? matched + 1 : b == '\r' ? 1 : 0;
        }
        String key = "";
        for (String line : head.toString(StandardCharsets.ISO_8859_1).split("\r\n")) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("sec-websocket-key:")) {
                key = line.substring(line.indexOf(':') + 1).strip();
            } else if (lower.startsWith("sec-websocket-extensions:")) {
                observed.extensionOffers.add(line.substring(line.indexOf(':') + 1).strip());
            }
        }
        String extension = "";
        if (testCase.deflate() != null) {
            agreed = DeflateNegotiation.negotiate(observed.extensionOffers, testCase.deflate().accept());
            extension = agreed == null ? "" : "Sec-WebSocket-Extensions: " + agreed.header() + "\r\n";
        }
        String accept;
        try {
            accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                    .digest((key + GUID).getBytes(StandardCharsets.ISO_8859_1)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: "
                + accept + "\r\n" + extension + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    }

    private void writeChopped(byte[] bytes, int chop) {
        if (chop <= 0) {
            write(bytes);
            return;
        }
        for (int at = 0; at < bytes.length; at += chop) {
            write(java.util.Arrays.copyOfRange(bytes, at, Math.min(bytes.length, at + chop)));
        }
    }

    private void write(byte[] bytes) {
        synchronized (out) {
            try {
                out.write(bytes);
                out.flush();
                if (observed.opened) {
                    observed.sent.write(bytes, 0, bytes.length);
                }
            } catch (IOException e) {
                // The other side is gone; what it did before is what is judged.
            }
        }
    }

    private void read(InputStream stream) {
        DataInputStream in = new DataInputStream(stream);
        ByteArrayOutputStream message = null;
        boolean binary = false;
        boolean compressed = false;
        try {
            while (true) {
                int first = in.readUnsignedByte();
                int second = in.readUnsignedByte();
                int opcode = first & 0x0F;
                boolean fin = (first & 0x80) != 0;
                long length = second & 0x7F;
                if (length == 126) {
                    length = in.readUnsignedShort();
                } else if (length == 127) {
                    length = in.readLong();
                }
                if ((second & 0x80) == 0) {
                    observed.unmasked = true;
                }
                byte[] mask = new byte[4];
                if ((second & 0x80) != 0) {
                    in.readFully(mask);
                }
                byte[] payload = new byte[(int) length];
                in.readFully(payload);
                for (int i = 0; i < payload.length; i++) {
                    payload[i] ^= mask[i % 4];
                }
                if (opcode == Wire.CLOSE) {
                    onPeerClose(payload);
                } else if (opcode == Wire.PONG) {
                    record(CaseEvent.pong(payload));
                } else if (opcode == Wire.PING) {
                    if (stateIs(State.OPEN)) {
                        write(Wire.frame(Wire.PONG, payload));
                    }
                } else {
                    if (opcode == Wire.TEXT || opcode == Wire.BINARY) {
                        message = new ByteArrayOutputStream();
                        binary = opcode == Wire.BINARY;
                        compressed = (first & 0x40) != 0;
                    }
                    if (message != null) {
                        message.write(payload);
                        if (fin && exchange != null) {
                            onDeflateEcho(binary, compressed, message.toByteArray());
                            message = null;
                        } else if (fin) {
                            record(CaseEvent.message(message.toByteArray(), binary));
                            message = null;
                        }
                    }
                }
            }
        } catch (IOException e) {
            drop();
        }
    }

    /** What the other side did during one case. */
    static final class Observed {
        final List<CaseEvent> events = new CopyOnWriteArrayList<>();
        volatile boolean opened;
        volatile boolean closedByMe;
        volatile Integer peerCloseCode;
        volatile boolean wasClean;
        volatile boolean unmasked;
        volatile boolean timedOut;
        /** The client's Sec-WebSocket-Extensions values, as sent. */
        final List<String> extensionOffers = new CopyOnWriteArrayList<>();
        /** Groups 12 and 13: OK, FAILED or UNIMPLEMENTED once judged (null: the case did not finish), and why. */
        volatile String deflateOutcome;
        volatile String deflateReason;
        volatile int deflateEchoes;
        /** The bytes the fuzzer wrote after its 101, and those it read after the upgrade request, as they went. */
        final ByteArrayOutputStream sent = new ByteArrayOutputStream();
        final ByteArrayOutputStream received = new ByteArrayOutputStream();
        /** From the open to the end of the TCP connection, closing handshake included (group 9's figure). */
        volatile long durationMillis;
    }
}
