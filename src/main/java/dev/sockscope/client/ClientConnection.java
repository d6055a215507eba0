package dev.sockscope.client;

import dev.sockscope.codec.FrameParser;
import dev.sockscope.core.Clock;
import dev.sockscope.core.ConnectRequest;
import dev.sockscope.core.Connection;
import dev.sockscope.core.Direction;
import dev.sockscope.core.Failure;
import dev.sockscope.core.FailureKind;
import dev.sockscope.core.Frame;
import dev.sockscope.core.Handshake;
import dev.sockscope.core.Header;
import dev.sockscope.core.Opcode;
import dev.sockscope.core.SessionEvent;
import dev.sockscope.core.TlsInfo;
import dev.sockscope.core.WsUrl;
import java.io.IOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javax.net.ssl.SSLSocket;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.extensions.IExtension;
import org.java_websocket.framing.PingFrame;
import org.java_websocket.protocols.IProtocol;
import org.java_websocket.protocols.Protocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client WebSocket connection. Opening runs on its own named thread, which then becomes the
 * read loop: DNS, TCP and TLS are done here (so each step is timed and each failure named), and
 * the connected socket is handed to Java-WebSocket for the upgrade and framing.
 *
 * <p>Publishes exactly one {@link SessionEvent.Opened} or none, then frames, then exactly one
 * terminal {@link SessionEvent.Closed} or {@link SessionEvent.Failed}.
 */
public final class ClientConnection implements Connection {
    private static final Logger LOG = LoggerFactory.getLogger(ClientConnection.class);

    private final long id;
    private final ConnectRequest request;
    private final Consumer<SessionEvent> sink;
    private final ScheduledExecutorService timer;
    private final AtomicBoolean terminal = new AtomicBoolean();
    private volatile boolean isOpen;
    private volatile boolean closeInitiatedByUs;
    private volatile Socket socket;
    private volatile HandshakeTap tap;
    private volatile JwsAdapter client;
    private volatile TlsInfo tlsInfo;
    private volatile Exception lastError;
    private volatile ScheduledFuture<?> deadline;
    private final EstablishTimer timings = new EstablishTimer();

    private ClientConnection(long id, ConnectRequest request, Consumer<SessionEvent> sink, ScheduledExecutorService timer) {
        this.id = id;
        this.request = request;
        this.sink = sink;
        this.timer = timer;
    }

    /**
     * Starts opening a connection and returns at once; everything that happens is published to
     * {@code sink} from the connection's threads.
     */
    public static ClientConnection open(long id, ConnectRequest request, Consumer<SessionEvent> sink,
            ScheduledExecutorService timer) {
        ClientConnection connection = new ClientConnection(id, request, sink, timer);
        Thread thread = new Thread(connection::run, "ws-" + id + "-" + request.url().host());
        thread.setDaemon(true);
        connection.deadline = timer.schedule(connection::timedOut, request.timeout().toMillis(), TimeUnit.MILLISECONDS);
        thread.start();
        return connection;
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
            tap = new HandshakeTap(socket);
            client = new JwsAdapter(url.uri(), draft(), headers(), this);
            client.setSocketFactory(new GivenSocketFactory(tap));
            if (terminal.get()) {
                closeQuietly();
                return;
            }
            client.run();
        } catch (Exception e) {
            fail(ConnectFailures.classify(e, request.url(), request.timeout(), null, step));
        } finally {
            if (!isOpen && terminal.get()) {
                closeQuietly();
            }
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
        return new Draft_6455(List.<IExtension>of(), protocols);
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
        if (terminal.get()) {
            closeQuietly();
            return;
        }
        isOpen = true;
        Handshake handshake = tap.handshake();
        String subprotocol = handshake.responseHeader("Sec-WebSocket-Protocol").orElse("");
        sink.accept(new SessionEvent.Opened(id, request.url(), handshake, tlsInfo, subprotocol,
                timings.result(tap.upgradeMicros()), Clock.nowMicros()));
    }

    void frame(Frame frame) {
        sink.accept(new SessionEvent.FrameEvent(id, frame));
    }

    /** A close frame went out; {@code initiated} when it started the closing handshake. */
    void closeSent(int code, String reason, boolean initiated) {
        if (initiated) {
            closeInitiatedByUs = true;
        }
        frame(Frame.close(Direction.SEND, code, reason, Clock.nowMicros()));
    }

    void closeReceived(int code, String reason) {
        frame(Frame.close(Direction.RECEIVE, code, reason, Clock.nowMicros()));
    }

    void error(Exception e) {
        lastError = e;
        LOG.debug("connection {} error", id, e);
    }

