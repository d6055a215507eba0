package dev.sockscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sockscope.core.Interception;
import dev.sockscope.core.SessionEvent;
import dev.sockscope.intercept.RulesFile;
import dev.sockscope.testing.EchoServer;
import dev.sockscope.testing.Eventually;
import dev.sockscope.testing.PythonPeer;
import dev.sockscope.testing.RunningProxy;
import dev.sockscope.testing.TestPki;
import dev.sockscope.tls.IssuedCertificate;
import dev.sockscope.tls.ServerTls;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rule through the explicit proxy with the apps as they are: Node's {@code ws} (through
 * https-proxy-agent) over ws:// and wss://, and python3-websockets over wss:// (TLS intercepted
 * with the install's CA). The server's echo of the app's greeting is rewritten on its way back;
 * the binary message no rule touches comes back as it went.
 */
class InterceptRulesThirdPartyTest {
    private static final Path NODE_PEERS = Path.of("src/test/peers/node").toAbsolutePath();
    private static final String GREETING_REWRITE = "[{\"name\": \"howdy\", \"match\": {\"direction\": \"receive\","
            + " \"opcode\": \"text\", \"regex\": \"^hello\"}, \"action\": {\"replace\": {\"regex\": \"^hello\", \"with\": \"howdy\"}}}]";

    @TempDir
    Path dir;

    private final TestPki pki = new TestPki();
    private RunningProxy running;

    @BeforeEach
    void start() throws Exception {
        running = RunningProxy.start(dir, "rules", pki, new RuleBook(RulesFile.parse(GREETING_REWRITE)));
    }

    @AfterEach
    void stop() throws Exception {
        running.close();
    }

    @Test
    void nodeWsOverWsAndWss() throws Exception {
        assumeTrue(Files.isDirectory(NODE_PEERS.resolve("node_modules").resolve("https-proxy-agent"))
                || System.getenv("CI") != null, "the Node peers are not installed (npm ci --prefix src/test/peers/node)");
        Path ca = LocalAuthority.in(dir.resolve("data")).info().certificateFile();
        try (EchoServer plain = EchoServer.plain(); EchoServer secure = EchoServer.tls(ServerTls.context(pki.localhostLeaf()))) {
            List<String> expected = List.of("{\"text\":\"howdy from node\"}", "{\"base64\":\"AAEC/w==\"}", "{\"closed\":1000}");
            assertEquals(expected, run(List.of("node", NODE_PEERS.resolve("proxied_client.js").toString(),
                    String.valueOf(running.port()), "ws://127.0.0.1:" + plain.boundPort() + "/node")));
            assertEquals(expected, run(List.of("node", NODE_PEERS.resolve("proxied_client.js").toString(),
                    String.valueOf(running.port()), "wss://localhost:" + secure.boundPort() + "/node", ca.toString())));
        }
        assertTwoReplacementsRecorded();
    }

    @Test
    void pythonOverWss() throws Exception {
        PythonPeer.requireInCi();
        IssuedCertificate leaf = pki.localhostLeaf();
        Path cert = Files.writeString(dir.resolve("server.pem"), leaf.certificatePem());
        Path key = Files.writeString(dir.resolve("server.key"), leaf.privateKeyPem());
        Path ca = LocalAuthority.in(dir.resolve("data")).info().certificateFile();
        try (PythonPeer server = PythonPeer.start(cert, key)) {
            List<String> lines = run(List.of(PythonPeer.PYTHON.toString(),
                    Path.of("src/test/resources/peers/proxied_client.py").toAbsolutePath().toString(), String.valueOf(running.port()),
                    "wss://localhost:" + server.port() + "/py", "--cafile", ca.toString()));
            assertEquals("{\"text\": \"howdy through the proxy\"}", lines.get(0), lines.toString());
            assertEquals("{\"base64\": \"AAEC/w==\"}", lines.get(1), lines.toString());
            assertEquals("{\"closed\": 1000}", lines.get(lines.size() - 1), lines.toString());
        }
    }

    private List<String> run(List<String> command) throws Exception {
        Process client = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(client.waitFor(30, TimeUnit.SECONDS), "the app ended");
        assertEquals(0, client.exitValue(), out);
        return out.lines().filter(l -> !l.contains("extensions")).toList();
    }

    private void assertTwoReplacementsRecorded() {
        Eventually.eventually(Duration.ofSeconds(10), "both connections recorded as ended",
                () -> running.all(SessionEvent.Closed.class).size() == 2);
        List<String> instead = new ArrayList<>();
        for (SessionEvent.FrameEvent f : running.all(SessionEvent.FrameEvent.class)) {
            if (f.interception() != null && f.interception().has(Interception.SENT_INSTEAD)) {
                instead.add(f.message().text() + " " + f.leg());
            }
        }
        assertEquals(List.of("howdy from node CLIENT", "howdy from node CLIENT"), instead);
    }
}
