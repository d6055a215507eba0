package dev.sockscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sockscope.core.Leg;
import dev.sockscope.core.SessionEvent;
import dev.sockscope.testing.Eventually;
import dev.sockscope.testing.PythonPeer;
import dev.sockscope.testing.RunningProxy;
import dev.sockscope.testing.TestPki;
import dev.sockscope.tls.IssuedCertificate;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real third-party peers on both ends of the proxy: python3-websockets as the app (its CONNECT
 * made by the peer script, the library over that socket) and as the server, over ws:// and wss://.
 * The two negotiate permessage-deflate through the proxy, so frames cross compressed and are
 * recorded both as on the wire and inflated.
 */
class ThirdPartyClientsThroughProxyTest {
    @TempDir
    Path dir;

    private final TestPki pki = new TestPki();
    private RunningProxy running;
    private AppContext app;
    private List<SessionEvent> events;

    @BeforeEach
    void start() throws Exception {
        running = RunningProxy.start(dir, "python", pki);
        app = running.app();
        events = running.events();
    }

    @AfterEach
    void stop() throws Exception {
        running.close();
    }

    @Test
    void pythonOverWs() throws Exception {
        assumeTrue(PythonPeer.available(), "python3-websockets is not installed");
        try (PythonPeer server = PythonPeer.start(null, null)) {
            List<String> lines = runClient("ws://127.0.0.1:" + server.port() + "/py");
            assertSawEverything(lines);
        }
        assertRecorded(false);
    }

    @Test
    void pythonOverWssInterceptedWithTheInstallsCa() throws Exception {
        assumeTrue(PythonPeer.available(), "python3-websockets is not installed");
        IssuedCertificate leaf = pki.localhostLeaf();
        Path cert = Files.writeString(dir.resolve("server.pem"), leaf.certificatePem());
        Path key = Files.writeString(dir.resolve("server.key"), leaf.privateKeyPem());
        try (PythonPeer server = PythonPeer.start(cert, key)) {
            List<String> lines = runClient("wss://localhost:" + server.port() + "/py");
            assertSawEverything(lines);
        }
        assertRecorded(true);
    }

    @Test
    void nodeWsWithHttpsProxyAgentOverWsAndWss() throws Exception {
        assumeTrue(Files.isDirectory(NODE_PEERS.resolve("node_modules").resolve("https-proxy-agent")),
                "the Node peers are not installed (npm ci --prefix src/test/peers/node)");
        Path ca = LocalAuthority.in(dir.resolve("data")).info().certificateFile();
        try (dev.sockscope.testing.EchoServer plain = dev.sockscope.testing.EchoServer.plain();
                dev.sockscope.testing.EchoServer secure = dev.sockscope.testing.EchoServer.tls(
                        dev.sockscope.tls.ServerTls.context(pki.localhostLeaf()))) {
            List<String> expected = List.of("{\"text\":\"hello from node\"}", "{\"base64\":\"AAEC/w==\"}",
                    "{\"closed\":1000}");
            assertEquals(expected, runNode("ws://127.0.0.1:" + plain.boundPort() + "/node"));
            assertEquals(expected, runNode("wss://localhost:" + secure.boundPort() + "/node", ca.toString()));
        }
        Eventually.eventually(Duration.ofSeconds(10), "both proxied connections recorded as ended",
                () -> events.stream().filter(SessionEvent.Closed.class::isInstance).count() == 2);
        List<SessionEvent.Opened> opened = events.stream().filter(SessionEvent.Opened.class::isInstance)
                .map(SessionEvent.Opened.class::cast).toList();
        assertEquals(List.of(false, true), opened.stream().map(o -> o.client().tls() != null).toList());
    }

