package dev.sockscope.client;

import dev.sockscope.codec.ProtocolViolation;
import dev.sockscope.core.Clock;
import dev.sockscope.core.ConnectRequest;
import dev.sockscope.core.Connection;
import dev.sockscope.core.Direction;
import dev.sockscope.core.Failure;
import dev.sockscope.core.FailureKind;
import dev.sockscope.core.Frame;
import dev.sockscope.core.Handshake;
import dev.sockscope.core.Header;
import dev.sockscope.core.Leg;
import dev.sockscope.core.LegInfo;
import dev.sockscope.core.Message;
import dev.sockscope.core.Opcode;
import dev.sockscope.core.SessionEvent;
import dev.sockscope.core.TlsInfo;
import dev.sockscope.core.WsUrl;
import java.io.IOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.net.ssl.SSLSocket;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.extensions.IExtension;
import org.java_websocket.framing.PingFrame;
import org.java_websocket.framing.PongFrame;
import org.java_websocket.protocols.IProtocol;
import org.java_websocket.protocols.Protocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client WebSocket connection. Opening runs on its own named thread, which then becomes the
 * read loop: DNS, TCP and TLS are done here (so each step is timed and each failure named), and
 * the connected socket is handed to Java-WebSocket, which runs the protocol (upgrade, framing,
 * replies to pings and closes). What the log shows is not the library's reassembled copy: a
 * {@link WireTap} reads every byte both ways with our own codec, so frames are published as they
 * crossed the wire, and bytes the codec finds against RFC 6455 fail the connection with its code
 * and a reason in our words.
 *
 * <p>Publishes exactly one {@link SessionEvent.Opened} or none, then frames, then exactly one
 * terminal {@link SessionEvent.Closed} or {@link SessionEvent.Failed}. (The channel publishes the
 * {@link SessionEvent.Started} before this opens.)
 */
