package dev.sockscope.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockscope.codec.FrameEncoder;
import dev.sockscope.core.FailureKind;
import dev.sockscope.core.Leg;
import dev.sockscope.core.Opcode;
import dev.sockscope.core.Origin;
import dev.sockscope.core.SessionEvent;
import dev.sockscope.testing.EchoServer;
import dev.sockscope.testing.Eventually;
import dev.sockscope.testing.ProxiedClient;
import dev.sockscope.testing.RunningProxy;
import dev.sockscope.testing.ScriptedServer;
import dev.sockscope.testing.TestPki;
import dev.sockscope.tls.ServerTls;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proxy with real sockets on loopback: an app written byte by byte on one side, a real server
 * (Java-WebSocket, or a scripted one for exact bytes) on the other, the app's real recording behind.
 */
class ProxyRelayTest {
    private static final byte[] HELLO = "hello".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private final TestPki pki = new TestPki();
    private RunningProxy running;
    private AppContext app;

    @BeforeEach
    void start() throws Exception {
        running = RunningProxy.start(dir, "proxied", pki);
        app = running.app();
    }

    @AfterEach
    void stop() throws Exception {
        running.close();
    }

    private int port() {
        return running.port();
    }

    @Test
    void aWsUrlIsRelayedAndRecordedWithBothLegs() throws Exception {
        try (EchoServer server = EchoServer.plain();
                ProxiedClient client = ProxiedClient.absolute(port(), "127.0.0.1", server.boundPort(), "/chat?x=1")) {
            assertTrue(client.responseHead().startsWith("HTTP/1.1 101"), client.responseHead());
            assertTrue(client.responseHead().contains("Sec-WebSocket-Accept: " + ProxiedClient.expectedAccept()),
                    "the server's own answer reaches the app: " + client.responseHead());
            client.write(FrameEncoder.encode(true, 0, Opcode.TEXT, HELLO, 0x11223344L));
            assertArrayEquals(FrameEncoder.encode(true, 0, Opcode.TEXT, HELLO, -1), client.read(7), "the echo, unmasked");
            client.write(FrameEncoder.encode(true, 0, Opcode.CLOSE, new byte[] {0x03, (byte) 0xE8}, 0x01020304L));
            client.readToEnd();
        }
        SessionEvent.Closed closed = awaitEnd(SessionEvent.Closed.class);
        assertEquals(1000, closed.code());
        SessionEvent.Started started = first(SessionEvent.Started.class);
        assertEquals(Origin.PROXY, started.origin());
        assertEquals("proxied", started.session());
        assertTrue(started.url().toString().endsWith("/chat?x=1"), started.url().toString());
        SessionEvent.Opened opened = first(SessionEvent.Opened.class);
        assertNotNull(opened.client(), "both legs");
        assertTrue(opened.client().handshake().requestHead().startsWith("GET http://127.0.0.1:"),
                "the app's leg as the app sent it");
        assertTrue(opened.upstream().handshake().requestHead().startsWith("GET /chat?x=1 HTTP/1.1"),
                "the server's leg in origin form");
        List<SessionEvent.FrameEvent> frames = all(SessionEvent.FrameEvent.class);
        assertEquals(Leg.CLIENT, frames.get(0).leg());
        assertEquals("hello", frames.get(0).frame().text());
        assertEquals(0x11223344L, frames.get(0).frame().maskKey(), "recorded as it came, mask key included");
        assertEquals(Leg.UPSTREAM, frames.get(1).leg());
        Eventually.eventually(Duration.ofSeconds(10), "the recording of the proxied connection", () ->
                app.sessions().sessions().stream().anyMatch(s -> s.name().equals("proxied") && s.frames() >= 3));
    }

