package dev.sockscope.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockscope.core.ConnectRequest;
import dev.sockscope.core.Direction;
import dev.sockscope.core.Failure;
import dev.sockscope.core.FailureKind;
import dev.sockscope.core.Frame;
import dev.sockscope.core.Header;
import dev.sockscope.core.Opcode;
import dev.sockscope.core.SessionEvent;
import dev.sockscope.core.TrustOptions;
import dev.sockscope.core.WsUrl;
import dev.sockscope.testing.EchoServer;
import dev.sockscope.testing.EventRecorder;
import dev.sockscope.testing.RawServer;
import dev.sockscope.testing.RefusingPort;
import dev.sockscope.testing.TestPki;
import dev.sockscope.tls.IssuedCertificate;
import dev.sockscope.tls.ServerTls;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientConnectionTest {
    private static final AtomicLong IDS = new AtomicLong();
    private static ScheduledExecutorService timer;
    private static final TestPki PKI = new TestPki();

    @TempDir
    Path temp;

    @BeforeAll
    static void startTimer() {
        timer = Executors.newSingleThreadScheduledExecutor();
    }

    @AfterAll
    static void stopTimer() {
        timer.shutdownNow();
    }

    /** Generous: a cold TLS handshake on a loaded 2-core machine can take seconds; passing tests never wait it out. */
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private static ConnectRequest request(String url, TrustOptions trust) {
        return request(url, trust, TIMEOUT);
    }

    private static ConnectRequest request(String url, TrustOptions trust, Duration timeout) {
        return new ConnectRequest(WsUrl.parse(url), List.of(new Header("X-Trace-Id", "abc123")), List.of("chat"),
                timeout, trust);
    }

    private static ClientConnection open(ConnectRequest request, EventRecorder events) {
        return ClientConnection.open(IDS.incrementAndGet(), request, events, timer);
    }

    private Failure failureOf(ConnectRequest request) throws InterruptedException {
        EventRecorder events = new EventRecorder();
        open(request, events);
        SessionEvent settled = events.awaitSettled();
        return assertInstanceOf(SessionEvent.Failed.class, settled, "expected a failure, got " + settled).failure();
    }

    @Test
    void sendsAndReceivesTextBinaryPingPongAndClosesOverWs() throws Exception {
        try (EchoServer server = EchoServer.plain()) {
            EventRecorder events = new EventRecorder();
            ClientConnection c = open(request("ws://127.0.0.1:" + server.boundPort() + "/echo?x=1", TrustOptions.DEFAULT), events);
            SessionEvent.Opened opened = events.await(SessionEvent.Opened.class);
            assertEquals("chat", opened.subprotocol());
            assertTrue(opened.handshake().requestHead().startsWith("GET /echo?x=1 HTTP/1.1\r\n"));
            assertTrue(opened.handshake().requestHead().contains("X-Trace-Id: abc123\r\n"), "header keeps its case");
            assertEquals(101, opened.handshake().status());
            assertEquals("abc123", server.lastHeaders().get("X-Trace-Id"));

            c.sendText("héllo");
            events.awaitFrame(f -> f.direction() == Direction.RECEIVE && f.opcode() == Opcode.TEXT && f.text().equals("héllo"), "echo");
            byte[] binary = {0, (byte) 0xff, 0x10, (byte) 0x80};
            c.sendBinary(binary);
            Frame echoed = events.awaitFrame(f -> f.direction() == Direction.RECEIVE && f.opcode() == Opcode.BINARY, "binary echo");
            assertArrayEquals(binary, echoed.payload());

            c.ping("are-you-there".getBytes(StandardCharsets.UTF_8));
            Frame pong = events.awaitFrame(f -> f.opcode() == Opcode.PONG && f.direction() == Direction.RECEIVE, "pong");
            assertEquals("are-you-there", pong.text());

            c.sendText("ping-me");
            events.awaitFrame(f -> f.opcode() == Opcode.PING && f.direction() == Direction.RECEIVE && f.text().equals("srv"), "server ping");
            events.awaitFrame(f -> f.opcode() == Opcode.PONG && f.direction() == Direction.SEND && f.text().equals("srv"), "our pong");

            c.close(4000, "done here");
            SessionEvent.Closed closed = events.await(SessionEvent.Closed.class);
            assertEquals(4000, closed.code());
            Frame sentClose = events.awaitFrame(f -> f.opcode() == Opcode.CLOSE && f.direction() == Direction.SEND, "close sent");
            assertEquals(4000, sentClose.closeCode());
            assertEquals("done here", sentClose.closeReason());
            Frame reply = events.awaitFrame(f -> f.opcode() == Opcode.CLOSE && f.direction() == Direction.RECEIVE, "close reply");
            assertEquals(4000, reply.closeCode(), "the server echoes our code");
        }
    }

    @Test
    void reportsTheServersCloseCodeAndReason() throws Exception {
        try (EchoServer server = EchoServer.plain()) {
            EventRecorder events = new EventRecorder();
            ClientConnection c = open(request("ws://127.0.0.1:" + server.boundPort(), TrustOptions.DEFAULT), events);
            events.await(SessionEvent.Opened.class);
            c.sendText("close-me");
            SessionEvent.Closed closed = events.await(SessionEvent.Closed.class);
            assertEquals(4001, closed.code());
            assertEquals("bye", closed.reason());
            assertEquals(dev.sockscope.core.ClosedBy.SERVER, closed.closedBy());
            Frame received = events.awaitFrame(f -> f.opcode() == Opcode.CLOSE && f.direction() == Direction.RECEIVE, "close");
            assertEquals(4001, received.closeCode());
        }
    }

    @Test
    void connectsOverWssWithTheCaFileAndVerifiesTheHostname() throws Exception {
        try (EchoServer server = EchoServer.tls(ServerTls.context(PKI.localhostLeaf()))) {
            EventRecorder events = new EventRecorder();
            TrustOptions trust = new TrustOptions(PKI.writeRootPem(temp), Set.of());
            ClientConnection c = open(request("wss://localhost:" + server.boundPort() + "/", trust), events);
            SessionEvent.Opened opened = events.await(SessionEvent.Opened.class);
            assertNotNull(opened.tls());
            assertTrue(opened.tls().protocol().startsWith("TLSv1."), opened.tls().protocol());
            assertEquals(1, opened.tls().chainDer().size());
            assertTrue(opened.timings().tlsMicros() > 0);
            c.sendText("over tls");
            events.awaitFrame(f -> f.direction() == Direction.RECEIVE && f.text().equals("over tls"), "echo");
            c.close(1000, "");
            events.await(SessionEvent.Closed.class);
        }
    }

    @Test
    void acceptsAnUntrustedCertificateOnlyWhenItsFingerprintIsPinned() throws Exception {
        IssuedCertificate selfSigned = new dev.sockscope.tls.CertificateBuilder().commonName("localhost")
                .addSubjectAltName("localhost").build();
        try (EchoServer server = EchoServer.tls(ServerTls.context(selfSigned))) {
            String url = "wss://localhost:" + server.boundPort();
            Failure refused = failureOf(request(url, TrustOptions.DEFAULT));
            assertEquals(FailureKind.TLS_UNTRUSTED, refused.kind());
            assertTrue(refused.message().contains("self-signed"), refused.message());

            EventRecorder events = new EventRecorder();
            open(request(url, new TrustOptions(null, Set.of(selfSigned.sha256()))), events);
            events.await(SessionEvent.Opened.class);
        }
    }

    @Test
    void namesAnUntrustedIssuer() throws Exception {
        try (EchoServer server = EchoServer.tls(ServerTls.context(PKI.localhostLeaf()))) {
            Failure failure = failureOf(request("wss://localhost:" + server.boundPort(), TrustOptions.DEFAULT));
            assertEquals(FailureKind.TLS_UNTRUSTED, failure.kind());
            assertTrue(failure.message().startsWith("untrusted certificate"), failure.message());
            assertTrue(failure.message().contains("Sockscope Test Root"), failure.message());
        }
    }

    @Test
    void refusesAnExpiredCertificate() throws Exception {
        try (EchoServer server = EchoServer.tls(ServerTls.context(PKI.expiredLeaf()))) {
            Failure failure = failureOf(request("wss://localhost:" + server.boundPort(),
                    new TrustOptions(PKI.writeRootPem(temp), Set.of())));
            assertEquals(FailureKind.TLS_EXPIRED, failure.kind());
            assertTrue(failure.message().startsWith("certificate expired"), failure.message());
        }
    }

    @Test
    void refusesACertificateForAnotherHost() throws Exception {
        IssuedCertificate other = PKI.leaf().commonName("api.example.test").build();
        IssuedCertificate wrongNames = new dev.sockscope.tls.CertificateBuilder().commonName("api.example.test")
                .addSubjectAltName("api.example.test").signedBy(PKI.root()).build();
        try (EchoServer server = EchoServer.tls(ServerTls.context(wrongNames))) {
            Failure failure = failureOf(request("wss://localhost:" + server.boundPort(),
                    new TrustOptions(PKI.writeRootPem(temp), Set.of())));
            assertEquals(FailureKind.TLS_HOSTNAME, failure.kind());
            assertTrue(failure.message().contains("api.example.test"), failure.message());
            assertTrue(failure.message().contains("localhost"), failure.message());
        }
        assertNotNull(other);
    }

    @Test
    void hintsAtWsWhenAPlainServerNeverAnswersTheTlsHandshake() throws Exception {
        try (EchoServer server = EchoServer.plain()) {
            ConnectRequest request = new ConnectRequest(WsUrl.parse("wss://localhost:" + server.boundPort()), List.of(),
                    List.of(), Duration.ofSeconds(3), TrustOptions.DEFAULT);
            Failure failure = failureOf(request);
            assertEquals(FailureKind.TIMEOUT, failure.kind());
            assertTrue(failure.message().contains("TLS handshake") && failure.message().contains("ws://"), failure.message());
        }
    }

    @Test
    void reportsARefusedConnection() throws Exception {
        try (RefusingPort refusing = new RefusingPort()) {
            int port = refusing.port();
            Failure failure = failureOf(request("ws://127.0.0.1:" + port, TrustOptions.DEFAULT));
            assertEquals(FailureKind.REFUSED, failure.kind());
            assertEquals("connection refused: 127.0.0.1:" + port, failure.message());
        }
    }

    @Test
    void reportsAnUnknownHost() throws Exception {
        // A slow resolver must not lose the race to the connect deadline (that would be a TIMEOUT).
        Failure failure = failureOf(request("ws://no-such-host.invalid/", TrustOptions.DEFAULT, Duration.ofSeconds(30)));
        assertEquals(FailureKind.DNS, failure.kind());
        assertTrue(failure.message().contains("no-such-host.invalid"));
    }

    @Test
    void timesOutWhenTheServerNeverAnswersTheUpgrade() throws Exception {
        try (RawServer silent = RawServer.silent()) {
            ConnectRequest request = new ConnectRequest(WsUrl.parse("ws://127.0.0.1:" + silent.port()), List.of(), List.of(),
                    Duration.ofSeconds(3), TrustOptions.DEFAULT);
            Failure failure = failureOf(request);
            assertEquals(FailureKind.TIMEOUT, failure.kind());
            assertTrue(failure.message().startsWith("timed out"), failure.message());
            assertTrue(failure.message().contains("upgrade"), failure.message());
        }
    }

    @Test
    void timesOutWhenTheTlsServerNeverAnswersTheUpgrade() throws Exception {
        try (RawServer silent = RawServer.silentTls(ServerTls.context(PKI.localhostLeaf()))) {
            ConnectRequest request = new ConnectRequest(WsUrl.parse("wss://localhost:" + silent.port()), List.of(), List.of(),
                    Duration.ofMillis(1500), new TrustOptions(PKI.writeRootPem(temp), Set.of()));
            assertEquals(FailureKind.TIMEOUT, failureOf(request).kind());
        }
    }

    @Test
    void showsTheStatusHeadersAndBodyOfARefusedUpgrade() throws Exception {
        String body = "{\"error\":\"token expired\"}";
        String response = "HTTP/1.1 403 Forbidden\r\nContent-Type: application/json\r\nX-Request-Id: r-77\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body;
        try (RawServer server = RawServer.answering(response)) {
            Failure failure = failureOf(request("ws://127.0.0.1:" + server.port(), TrustOptions.DEFAULT));
            assertEquals(FailureKind.HTTP_STATUS, failure.kind());
            assertEquals("HTTP 403 Forbidden", failure.message());
            assertEquals(403, failure.handshake().status());
            assertEquals("r-77", failure.handshake().responseHeader("X-Request-Id").orElseThrow());
            assertEquals(body, failure.handshake().bodyText());
        }
    }

    @Test
    void readsAChunkedRefusalBodyThatArrivesLate() throws Exception {
        String response = "HTTP/1.1 500 Internal Server Error\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "6\r\nbroken\r\n0\r\n\r\n";
        try (RawServer server = RawServer.answering(response)) {
            Failure failure = failureOf(request("ws://127.0.0.1:" + server.port(), TrustOptions.DEFAULT));
            assertEquals("HTTP 500 Internal Server Error", failure.message());
            assertEquals("broken", failure.handshake().bodyText());
        }
    }

    @Test
    void reportsAMissingCaFileAsAConfigurationError() throws Exception {
        try (EchoServer server = EchoServer.tls(ServerTls.context(PKI.localhostLeaf()))) {
            Failure failure = failureOf(request("wss://localhost:" + server.boundPort(),
                    new TrustOptions(temp.resolve("missing.pem"), Set.of())));
            assertEquals(FailureKind.CONFIG, failure.kind());
            assertTrue(failure.message().contains("missing.pem"), failure.message());
        }
    }

    @Test
    void refusesToSendBeforeTheConnectionIsOpen() throws Exception {
        try (RawServer silent = RawServer.silent()) {
            EventRecorder events = new EventRecorder();
            ClientConnection c = open(request("ws://127.0.0.1:" + silent.port(), TrustOptions.DEFAULT), events);
            IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> c.sendText("x"));
            assertEquals("not connected", e.getMessage());
            c.abort();
            Failure failure = assertInstanceOf(SessionEvent.Failed.class, events.awaitSettled()).failure();
            assertEquals(FailureKind.CANCELLED, failure.kind());
            assertFalse(events.frames().stream().anyMatch(f -> f.direction() == Direction.SEND));
        }
    }
}
