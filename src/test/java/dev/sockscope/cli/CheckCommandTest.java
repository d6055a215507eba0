package dev.sockscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sockscope.testing.EchoServer;
import dev.sockscope.testing.GuardedServer;
import dev.sockscope.testing.OpenSsl;
import dev.sockscope.testing.PythonPeer;
import dev.sockscope.testing.RefusingPort;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `sockscope check` against servers that get one thing wrong each: openssl s_server accepting
 * TLS 1.0, a certificate expiring in 10 days, servers that take any Origin or refuse foreign ones,
 * one that ignores a required token, one also open on ws://, and python3-websockets' size limit.
 */
class CheckCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;

    private CliRun run(String... args) {
        return CliRun.run(dir.resolve("data"), args);
    }

    /** The JSON report of a check that ran (exit 0). */
    private JsonNode check(String url, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("check", url, "--json", "--timeout", "5"));
        args.addAll(List.of(more));
        CliRun run = run(args.toArray(String[]::new));
        assertEquals(0, run.exit(), run.err() + run.out());
        JsonNode report = JSON.readTree(run.out());
        assertEquals(8, report.get("checks").size(), run.out());
        return report;
    }

    private static JsonNode item(JsonNode report, String id) {
        for (JsonNode check : report.get("checks")) {
            if (check.get("id").asText().equals(id)) {
                return check;
            }
        }
        throw new AssertionError("no " + id + " in " + report);
    }

    private static void assertVerdict(JsonNode report, String id, String verdict) {
        JsonNode item = item(report, id);
        assertEquals(verdict, item.get("verdict").asText(), item.toPrettyString());
    }

    private static String evidence(JsonNode report, String id) {
        return item(report, id).get("evidence").toString();
    }

    @Test
    void aServerAcceptingTls10FailsTheVersionsCheckAndFailOnSaysSoInItsExitCode() throws Exception {
        OpenSsl.makeChain(dir);
        try (OpenSsl.Server server = new OpenSsl.Server(dir, "-tls1", "-cipher", "DEFAULT@SECLEVEL=0")) {
            String url = "wss://localhost:" + server.port() + "/";
            JsonNode report = check(url, "--ca-file", dir.resolve("ca.pem").toString());
            assertVerdict(report, "tls-versions", "fail");
            assertTrue(evidence(report, "tls-versions").contains("TLSv1.0: accepted"), evidence(report, "tls-versions"));
            assertTrue(item(report, "tls-versions").get("fix").asText().contains("TLSv1.2 TLSv1.3"));
            // A TLS 1.0 session with only CBC suites on offer: BEAST's precondition.
            assertVerdict(report, "cipher-suites", "warn");
            assertEquals(CheckCommand.FAILED_CHECK, run("check", url, "--ca-file", dir.resolve("ca.pem").toString(),
                    "--fail-on", "fail", "--timeout", "5").exit());
        }
    }

    @Test
    void aCertificateExpiringInTenDaysWarnsAndModernTlsPasses() throws Exception {
        OpenSsl.makeChain(dir);
        try (OpenSsl.Server server = new OpenSsl.Server(dir)) {
            JsonNode report = check("wss://localhost:" + server.port() + "/", "--ca-file", dir.resolve("ca.pem").toString());
            assertVerdict(report, "certificate", "warn");
            assertTrue(item(report, "certificate").get("summary").asText().matches("Trusted, but expires in (9|10) days\\."),
                    item(report, "certificate").toString());
            assertVerdict(report, "tls-versions", "pass");
            assertTrue(evidence(report, "tls-versions").contains("TLSv1.3: accepted"));
            assertVerdict(report, "cipher-suites", "pass");
            // s_server -www answers 200 with a page, not an upgrade: the upgrade items say so and judge nothing.
            assertVerdict(report, "origin", "skipped");
            assertTrue(item(report, "origin").get("summary").asText().contains("200"));
        }
        // Without the CA file the same chain is not trusted: a fail with the reason.
        try (OpenSsl.Server server = new OpenSsl.Server(dir)) {
            JsonNode report = check("wss://localhost:" + server.port() + "/");
            assertVerdict(report, "certificate", "fail");
        }
    }

    @Test
    void aServerTakingAnyOriginWithACookieIsCrossSiteHijackableAndItsTokenIsIgnored() throws Exception {
        try (GuardedServer server = GuardedServer.start(Set.of(), null, null, null)) {
            String url = "ws://127.0.0.1:" + server.boundPort() + "/feed";
            JsonNode report = check(url, "-H", "Cookie: session=abc", "-H", "Authorization: Bearer secret");
            assertVerdict(report, "origin", "fail");
            assertTrue(item(report, "origin").get("summary").asText().contains("cross-site WebSocket hijacking"));
            assertTrue(evidence(report, "origin").contains("Origin: https://attacker.invalid → HTTP/1.1 101"),
                    evidence(report, "origin"));
            assertVerdict(report, "auth", "fail");
            assertVerdict(report, "plaintext", "warn");
            assertVerdict(report, "tls-versions", "skipped");
            // Without credentials the same server is only a warning.
            assertVerdict(check(url), "origin", "warn");
        }
    }

    @Test
    void aServerRefusingForeignOriginsAndCheckingItsTokenPasses() throws Exception {
        try (GuardedServer server = GuardedServer.start(Set.of("https://app.example"), "Authorization", "Bearer good", null)) {
            JsonNode report = check("ws://127.0.0.1:" + server.boundPort() + "/?token=xyz", "-H", "Origin: https://app.example",
                    "-H", "Authorization: Bearer good");
            assertVerdict(report, "origin", "pass");
            assertVerdict(report, "auth", "pass");
            assertTrue(evidence(report, "auth").contains("without header Authorization, URL parameter token"),
                    evidence(report, "auth"));
            // The server's refusal of the user's own upgrade leaves nothing to compare.
            JsonNode refused = check("ws://127.0.0.1:" + server.boundPort() + "/");
            assertVerdict(refused, "origin", "skipped");
        }
    }

    @Test
    void aWssEndpointAlsoOpenOnPlainWsOnPort80Fails() throws Exception {
        assumeTrue(port80Free(), "port 80 cannot be bound here (not root, or taken)");
        PythonPeer.requireInCi();
        OpenSsl.makeChain(dir);
        // python3-websockets serves the wss:// side: Java-WebSocket's TLS server did not always survive the raw hellos.
        try (PythonPeer tls = PythonPeer.start(dir.resolve("leaf.pem"), dir.resolve("leaf.key"));
                EchoServer plain = EchoServer.plainOn(80)) {
            JsonNode report = check("wss://localhost:" + tls.port() + "/", "--ca-file", dir.resolve("ca.pem").toString());
            assertVerdict(report, "plaintext", "fail");
            assertTrue(item(report, "plaintext").get("summary").asText().contains("port 80"), report.toString());
            assertVerdict(report, "origin", "warn");
            assertVerdict(report, "headers", "warn");
        }
    }

    @Test
    void theMessageSizeCheckSendsOneMessageAndReadsTheServersLimit() throws Exception {
        PythonPeer.requireInCi();
        try (PythonPeer peer = PythonPeer.start(null, null)) {
            String url = "ws://127.0.0.1:" + peer.port() + "/";
            assertVerdict(check(url), "message-size", "skipped");
            JsonNode big = check(url, "--message-size", "2000000");
            assertVerdict(big, "message-size", "pass");
            assertTrue(evidence(big, "message-size").contains("1009"), evidence(big, "message-size"));
            JsonNode small = check(url, "--message-size", "1000");
            assertVerdict(small, "message-size", "warn");
        }
    }

    @Test
    void anEndpointThatCannotBeReachedExitsOneWithAnErrorInTheJson() throws Exception {
        try (RefusingPort port = new RefusingPort()) {
            CliRun run = run("check", "ws://127.0.0.1:" + port.port() + "/", "--json");
            assertEquals(1, run.exit(), run.err());
            JsonNode report = JSON.readTree(run.out());
            assertTrue(report.get("error").asText().contains("connection refused"), run.out());
            assertTrue(run.err().contains("connection refused"), run.err());
        }
        CliRun usage = run("check", "ftp://example.com/", "--json");
        assertEquals(2, usage.exit());
        assertTrue(JSON.readTree(usage.out()).has("error"), usage.out());
        assertEquals(2, run("check", "ws://127.0.0.1:1/", "--fail-on", "sometimes").exit());
    }

    @Test
    void theMarkdownReportHasATableAndTheTlsExamplesWhenPlaintext() throws Exception {
        try (GuardedServer server = GuardedServer.start(Set.of(), null, null, null)) {
            CliRun run = run("check", "ws://127.0.0.1:" + server.boundPort() + "/", "--markdown", "--timeout", "5");
            assertEquals(0, run.exit(), run.err());
            assertTrue(run.out().contains("| `origin` | WARN |"), run.out());
            assertTrue(run.out().contains("proxy_http_version 1.1"), run.out());
            assertTrue(run.out().contains("reverse_proxy"), run.out());
        }
    }

    private static boolean port80Free() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new java.net.InetSocketAddress("127.0.0.1", 80));
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