    @Test
    void wssInsideConnectIsInterceptedWithTheInstallsCaAndVerifiedUpstream() throws Exception {
        try (EchoServer server = EchoServer.tls(ServerTls.context(pki.localhostLeaf()));
                ProxiedClient client = ProxiedClient.tunnel(port(), "localhost", server.boundPort(), "/secure", localCa())) {
            assertTrue(client.responseHead().startsWith("HTTP/1.1 101"), client.responseHead());
            assertEquals("http/1.1", client.tls().getApplicationProtocol().isEmpty() ? "http/1.1"
                    : client.tls().getApplicationProtocol());
            X509Certificate presented = (X509Certificate) client.tls().getSession().getPeerCertificates()[0];
            assertTrue(presented.getSubjectAlternativeNames().toString().contains("localhost"));
            client.write(FrameEncoder.encode(true, 0, Opcode.TEXT, HELLO, 0x55667788L));
            assertArrayEquals(FrameEncoder.encode(true, 0, Opcode.TEXT, HELLO, -1), client.read(7));
            client.write(FrameEncoder.encode(true, 0, Opcode.CLOSE, new byte[] {0x03, (byte) 0xE8}, 0x01020304L));
            client.readToEnd();
        }
        awaitEnd(SessionEvent.Closed.class);
        SessionEvent.Opened opened = first(SessionEvent.Opened.class);
        assertTrue(opened.url().toString().startsWith("wss://localhost:"), opened.url().toString());
        assertEquals(pki.localhostLeaf().certificate().getSubjectX500Principal(),
                certificate(opened.upstream().tls().chainDer().get(0)).getSubjectX500Principal(),
                "the server's real chain on the upstream leg");
        assertTrue(certificate(opened.client().tls().chainDer().get(0)).getIssuerX500Principal().getName()
                .contains("Sockscope CA"), "the leaf the app saw, from the install's CA");
        assertTrue(opened.client().tls().protocol().startsWith("TLSv1."));
    }

    @Test
    void framesCrossByteForByteFragmentsInterleavedPingsMasksAndAll() throws Exception {
        ByteArrayOutputStream fromServer = new ByteArrayOutputStream();
        fromServer.write(FrameEncoder.encode(false, 0, Opcode.TEXT, "frag-".getBytes(StandardCharsets.UTF_8), -1));
        fromServer.write(FrameEncoder.encode(true, 0, Opcode.PING, "between".getBytes(StandardCharsets.UTF_8), -1));
        fromServer.write(FrameEncoder.encode(false, 0, Opcode.CONTINUATION, "ment".getBytes(StandardCharsets.UTF_8), -1));
        fromServer.write(FrameEncoder.encode(true, 0, Opcode.CONTINUATION, "ed".getBytes(StandardCharsets.UTF_8), -1));
        // A 200-byte payload written with the 8-byte length form: a relay that re-framed would shorten it.
        byte[] longForm = new byte[10 + 200];
        longForm[0] = (byte) 0x82;
        longForm[1] = 127;
        longForm[9] = (byte) 200;
        fromServer.write(longForm);
        byte[] script = fromServer.toByteArray();

        ByteArrayOutputStream fromApp = new ByteArrayOutputStream();
        fromApp.write(FrameEncoder.encode(false, 0, Opcode.BINARY, new byte[] {1, 2, 3}, 0xA1B2C3D4L));
        fromApp.write(FrameEncoder.encode(true, 0, Opcode.PING, new byte[0], 0x00000000L));
        fromApp.write(FrameEncoder.encode(true, 0, Opcode.CONTINUATION, new byte[] {4, 5}, 0xFFFFFFFFL));
        fromApp.write(FrameEncoder.encode(true, 0, Opcode.CLOSE, closePayload(4001, "done here"), 0x0BADF00DL));
        byte[] sent = fromApp.toByteArray();

        try (ScriptedServer server = ScriptedServer.writing(script);
                ProxiedClient client = ProxiedClient.absolute(port(), "127.0.0.1", server.port(), "/exact")) {
            assertArrayEquals(script, client.read(script.length), "the server's bytes reach the app unchanged");
            client.write(sent);
            byte[] rest = client.readToEnd();
            Eventually.eventually(Duration.ofSeconds(10), "the app's bytes at the server",
                    () -> server.clientBytes().length >= sent.length);
            assertArrayEquals(sent, server.clientBytes(), "the app's bytes reach the server unchanged: masks, fragments, ping");
            assertArrayEquals(FrameEncoder.encode(true, 0, Opcode.CLOSE, closePayload(4001, ""), -1), rest,
                    "the server's close reply (its code, no reason), as it sent it");
        }
        SessionEvent.Closed closed = awaitEnd(SessionEvent.Closed.class);
        assertEquals(4001, closed.code());
        assertEquals("done here", closed.reason());
        long messages = all(SessionEvent.FrameEvent.class).stream().filter(f -> f.message() != null
                && !f.frame().opcode().isControl()).count();
        assertEquals(3, messages, "the app's one message and the server's two, assembled from their fragments");
    }

