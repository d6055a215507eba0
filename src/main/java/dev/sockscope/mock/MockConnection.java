package dev.sockscope.mock;

import dev.sockscope.codec.FrameEncoder;
import dev.sockscope.codec.HttpHeadReader;
import dev.sockscope.codec.ProtocolViolation;
import dev.sockscope.codec.WireDecoder;
import dev.sockscope.core.Clock;
import dev.sockscope.core.ClosedBy;
import dev.sockscope.core.Direction;
import dev.sockscope.core.Frame;
import dev.sockscope.core.Handshake;
import dev.sockscope.core.Leg;
import dev.sockscope.core.Message;
import dev.sockscope.core.Opcode;
import dev.sockscope.core.Origin;
import dev.sockscope.core.SessionEvent;
import dev.sockscope.core.Timings;
import dev.sockscope.core.WsUrl;
import dev.sockscope.replay.MockScript;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client of a mock server: its upgrade answered, its frames read and recorded, and the
 * script's answers written at their times from a sender thread of its own (answers keep their
 * order: none goes before the one scheduled ahead of it). Ends with a close handshake started by
 * either side, a protocol violation (failed with its code) or a dropped connection (1006).
 */
final class MockConnection {
    private static final Logger LOG = LoggerFactory.getLogger(MockConnection.class);
    private static final int HEAD_TIMEOUT_MILLIS = 10_000;
    private static final int CLOSE_REPLY_MILLIS = 2_000;

    private final MockConfig config;
    private final Socket socket;
    private final Consumer<MockConnection> onEnd;
    private final ScheduledExecutorService sender;
    private final AtomicBoolean ended = new AtomicBoolean();
    private long id = -1;
    private OutputStream out;
    private MockScript script;
    /** When the last scheduled answer goes, in nanoTime: later answers never overtake it. */
    private long lastSendNanos;
    private boolean closeSent;
    private int closeSentCode;
    private String closeSentReason = "";
    private int clientMessages;

