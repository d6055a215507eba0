package dev.sockscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sockscope.codec.FrameEncoder;
import dev.sockscope.core.Opcode;
import dev.sockscope.testing.EchoServer;
import dev.sockscope.testing.HttpOrigin;
import dev.sockscope.testing.ProxiedClient;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sockscope proxy} as a script runs it: the ready line, a line per connection, and a clean stop on SIGTERM. */
class ProxyCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void printsWhereItListensRelaysAndStopsCleanlyOnSigterm() throws Exception {
        Path data = dir.resolve("data");
        Process proxy = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "dev.sockscope.Main", "proxy", "--listen", "127.0.0.1:0",
                "--session", "cli-proxy", "--data-dir", data.toString())
                .redirectError(dir.resolve("proxy-stderr.txt").toFile()).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(proxy.getInputStream(), StandardCharsets.UTF_8))) {
            String ready = out.readLine();
            assertTrue(ready != null && ready.matches("listening on 127\\.0\\.0\\.1:[0-9]+"), String.valueOf(ready));
            int port = Integer.parseInt(ready.substring(ready.lastIndexOf(':') + 1));
            try (EchoServer server = EchoServer.plain();
                    ProxiedClient client = ProxiedClient.absolute(port, "127.0.0.1", server.boundPort(), "/cli")) {
                assertTrue(client.responseHead().startsWith("HTTP/1.1 101"), client.responseHead());
                client.write(FrameEncoder.encode(true, 0, Opcode.TEXT, "hi".getBytes(StandardCharsets.UTF_8), 7));
                client.read(4);
                lines.add(out.readLine());
                try (HttpOrigin origin = HttpOrigin.plain("origin");
                        Socket plain = new Socket(InetAddress.getLoopbackAddress(), port)) {
                    plain.getOutputStream().write(("GET http://127.0.0.1:" + origin.port() + "/hello HTTP/1.1\r\n"
                            + "Host: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    String answer = new String(plain.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
                    assertTrue(answer.endsWith("hello from origin"), answer);
                }
                lines.add(out.readLine());
                // SIGTERM as a service manager sends it (Process.destroy would also close our end of its output).
                new ProcessBuilder("kill", "-TERM", String.valueOf(proxy.pid())).start().waitFor();
                byte[] close = client.readToEnd();
                assertEquals(0x88, close[0] & 0xFF, "the app gets a close frame");
                assertEquals(1001, ((close[2] & 0xFF) << 8) | (close[3] & 0xFF));
            }
            assertTrue(proxy.waitFor(20, TimeUnit.SECONDS), "the proxy stopped");
            out.lines().forEach(lines::add);
        }
        assertEquals(0, proxy.exitValue(), "a stop asked by SIGTERM is a clean exit");
        assertTrue(lines.get(0).matches("open    #[0-9]+ ws://127\\.0\\.0\\.1:[0-9]+/cli"), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.matches("closed  #[0-9]+ 1001 the proxy stopped")), lines.toString());
        assertTrue(lines.get(1).matches("http    GET http://127\\.0\\.0\\.1:[0-9]+/hello 200 17 B [0-9]+ ms"),
                "a plain request through the proxy is a line of its own: " + lines);

        JsonNode sessions = JSON.readTree(CliRun.run(data, "sessions", "--json").out());
        assertEquals("cli-proxy", sessions.get(0).get("name").asText());
        assertEquals(1, sessions.get(0).get("connections").asInt());
        assertTrue(sessions.get(0).get("messages").asInt() >= 3, "hi, its echo and the closes: " + sessions);
    }

    @Test
    void aPortInUseIsSaidInOneLine() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            CliRun run = CliRun.run(dir.resolve("data"), "proxy", "--listen", "127.0.0.1:" + taken.getLocalPort());
            assertEquals(1, run.exit());
            assertEquals("sockscope: cannot listen on 127.0.0.1:" + taken.getLocalPort()
                    + ": the port is in use (choose another with --listen, or 0 for any free one)", run.err().strip());
        }
        assertEquals(2, CliRun.run(dir.resolve("data"), "proxy", "--listen", "nope").exit());
        CliRun ftp = CliRun.run(dir.resolve("data"), "proxy", "--reverse", "ftp://x");
        assertEquals(2, ftp.exit());
        assertEquals("sockscope: --reverse takes a ws:// or wss:// URL, not ftp://x", ftp.err().strip());
        CliRun missingCa = CliRun.run(dir.resolve("data"), "proxy", "--listen", "127.0.0.1:0", "--ca-file",
                dir.resolve("nope.pem").toString());
        assertEquals(2, missingCa.exit(), "a wrong --ca-file is said at start, not as a 502 to every app");
        assertTrue(missingCa.err().startsWith("sockscope: --ca-file " + dir.resolve("nope.pem") + " cannot be used: "),
                missingCa.err());
    }

    @Test
    void aRulesFileWithAnErrorIsRefusedAtStartWithTheLineAndTheReason() throws Exception {
        Path syntax = Files.writeString(dir.resolve("syntax.json"), "[\n  {\"action\": {\"drop\": true}}\n  {\"action\": {}}\n]\n");
        CliRun broken = CliRun.run(dir.resolve("data"), "proxy", "--listen", "127.0.0.1:0", "--rules", syntax.toString());
        assertEquals(2, broken.exit());
        assertTrue(broken.err().startsWith("sockscope: the rules file " + syntax + ", line 3: not valid JSON: "), broken.err());
        assertEquals("", broken.out(), "nothing listens");

        Path unknown = Files.writeString(dir.resolve("unknown.json"), "[\n  {\"match\": {\"direction\": \"send\"},\n"
                + "   \"action\": {\"explode\": true}}\n]\n");
        CliRun run = CliRun.run(dir.resolve("data"), "proxy", "--listen", "127.0.0.1:0", "--rules", unknown.toString());
        assertEquals(2, run.exit());
        assertEquals("sockscope: the rules file " + unknown + ", line 3: unknown action \"explode\"; an action is one of drop,"
                + " replace, delayMs, duplicate, inject, close, pause", run.err().strip());

        Path pause = Files.writeString(dir.resolve("pause.json"), "[{\"action\": {\"pause\": true}}]");
        CliRun headless = CliRun.run(dir.resolve("data"), "proxy", "--listen", "127.0.0.1:0", "--rules", pause.toString());
        assertEquals(2, headless.exit());
        assertTrue(headless.err().contains("line 1: \"pause\" holds a message until someone releases it in the window"),
                headless.err());

        CliRun missing = CliRun.run(dir.resolve("data"), "proxy", "--rules", dir.resolve("none.json").toString());
        assertEquals(2, missing.exit());
        assertEquals("sockscope: the rules file " + dir.resolve("none.json") + " does not exist", missing.err().strip());
    }
}