    @Test
    void aServerBreakingTheProtocolClosesBothSidesWithItsCodeAndTheProxyServesOn() throws Exception {
        try (ScriptedServer server = ScriptedServer.writing("83 00");
                ProxiedClient client = ProxiedClient.absolute(port(), "127.0.0.1", server.port(), "/bad")) {
            byte[] got = client.readToEnd();
            assertEquals(0x88, got[0] & 0xFF, "a close frame to the app");
            assertEquals(1002, ((got[2] & 0xFF) << 8) | (got[3] & 0xFF));
            Eventually.eventually(Duration.ofSeconds(10), "a close at the server", () -> server.clientBytes().length >= 6);
            byte[] atServer = server.clientBytes();
            assertEquals(0x88, atServer[0] & 0xFF);
            assertTrue((atServer[1] & 0x80) != 0, "masked, as a client's frames must be");
        }
        SessionEvent.Closed closed = awaitEnd(SessionEvent.Closed.class);
        assertEquals(1002, closed.code());
        assertTrue(closed.reason().startsWith("the server broke the protocol: "), closed.reason());

        running.events().clear();
        aWsUrlIsRelayedAndRecordedWithBothLegs();
    }

    @Test
    void anUntrustedServerGetsTheApp502AndIsRecordedWithItsChain() throws Exception {
        TestPki stranger = new TestPki();
        try (EchoServer server = EchoServer.tls(ServerTls.context(stranger.localhostLeaf()));
                ProxiedClient client = ProxiedClient.tunnel(port(), "localhost", server.boundPort(), "/x", localCa())) {
            assertTrue(client.responseHead().startsWith("HTTP/1.1 502"), client.responseHead());
            String body = new String(client.readToEnd(), StandardCharsets.UTF_8);
            assertTrue(body.startsWith("Sockscope could not reach the server: "), body);
        }
        SessionEvent.Failed failed = awaitEnd(SessionEvent.Failed.class);
        assertEquals(FailureKind.UPSTREAM_TLS, failed.failure().kind());
        assertNotNull(failed.failure().tls(), "the chain the server presented is kept");
        assertEquals(stranger.localhostLeaf().certificate().getIssuerX500Principal(),
                certificate(failed.failure().tls().chainDer().get(0)).getIssuerX500Principal());
    }

    @Test
    void anInsecureUpstreamExceptionHoldsForThatHostOnlyAndKeepsTheChain() throws Exception {
        TestPki stranger = new TestPki();
        try (EchoServer server = EchoServer.tls(ServerTls.context(stranger.localhostLeaf()));
                ProxyService.Running excepting = ProxyService.start(app, new ProxyService.Settings("127.0.0.1", 0, "insecure",
                        1 << 20, null, List.of()).insecureUpstream(List.of("LOCALHOST")))) {
            try (ProxiedClient client = ProxiedClient.tunnel(excepting.address().getPort(), "localhost", server.boundPort(),
                    "/staging", localCa())) {
                assertTrue(client.responseHead().startsWith("HTTP/1.1 101"), client.responseHead());
                client.write(FrameEncoder.encode(true, 0, Opcode.TEXT, HELLO, 0x11223344L));
                assertArrayEquals(FrameEncoder.encode(true, 0, Opcode.TEXT, HELLO, -1), client.read(7));
            }
            SessionEvent.Opened opened = awaitEnd(SessionEvent.Opened.class);
            assertEquals(stranger.localhostLeaf().certificate().getIssuerX500Principal(),
                    certificate(opened.upstream().tls().chainDer().get(0)).getIssuerX500Principal(),
                    "the untrusted chain is recorded, so the certificate view can say why it is not trusted");
            try (ProxiedClient other = ProxiedClient.tunnel(excepting.address().getPort(), "127.0.0.1", server.boundPort(),
                    "/staging", localCa())) {
                assertTrue(other.responseHead().startsWith("HTTP/1.1 502"), "another name has no exception: "
                        + other.responseHead());
            }
        }
    }