public final class ClientConnection implements Connection, WireTap.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(ClientConnection.class);
    /** How long the end of a connection waits for the library's writer to finish before it is published anyway. */
    private static final long WRITER_GRACE_SECONDS = 5;
    /**
     * How long our close waits for the server's. RFC 6455 §7.1.1 lets a client close TCP itself
     * when the server does not; without a limit a server that never answers (or a lost answer)
     * left the tab "Closing…" for good.
     */
    static final long CLOSE_ANSWER_SECONDS = 5;
    /** The library reported the end (its onClose): nothing more to wait for. */
    private volatile boolean libraryEnded;
    /** The server's close was read: no pong or message may follow it (the tap sees it before the library does). */
    private volatile boolean closeReceived;
    /** Invalid data was read and the connection is being failed: nothing more may be sent. */
    private volatile boolean failing;

    private final long id;
    private final ConnectRequest request;
    private final ScheduledExecutorService timer;
    private final ConnectionEvents events;
    private final ClosingHandshake closing = new ClosingHandshake();
    private volatile Socket socket;
    private volatile HandshakeTap tapped;
    private volatile String peer = "";
    private final WireTap tap = new WireTap(this);
    private volatile JwsAdapter client;
    private volatile TlsInfo tlsInfo;
    private volatile Exception lastError;
    private volatile ScheduledFuture<?> deadline;
    private final EstablishTimer timings = new EstablishTimer();

    private ClientConnection(long id, ConnectRequest request, Consumer<SessionEvent> sink, ScheduledExecutorService timer) {
        this.id = id;
        this.request = request;
        this.events = new ConnectionEvents(id, sink);
        this.timer = timer;
    }

    /**
     * Starts opening a connection and returns at once; everything that happens is published to
     * {@code sink} from the connection's threads.
     */
    public static ClientConnection open(long id, ConnectRequest request, Consumer<SessionEvent> sink,
            ScheduledExecutorService timer) {
        ClientConnection connection = create(id, request, sink, timer);
        connection.start();
        return connection;
    }

    /** A connection not yet started: nothing is published before {@link #start()}. */
    public static ClientConnection create(long id, ConnectRequest request, Consumer<SessionEvent> sink,
            ScheduledExecutorService timer) {
        return new ClientConnection(id, request, sink, timer);
    }

    /** Starts opening, on the connection's own thread; returns at once. */
    public void start() {
        Thread thread = new Thread(this::run, "ws-" + id + "-" + request.url().host());
        thread.setDaemon(true);
        deadline = timer.schedule(this::timedOut, request.timeout().toMillis(), TimeUnit.MILLISECONDS);
        thread.start();
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public WsUrl url() {
        return request.url();
    }

    private void run() {
        String step = "connecting";
        try {
            WsUrl url = request.url();
            step = "resolving " + url.host();
            Socket plain = timings.connect(url, request.timeout());
            socket = plain;
            peer = TlsSessions.address(plain);
            if (url.secure()) {
                step = "TLS handshake";
                SSLSocket ssl = tlsHandshake(plain);
                if (ssl == null) {
                    return;
                }
                socket = ssl;
            }
            step = "upgrade";
            socket.setSoTimeout(0);
            client = new JwsAdapter(url.uri(), draft(), headers(), this);
            tapped = new HandshakeTap(socket, tap, events::writesDone);
            JwsAdapter library = client;
            tapped.writesQueuedIn(() -> ((org.java_websocket.WebSocketImpl) library.getConnection()).outQueue);
            client.setSocketFactory(new GivenSocketFactory(tapped));
            if (events.isEnded()) {
                closeQuietly();
                return;
            }
            client.run();
        } catch (Exception e) {
            fail(ConnectFailures.classify(e, request.url(), request.timeout(), null, step));
        } finally {
            if (!events.isOpen() && events.isEnded()) {
                closeQuietly();
            }
            tap.close();
        }
    }

    private SSLSocket tlsHandshake(Socket plain) throws IOException {
        dev.sockscope.tls.ClientTls tls;
        try {
            tls = dev.sockscope.tls.ClientTls.create(request.trust());
        } catch (IOException | java.security.GeneralSecurityException e) {
            fail(new Failure(FailureKind.CONFIG, ConnectFailures.messageOf(e)));
            return null;
        }
        try {
            long started = System.currentTimeMillis();
            SSLSocket ssl = timings.tls(() -> tls.handshake(plain, request.url().host(), request.url().port()));
            tlsInfo = TlsSessions.describe(ssl, request.url().host(), started);
            return ssl;
        } catch (IOException e) {
            Failure failure = ConnectFailures.classify(e, request.url(), request.timeout(), tls.verdict(), "TLS handshake");
            var verdict = tls.verdict();
            fail(verdict == null ? failure : failure.withTls(new TlsInfo(verdict.protocol(), verdict.cipherSuite(), "",
                    request.url().host(), false, TlsSessions.address(plain), verdict.chainDer())));
            return null;
        }
    }

    private Draft_6455 draft() {
        List<IProtocol> protocols = new ArrayList<>();
        request.subprotocols().forEach(p -> protocols.add(new Protocol(p)));
        // Offered protocols are a wish: a server that picks none still gets a connection, as in browsers.
        protocols.add(new Protocol(""));
        return new Draft_6455(request.offerDeflate() ? List.of(deflate()) : List.<IExtension>of(), protocols);
    }

    /**
     * Java-WebSocket's permessage-deflate offers no context takeover both ways, which every server
     * we tried accepts; it compresses every message, as browsers do, so small ones show it too.
     */
    private static IExtension deflate() {
        var extension = new org.java_websocket.extensions.permessage_deflate.PerMessageDeflateExtension();
        extension.setThreshold(0);
        // We asked the server for no context takeover: a fresh inflater per message matches it.
        extension.setClientNoContextTakeover(true);
        return extension;
    }

    private Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header h : request.headers()) {
            headers.merge(h.name(), h.value(), (a, b) -> a + ", " + b);
        }
        return headers;
    }

    // ---- callbacks from the adapter (read thread) ----

    void opened() {
        deadline.cancel(false);
        Handshake handshake = tap.handshake();
        String subprotocol = handshake.responseHeader("Sec-WebSocket-Protocol").orElse("");
        LegInfo leg = new LegInfo(handshake, tlsInfo, peer, timings.result(tap.upgradeMicros()));
        if (!events.opened(new SessionEvent.Opened(id, request.url(), leg, null, subprotocol, Clock.nowMicros()))) {
            // It timed out or was cancelled as the answer came: it stays failed.
            closeQuietly();
            return;
        }
        // Only now the frames that came with the 101: nothing is published before Opened.
        tap.opened();
    }

    // ---- what crossed the wire (the tap: read thread for received bytes, write thread for sent) ----

    @Override
    public void frame(Frame frame, Message completes) {
        closing.saw(frame);
        if (frame.direction() == Direction.RECEIVE) {
            if (frame.opcode() == Opcode.CLOSE) {
                closeReceived = true;
            } else if (frame.opcode() == Opcode.PING) {
                answer(frame);
            }
            // The codec fails the connection right after this frame (1007): no answer to it may leave.
            failing |= completes != null && completes.invalidUtf8At() >= 0;
        }
        events.frame(new SessionEvent.FrameEvent(id, Leg.UPSTREAM, frame, completes));
    }

    /** Answers a ping at once, in wire order (before an answer to what the same read completes), never after a close. */
    private void answer(Frame ping) {
        JwsAdapter c = client;
        if (c == null || closeReceived || !c.isOpen()) {
            return;
        }
        PongFrame pong = new PongFrame();
        pong.setPayload(ByteBuffer.wrap(ping.payload()));
        try {
            c.sendFrame(pong);
        } catch (WebsocketNotConnectedException e) {
            LOG.debug("connection {}: the pong found the connection closing", id);
        }
    }

    /** The server broke RFC 6455: fail the connection with the code the codec names and its reason. */
    @Override
    public void violation(ProtocolViolation found) {
        LOG.debug("connection {}: {} ({})", id, found.reason(), found.closeCode());
        closing.failedFor(found);
        JwsAdapter c = client;
        if (c != null) {
            c.close(found.closeCode(), found.reason());
            // This runs on the read thread, before the library decodes the same bytes. Once it sees
            // them it may end the connection and stop its writer, and a writer stopped before its
            // first turn drops its queue: our close would never leave. So the read thread waits
            // (briefly) until the close is on the wire.
            if (!closing.awaitOurClose(1000)) {
                LOG.debug("connection {}: our close was not written within a second", id);
            }
        }
    }

    void error(Exception e) {
        lastError = e;
        LOG.debug("connection {} error", id, e);
    }

    void ended(int code, String reason, boolean remote) {
        libraryEnded = true;
        deadline.cancel(false);
        if (!events.isOpen()) {
            fail(ConnectFailures.upgrade(tap.handshake(), tap.responseProblem(), reason, lastError));
            return;
        }
        LOG.debug("connection {} ended: code {} reason '{}' remote {}", id, code, reason, remote);
        // Published once the library's writer is done too (see ConnectionEvents); never waited for
        // here, on the library's read thread, which holds its lock (a Close clicked meanwhile would wait).
        events.closed(closing.outcome(id, code, reason, remote, lastError));
        timer.schedule(events::writesDone, WRITER_GRACE_SECONDS, TimeUnit.SECONDS);
    }

    private void timedOut() {
        if (!events.isOpen() && !events.isEnded()) {
            String step = client != null ? "upgrade" : socket instanceof SSLSocket || (request.url().secure() && socket != null)
                    ? "TLS handshake" : "connecting";
            fail(ConnectFailures.timeout(request.url(), request.timeout(), step));
        }
    }

    /** Fails a connection that has not opened; false (and nothing done) when it opened or ended meanwhile. */
    private boolean fail(Failure reason) {
        // A failure after the TLS handshake (an HTTP 403, a timeout in the upgrade) keeps the session.
        Failure failure = reason.tls() == null && tlsInfo != null ? reason.withTls(tlsInfo) : reason;
        if (!events.failBeforeOpen(new SessionEvent.Failed(id, request.url(), failure, Clock.nowMicros()))) {
            return false;
        }
        deadline.cancel(false);
        closeQuietly();
        return true;
    }

    private void closeQuietly() {
        Socket s = socket;
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                LOG.debug("closing socket of connection {}", id, e);
            }
        }
    }

    // ---- commands (any thread) ----

    @Override
    public void sendText(String text) {
        send(() -> client.send(text));
    }

    @Override
    public void sendBinary(byte[] payload) {
        send(() -> client.send(payload.clone()));
    }

    @Override
    public void ping(byte[] payload) {
        if (payload.length > 125) {
            throw new IllegalArgumentException("a ping payload is at most 125 bytes (got " + payload.length + ")");
        }
        PingFrame ping = new PingFrame();
        ping.setPayload(ByteBuffer.wrap(payload.clone()));
        send(() -> client.sendFrame(ping));
    }

    /** Hands a message to the library; the tap publishes its frames as they are written. */
    private void send(Runnable write) {
        JwsAdapter c = client;
        if (c == null || failing || closeReceived || !events.isOpen() || !c.isOpen()) {
            throw new IllegalStateException("not connected");
        }
        try {
            write.run();
        } catch (WebsocketNotConnectedException e) {
            throw new IllegalStateException("not connected", e);
        }
    }

    @Override
    public void close(int code, String reason) {
        if (reason != null && reason.getBytes(StandardCharsets.UTF_8).length > 123) {
            throw new IllegalArgumentException("a close reason is at most 123 bytes of UTF-8");
        }
        if (!events.isOpen() && fail(new Failure(FailureKind.CANCELLED, "connecting was cancelled"))) {
            return;
        }
        JwsAdapter c = client;
        if (c != null) {
            // The library refuses to send 1007 without a reason (and then sends nothing at all).
            String why = reason == null || reason.isEmpty() ? code == 1007 ? "invalid payload data" : "" : reason;
            c.close(code, why);
            timer.schedule(() -> {
                if (!libraryEnded) {
                    LOG.debug("connection {}: no answer to our close within {} s, closing TCP", id, CLOSE_ANSWER_SECONDS);
                    c.closeConnection(1006, "the server did not answer our close within " + CLOSE_ANSWER_SECONDS + " s");
                }
            }, CLOSE_ANSWER_SECONDS, TimeUnit.SECONDS);
        }
    }

    @Override
    public void abort() {
        if (!events.isOpen() && fail(new Failure(FailureKind.CANCELLED, "connecting was cancelled"))) {
            return;
        }
        closeQuietly();
    }
}