    @Test
    void headlessChromiumOverWssTrustingTheCaBySpki() throws Exception {
        assumeTrue(dev.sockscope.testing.Chromium.binary() != null || System.getenv("CI") != null,
                "chromium is not installed");
        String spki = LocalAuthority.in(dir.resolve("data")).info().spkiSha256();
        try (dev.sockscope.testing.EchoServer secure = dev.sockscope.testing.EchoServer.tls(
                        dev.sockscope.tls.ServerTls.context(pki.localhostLeaf()));
                dev.sockscope.testing.Chromium chromium = dev.sockscope.testing.Chromium.start(List.of(
                        "--proxy-server=http://127.0.0.1:" + running.port(),
                        // Chromium sends loopback around a proxy unless told not to.
                        "--proxy-bypass-list=<-loopback>",
                        "--ignore-certificate-errors-spki-list=" + spki))) {
            String url = "wss://localhost:" + secure.boundPort() + "/browser";
            String script = "new Promise((resolve) => { const ws = new WebSocket('" + url + "'); const got = [];"
                    + " ws.onopen = () => ws.send('hello from chromium');"
                    + " ws.onmessage = (e) => { got.push(e.data); ws.close(1000, 'done'); };"
                    + " ws.onerror = () => got.push('error');"
                    + " ws.onclose = (e) => resolve(got.join(',') + '|' + e.code); })";
            var result = chromium.call("Runtime.evaluate", java.util.Map.of("awaitPromise", true, "returnByValue", true,
                    "expression", script));
            assertEquals("hello from chromium|1000", result.path("result").path("value").asText(), result.toString());
        }
        Eventually.eventually(Duration.ofSeconds(10), "the browser's connection recorded as ended",
                () -> events.stream().anyMatch(e -> e instanceof SessionEvent.Closed));
        SessionEvent.Opened opened = events.stream().filter(SessionEvent.Opened.class::isInstance)
                .map(SessionEvent.Opened.class::cast).findFirst().orElseThrow();
        assertTrue(opened.client().handshake().requestHead().contains("Chrome/"), "the browser's own request");
        assertEquals("http/1.1", opened.client().tls().alpn(), "ALPN offered only http/1.1, so the browser upgraded over it");
    }

    private static final Path NODE_PEERS = Path.of("src/test/peers/node").toAbsolutePath();

    private List<String> runNode(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("node", NODE_PEERS.resolve("proxied_client.js").toString(),
                String.valueOf(running.port())));
        command.addAll(List.of(args));
        Process client = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(client.waitFor(30, TimeUnit.SECONDS), "the node client ended");
        assertEquals(0, client.exitValue(), out);
        return out.lines().toList();
    }

    private List<String> runClient(String url) throws Exception {
        Path ca = LocalAuthority.in(dir.resolve("data")).info().certificateFile();
        Path script = Path.of("src/test/resources/peers/proxied_client.py").toAbsolutePath();
        Process client = new ProcessBuilder(PythonPeer.PYTHON.toString(), script.toString(),
                String.valueOf(running.port()), url, "--cafile", ca.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(client.waitFor(30, TimeUnit.SECONDS), "the python client ended");
        assertEquals(0, client.exitValue(), out);
        return out.lines().toList();
    }

    private static void assertSawEverything(List<String> lines) {
        assertEquals(List.of("{\"text\": \"hello through the proxy\"}", "{\"base64\": \"AAEC/w==\"}",
                "{\"extensions\": [\"permessage-deflate\"]}", "{\"closed\": 1000}"), lines);
    }

    private void assertRecorded(boolean tls) throws Exception {
        Eventually.eventually(Duration.ofSeconds(10), "the end of the proxied connection",
                () -> events.stream().anyMatch(e -> e instanceof SessionEvent.Closed));
        SessionEvent.Opened opened = events.stream().filter(SessionEvent.Opened.class::isInstance)
                .map(SessionEvent.Opened.class::cast).findFirst().orElseThrow();
        assertEquals(tls, opened.client().tls() != null, "the app's TLS leg");
        assertEquals(tls, opened.upstream().tls() != null, "the server's TLS leg");
        assertTrue(opened.upstream().handshake().responseHead().toLowerCase(java.util.Locale.ROOT)
                .contains("sec-websocket-extensions: permessage-deflate"), opened.upstream().handshake().responseHead());
        List<SessionEvent.FrameEvent> frames = events.stream().filter(SessionEvent.FrameEvent.class::isInstance)
                .map(SessionEvent.FrameEvent.class::cast).toList();
        SessionEvent.FrameEvent hello = frames.get(0);
        assertEquals(Leg.CLIENT, hello.leg());
        assertTrue(hello.frame().rsv1(), "compressed on the wire");
        assertEquals("hello through the proxy", new String(hello.message().payload(), StandardCharsets.UTF_8),
                "and recorded inflated");
        SessionEvent.Closed closed = events.stream().filter(SessionEvent.Closed.class::isInstance)
                .map(SessionEvent.Closed.class::cast).findFirst().orElseThrow();
        assertEquals(1000, closed.code());
    }
}