    @Test
    void anIgnoredHostIsTunnelledUntouchedAndRecordedAsATunnel() throws Exception {
        try (ProxyService.Running ignoring = ProxyService.start(app, new ProxyService.Settings("127.0.0.1", 0, "tunnels",
                1 << 20, null, List.of("local*")));
                EchoServer server = EchoServer.tls(ServerTls.context(pki.localhostLeaf()));
                ProxiedClient client = ProxiedClient.tunnel(ignoring.address().getPort(), "localhost", server.boundPort(),
                        "/pinned", pki.root().certificate())) {
            X509Certificate presented = (X509Certificate) client.tls().getSession().getPeerCertificates()[0];
            assertEquals(pki.root().certificate().getSubjectX500Principal(), presented.getIssuerX500Principal(),
                    "the server's own certificate: nothing intercepted");
            assertTrue(client.responseHead().startsWith("HTTP/1.1 101"), client.responseHead());
            client.write(FrameEncoder.encode(true, 0, Opcode.TEXT, HELLO, 0x11223344L));
            assertArrayEquals(FrameEncoder.encode(true, 0, Opcode.TEXT, HELLO, -1), client.read(7));
        }
        SessionEvent.NotUpgraded tunnel = awaitEnd(SessionEvent.NotUpgraded.class);
        assertTrue(tunnel.what().startsWith("TLS to localhost:"), tunnel.what());
        assertTrue(tunnel.bytesUp() > 0 && tunnel.bytesDown() > 0, tunnel.toString());
        assertTrue(all(SessionEvent.Opened.class).isEmpty(), "a tunnel is never opened as a WebSocket of ours");
        assertEquals("tunnels", first(SessionEvent.Started.class).session());
    }

    @Test
    void reverseModeSendsEveryConnectionToItsUpstreamOverWsOrWss() throws Exception {
        try (EchoServer plain = EchoServer.plain();
                ProxyService.Running reverse = ProxyService.start(app, ProxyService.Settings.loopback(0, "reverse")
                        .reversing("ws://127.0.0.1:" + plain.boundPort() + "/ignored", false));
                ProxiedClient client = ProxiedClient.direct(reverse.address().getPort(), "localhost", "/feed?a=b", null)) {
            assertTrue(client.responseHead().startsWith("HTTP/1.1 101"), client.responseHead());
            client.write(FrameEncoder.encode(true, 0, Opcode.TEXT, HELLO, 0x11223344L));
            assertArrayEquals(FrameEncoder.encode(true, 0, Opcode.TEXT, HELLO, -1), client.read(7));
            assertEquals("127.0.0.1:" + plain.boundPort(), plain.lastHeaders().get("Host"),
                    "the server is asked under its own name");
        }
        SessionEvent.Started started = first(SessionEvent.Started.class);
        assertEquals(Origin.REVERSE_PROXY, started.origin());
        assertTrue(started.url().toString().endsWith("/feed?a=b"), started.url().toString());

        running.events().clear();
        try (EchoServer secure = EchoServer.tls(ServerTls.context(pki.localhostLeaf()));
                ProxyService.Running reverse = ProxyService.start(app, new ProxyService.Settings("127.0.0.1", 0, "reverse",
                        1 << 20, pki.writeRootPem(dir), List.of()).reversing("wss://localhost:" + secure.boundPort(), true));
                ProxiedClient client = ProxiedClient.direct(reverse.address().getPort(), "localhost", "/secure", localCa())) {
            assertTrue(client.responseHead().startsWith("HTTP/1.1 101"), client.responseHead());
            client.write(FrameEncoder.encode(true, 0, Opcode.TEXT, HELLO, 0x11223344L));
            assertArrayEquals(FrameEncoder.encode(true, 0, Opcode.TEXT, HELLO, -1), client.read(7));
        }
        awaitEnd(SessionEvent.Closed.class);
        SessionEvent.Opened opened = first(SessionEvent.Opened.class);
        assertNotNull(opened.client().tls(), "wss:// from the app to the proxy");
        assertNotNull(opened.upstream().tls(), "wss:// from the proxy to the server");
    }

    private X509Certificate localCa() throws Exception {
        Path pem = dir.resolve("data").resolve("ca").resolve("sockscope-ca.pem");
        try (var in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static X509Certificate certificate(byte[] der) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new java.io.ByteArrayInputStream(der));
    }

    private static byte[] closePayload(int code, String reason) {
        byte[] text = reason.getBytes(StandardCharsets.UTF_8);
        byte[] payload = new byte[2 + text.length];
        payload[0] = (byte) (code >> 8);
        payload[1] = (byte) code;
        System.arraycopy(text, 0, payload, 2, text.length);
        return payload;
    }

    private <T extends SessionEvent> T awaitEnd(Class<T> type) throws Exception {
        return running.awaitFirst(type);
    }

    private <T extends SessionEvent> T first(Class<T> type) {
        return all(type).get(0);
    }

    private <T extends SessionEvent> List<T> all(Class<T> type) {
        return running.all(type);
    }
}