    void ended(int code, String reason, boolean remote) {
        deadline.cancel(false);
        if (!isOpen) {
            fail(upgradeFailure(reason));
            return;
        }
        LOG.debug("connection {} ended: code {} reason '{}' remote {}", id, code, reason, remote);
        int finalCode = code;
        String finalReason = reason;
        FrameParser.WireFrame reply = tap.lastCloseFrame();
        if (closeInitiatedByUs && reply != null) {
            // Java-WebSocket stops decoding once it has sent a close, so the server's reply is
            // read from the wire: that is the code the connection really closed with.
            Frame replyFrame = Frame.message(Direction.RECEIVE, Opcode.CLOSE, reply.payload(), Clock.nowMicros());
            frame(replyFrame);
            finalCode = replyFrame.closeCode() < 0 ? 1005 : replyFrame.closeCode();
            finalReason = replyFrame.closeReason();
        } else if (finalCode == 1006 && reply != null) {
            // The server's close arrived (and is in the log), but the connection broke before our
            // reply went out: a message of ours crossed the close and drew a reset, and Java-WebSocket
            // then says 1006. The connection's close code is the one received (RFC 6455, 7.1.5).
            Frame received = Frame.message(Direction.RECEIVE, Opcode.CLOSE, reply.payload(), Clock.nowMicros());
            finalCode = received.closeCode() < 0 ? 1005 : received.closeCode();
            finalReason = received.closeReason();
        }
        String why = finalCode == 1006 && (finalReason == null || finalReason.isEmpty()) && lastError != null
                ? ConnectFailures.messageOf(lastError) : finalReason;
        if (terminal.compareAndSet(false, true)) {
            sink.accept(new SessionEvent.Closed(id, finalCode, why == null ? "" : why, remote, Clock.nowMicros()));
        }
    }

    private Failure upgradeFailure(String libraryReason) {
        HandshakeTap recorded = tap;
        Handshake handshake = recorded == null ? null : recorded.handshake();
        if (handshake != null && handshake.status() > 0 && handshake.status() != 101) {
            return new Failure(FailureKind.HTTP_STATUS, "HTTP " + handshake.statusLine().replaceFirst("^HTTP/\\S+\\s+", ""),
                    handshake);
        }
        if (handshake != null && handshake.responseHead().isEmpty() && lastError == null) {
            return new Failure(FailureKind.PROTOCOL, "the server closed the connection without answering the upgrade", handshake);
        }
        String detail = libraryReason == null || libraryReason.isEmpty()
                ? lastError == null ? "upgrade failed" : ConnectFailures.messageOf(lastError) : libraryReason;
        return new Failure(FailureKind.PROTOCOL, "upgrade refused: " + detail, handshake);
    }

    private void timedOut() {
        if (!isOpen && !terminal.get()) {
            String step = tap != null ? "upgrade" : socket instanceof SSLSocket || (request.url().secure() && socket != null)
                    ? "TLS handshake" : "connecting";
            fail(ConnectFailures.timeout(request.url(), request.timeout(), step));
        }
    }

    private void fail(Failure reason) {
        // A failure after the TLS handshake (an HTTP 403, a timeout in the upgrade) keeps the session.
        Failure failure = reason.tls() == null && tlsInfo != null ? reason.withTls(tlsInfo) : reason;
        if (terminal.compareAndSet(false, true)) {
            deadline.cancel(false);
            closeQuietly();
            sink.accept(new SessionEvent.Failed(id, request.url(), failure, Clock.nowMicros()));
        }
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
        send(() -> client.send(text), Frame.message(Direction.SEND, Opcode.TEXT,
                text.getBytes(java.nio.charset.StandardCharsets.UTF_8), Clock.nowMicros()));
    }

    @Override
    public void sendBinary(byte[] payload) {
        send(() -> client.send(payload.clone()), Frame.message(Direction.SEND, Opcode.BINARY, payload.clone(), Clock.nowMicros()));
    }

    @Override
    public void ping(byte[] payload) {
        if (payload.length > 125) {
            throw new IllegalArgumentException("a ping payload is at most 125 bytes (got " + payload.length + ")");
        }
        PingFrame ping = new PingFrame();
        ping.setPayload(ByteBuffer.wrap(payload.clone()));
        send(() -> client.sendFrame(ping), Frame.message(Direction.SEND, Opcode.PING, payload.clone(), Clock.nowMicros()));
    }

    private void send(Runnable write, Frame frame) {
        JwsAdapter c = client;
        if (c == null || !isOpen || !c.isOpen()) {
            throw new IllegalStateException("not connected");
        }
        // Published before the write so the log shows it ahead of any reply.
        frame(frame);
        try {
            write.run();
        } catch (WebsocketNotConnectedException e) {
            throw new IllegalStateException("not connected", e);
        }
    }

    @Override
    public void close(int code, String reason) {
        if (reason != null && reason.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 123) {
            throw new IllegalArgumentException("a close reason is at most 123 bytes of UTF-8");
        }
        JwsAdapter c = client;
        if (isOpen && c != null) {
            c.close(code, reason == null ? "" : reason);
        } else {
            fail(new Failure(FailureKind.CANCELLED, "connecting was cancelled"));
        }
    }

    @Override
    public void abort() {
        if (!isOpen) {
            fail(new Failure(FailureKind.CANCELLED, "connecting was cancelled"));
            return;
        }
        closeQuietly();
    }

    /** Hands Java-WebSocket the socket we already connected. */
    private static final class GivenSocketFactory extends javax.net.SocketFactory {
        private final Socket socket;

        GivenSocketFactory(Socket socket) {
            this.socket = socket;
        }

        @Override
        public Socket createSocket() {
            return socket;
        }

        @Override
        public Socket createSocket(String host, int port) {
            throw new UnsupportedOperationException("connected already");
        }

        @Override
        public Socket createSocket(String host, int port, java.net.InetAddress localHost, int localPort) {
            throw new UnsupportedOperationException("connected already");
        }

        @Override
        public Socket createSocket(java.net.InetAddress host, int port) {
            throw new UnsupportedOperationException("connected already");
        }

        @Override
        public Socket createSocket(java.net.InetAddress address, int port, java.net.InetAddress localAddress, int localPort) {
            throw new UnsupportedOperationException("connected already");
        }
    }
}