    MockConnection(MockConfig config, Socket socket, Consumer<MockConnection> onEnd) {
        this.config = config;
        this.socket = socket;
        this.onEnd = onEnd;
        this.sender = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mock-send-" + socket.getPort());
            t.setDaemon(true);
            return t;
        });
    }

    void run() {
        try (socket) {
            InputStream in = socket.getInputStream();
            out = socket.getOutputStream();
            socket.setSoTimeout(HEAD_TIMEOUT_MILLIS);
            byte[] buffer = new byte[16 * 1024];
            HttpHeadReader head = new HttpHeadReader();
            int n;
            int after = -1;
            while (after < 0 && head.problem() == null && (n = in.read(buffer)) > 0) {
                after = head.feed(buffer, 0, n);
                if (after >= 0) {
                    n = n - after;
                    System.arraycopy(buffer, after, buffer, 0, n);
                    if (upgrade(head.head())) {
                        socket.setSoTimeout(0);
                        readFrames(in, buffer, n);
                    }
                    return;
                }
            }
            refuse(400, "Bad Request", head.problem() != null ? head.problem() : "the request ended before its head did");
        } catch (SocketTimeoutException e) {
            refuseQuietly(408, "Request Timeout", "no complete request within " + HEAD_TIMEOUT_MILLIS / 1000 + " s");
        } catch (IOException e) {
            endUnanswered("the client dropped the connection: " + e.getMessage());
        } finally {
            endUnanswered("the client dropped the connection");
            sender.shutdownNow();
            onEnd.accept(this);
        }
    }

    /** Answers the upgrade; false (after a refusal) when the request is not one. */
    private boolean upgrade(String requestHead) throws IOException {
        Handshake request = new Handshake(requestHead, "", null);
        String[] line = request.requestLine().split(" ");
        String key = header(request, "Sec-WebSocket-Key");
        if (line.length != 3 || !line[0].equals("GET") || !header(request, "Upgrade").equalsIgnoreCase("websocket")
                || key.isEmpty()) {
            refuse(426, "Upgrade Required", "this is a mock WebSocket server made by Sockscope from a recording:"
                    + " connect with a WebSocket client");
            return false;
        }
        if (!header(request, "Sec-WebSocket-Version").equals("13")) {
            refuse(400, "Bad Request", "only WebSocket version 13 is spoken here");
            return false;
        }
        String chosen = chooseSubprotocol(request);
        String response = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + dev.sockscope.core.HandshakeFacts.acceptFor(key) + "\r\n"
                + (chosen.isEmpty() ? "" : "Sec-WebSocket-Protocol: " + chosen + "\r\n") + "\r\n";
        id = config.ids().getAsLong();
        WsUrl url = urlOf(request, line[1]);
        config.events().accept(new SessionEvent.Started(id, Origin.MOCK, config.session(), url, Clock.nowMicros()));
        synchronized (this) {
            out.write(response.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }
        config.events().accept(new SessionEvent.Opened(id, url, new Handshake(requestHead, response, null), null, chosen,
                Timings.NONE, Clock.nowMicros()));
        script = config.scripts().get();
        MockScript.Answer opening = script.opening();
        schedule(opening);
        return true;
    }

    private String chooseSubprotocol(Handshake request) {
        String offered = header(request, "Sec-WebSocket-Protocol");
        if (config.subprotocol().isEmpty()) {
            return "";
        }
        for (String p : offered.split(",")) {
            if (p.strip().equals(config.subprotocol())) {
                return config.subprotocol();
            }
        }
        config.notices().accept("a client did not offer the recorded subprotocol " + config.subprotocol()
                + (offered.isBlank() ? "" : " (it offered " + offered.strip() + ")") + ": answered without one");
        return "";
    }

    private WsUrl urlOf(Handshake request, String target) {
        String scheme = config.tls() != null ? "wss://" : "ws://";
        String host = header(request, "Host");
        if (host.isEmpty()) {
            host = socket.getLocalAddress().getHostAddress() + ":" + socket.getLocalPort();
        }
        try {
            return WsUrl.parse(scheme + host + (target.startsWith("/") ? target : "/"));
        } catch (IllegalArgumentException e) {
            return WsUrl.parse(scheme + socket.getLocalAddress().getHostAddress() + ":" + socket.getLocalPort() + "/");
        }
    }

    private static String header(Handshake h, String name) {
        return h.requestHeaders().stream().filter(x -> x.is(name)).map(x -> x.value().strip()).findFirst().orElse("");
    }

    private void readFrames(InputStream in, byte[] buffer, int pending) throws IOException {
        WireDecoder decoder = new WireDecoder(Direction.SEND, WireDecoder.Settings.defaults(), Clock::nowMicros);
        WireDecoder.Listener listener = new WireDecoder.Listener() {
            @Override
            public void frame(Frame frame, Message completes) {
                fromClient(frame, completes);
            }

            @Override
            public void violation(ProtocolViolation violation) {
                config.notices().accept("mock connection " + id + ": the client broke the protocol: " + violation.reason());
                sendClose(violation.closeCode(), violation.reason());
            }
        };
        if (pending > 0) {
            decoder.feed(buffer, 0, pending, listener);
        }
        int n;
        while (!ended.get() && !decoder.stopped() && (n = in.read(buffer)) > 0) {
            decoder.feed(buffer, 0, n, listener);
        }
    }

    private void fromClient(Frame frame, Message completes) {
        config.events().accept(new SessionEvent.FrameEvent(id, Leg.UPSTREAM, frame, completes));
        if (completes == null) {
            return;
        }
        switch (completes.opcode()) {
            case TEXT, BINARY -> answer(completes);
            case PING -> sender.execute(() -> send(Opcode.PONG, completes.payload()));
            case CLOSE -> closeReceived(completes);
            default -> { }
        }
    }

    private void answer(Message fromClient) {
        clientMessages++;
        MockScript.Answer answer = script.answer(fromClient);
        if (answer.matched() == 0) {
            config.notices().accept("mock connection " + id + ": the client's message " + clientMessages
                    + " matches no recorded message, nothing answered: " + shortened(fromClient));
        }
        schedule(answer);
    }

    private synchronized void schedule(MockScript.Answer answer) {
        long now = System.nanoTime();
        lastSendNanos = Math.max(lastSendNanos, now);
        for (MockScript.Timed t : answer.messages()) {
            long at = Math.max(lastSendNanos, config.noWait() ? now : now + t.afterMicros() * 1000);
            lastSendNanos = at;
            sender.schedule(() -> send(t.message().opcode(), t.message().payload()), at - now, TimeUnit.NANOSECONDS);
        }
        if (answer.thenClose() != null) {
            SessionEvent.Closed close = answer.thenClose();
            sender.schedule(() -> sendClose(close.code(), close.reason()), lastSendNanos - now, TimeUnit.NANOSECONDS);
        }
    }

    /** Writes one whole frame and records it; nothing after our close. */
    private synchronized void send(Opcode opcode, byte[] payload) {
        if (closeSent || ended.get()) {
            return;
        }
        writeFrame(opcode, payload);
    }

    private synchronized void writeFrame(Opcode opcode, byte[] payload) {
        byte[] header = FrameEncoder.header(true, 0, opcode.code(), payload.length, -1);
        // Recorded before it is written: a client's reply to it is then never recorded ahead of it.
        Frame frame = new Frame(Direction.RECEIVE, opcode, true, 0, payload, Clock.nowMicros(), header);
        config.events().accept(new SessionEvent.FrameEvent(id, Leg.UPSTREAM, frame, Message.of(frame)));
        try {
            out.write(FrameEncoder.encode(true, 0, opcode, payload, -1));
            out.flush();
        } catch (IOException e) {
            end(1006, "the client dropped the connection: " + e.getMessage(), ClosedBy.CLIENT);
            closeSocket();
        }
    }

    /** Starts the closing handshake from our side: the client has a moment to answer before the socket goes. */
    private synchronized void sendClose(int code, String reason) {
        if (closeSent || ended.get()) {
            return;
        }
        closeSent = true;
        closeSentCode = code == 1005 ? 1000 : code;
        closeSentReason = reason;
        writeFrame(Opcode.CLOSE, Frame.close(Direction.RECEIVE, closeSentCode, reason, 0).payload());
        sender.schedule(this::closeSocket, CLOSE_REPLY_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void closeReceived(Message close) {
        synchronized (this) {
            if (closeSent) {
                end(closeSentCode, closeSentReason, ClosedBy.SERVER);
            } else {
                // Echo the client's code, as RFC 6455 section 5.5.1 has it.
                closeSent = true;
                writeFrame(Opcode.CLOSE, close.payload().length >= 2
                        ? java.util.Arrays.copyOf(close.payload(), 2) : new byte[0]);
                end(close.closeCode() < 0 ? 1005 : close.closeCode(), close.closeReason(), ClosedBy.CLIENT);
            }
        }
        closeSocket();
    }

    /** Ends with 1001 Going Away: the mock server is stopping. */
    void goAway() {
        sender.execute(() -> sendClose(1001, "the mock server is stopping"));
    }

    /**
     * The socket is gone: after our close (the client never answered it, and our timer closed the
     * socket) it ended with our code; otherwise the client dropped it (1006).
     */
    private void endUnanswered(String dropped) {
        boolean ours;
        synchronized (this) {
            ours = closeSent;
        }
        if (ours) {
            end(closeSentCode, closeSentReason, ClosedBy.SERVER);
        } else {
            end(1006, dropped, ClosedBy.CLIENT);
        }
    }

    private void end(int code, String reason, ClosedBy by) {
        if (id >= 0 && ended.compareAndSet(false, true)) {
            config.events().accept(new SessionEvent.Closed(id, code, reason, by, Clock.nowMicros()));
        }
    }

    private void closeSocket() {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("closing a mock client's socket", e);
        }
    }

    private void refuse(int status, String phrase, String why) throws IOException {
        byte[] body = (why + "\n").getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + " " + phrase + "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: "
                + body.length + "\r\nConnection: close\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
        config.notices().accept("refused a request that is not a WebSocket upgrade (" + status + "): " + why);
    }

    private void refuseQuietly(int status, String phrase, String why) {
        try {
            refuse(status, phrase, why);
        } catch (IOException e) {
            LOG.debug("the client left before its refusal", e);
        }
    }

    private static String shortened(Message m) {
        String shown = m.opcode() == Opcode.TEXT ? m.text() : m.size() + " bytes of binary";
        return shown.length() > 200 ? shown.substring(0, 200) + "…" : shown;
    }
}
