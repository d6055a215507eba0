package dev.sockscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sockscope.testing.PythonPeer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The QA flow end to end, through the command line and real peers: python3-websockets (the app)
 * recorded through {@code sockscope proxy --reverse} talking to a scripted python3-websockets
 * server; that session replayed against the same server (no differences once the volatile id and
 * ts are ignored) and against a changed one (the differences, exit 3); served by {@code sockscope
 * mock} to Node's {@code ws} and to python3-websockets in both match modes; and diffed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplayMockDiffTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path NODE_PEERS = Path.of("src/test/peers/node").toAbsolutePath();
    private static final Path PY_CLIENT = Path.of("src/test/resources/peers/conversation_client.py").toAbsolutePath();
    /** What the app receives in the recorded order, the volatile fields left out. */
    private static final List<String> RECORDED_ANSWERS = List.of("welcome", "login-ok", "price", "tick", "hex:ff030201",
            "goodbye", "closed:1000");

    @TempDir
    static Path dir;
    static Path data;
    static PythonPeer server;
    static PythonPeer changed;

    @BeforeAll
    static void recordASession() throws Exception {
        PythonPeer.requireInCi();
        data = dir.resolve("data");
        server = PythonPeer.script("scripted_server.py");
        changed = PythonPeer.script("scripted_server.py", "--changed");
        try (LongRun proxy = LongRun.start(dir.resolve("proxy-err.txt"), "proxy", "--reverse",
                "ws://127.0.0.1:" + server.port(), "--session", "qa", "--listen", "127.0.0.1:0")) {
            List<String> got = kinds(run(List.of(PythonPeer.PYTHON.toString(), PY_CLIENT.toString(),
                    "ws://127.0.0.1:" + proxy.port() + "/feed", "recorded")));
            assertEquals(RECORDED_ANSWERS, got, "the app's conversation through the proxy");
        }
    }

    @AfterAll
    static void stopServers() throws Exception {
        if (server != null) {
            server.close();
        }
        if (changed != null) {
            changed.close();
        }
    }

    @Test
    @Order(1)
    void replayAgainstTheSameServerHasTheSameAnswersOnceVolatileFieldsAreIgnored() throws Exception {
        CliRun strict = CliRun.run(data, "replay", "--session", "qa", "--no-wait", "--expect-same", "--quiet");
        assertEquals(3, strict.exit(), "a fresh id and ts differ: " + strict.out() + strict.err());
        assertTrue(strict.out().contains("/id changed: "), strict.out());

        CliRun run = CliRun.run(data, "replay", "--session", "qa", "--no-wait", "--expect-same", "--ignore-field", "/id",
                "--ignore-field", "/ts");
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("> {\"op\": \"login\", \"user\": \"qa\"}"), "it prints what it sends: " + run.out());
        assertTrue(run.out().contains("same answers as recorded: no differences in 6 messages"), run.out());
        assertTrue(run.err().matches("(?s).*recorded as connection [0-9]+ in session qa replay 2.*"), run.err());

        // At the recorded pace too (the default), as a demanding user would first try it, with a header changed.
        CliRun paced = CliRun.run(data, "replay", "--session", "qa", "--expect-same", "--ignore-field", "/id",
                "--ignore-field", "/ts", "--quiet", "--into", "paced", "-H", "X-Token: fresh", "-H", "User-Agent: replayer");
        assertEquals(0, paced.exit(), paced.out() + paced.err());
        Path har = dir.resolve("paced.har");
        assertEquals(0, CliRun.run(data, "export", "--session", "paced", "--format", "har", "--out", har.toString()).exit());
        JsonNode headers = JSON.readTree(har.toFile()).get("log").get("entries").get(0).get("request").get("headers");
        List<String> sent = new ArrayList<>();
        headers.forEach(h -> sent.add(h.get("name").asText() + ": " + h.get("value").asText()));
        assertTrue(sent.contains("X-Token: fresh") && sent.contains("User-Agent: replayer"), sent.toString());
        assertEquals(1, sent.stream().filter(h -> h.startsWith("User-Agent:")).count(), "replaced, not added: " + sent);
        assertTrue(sent.contains("Sec-WebSocket-Protocol: feed.v1"), "the recorded subprotocol offered: " + sent);
    }

    @Test
    @Order(2)
    void replayAgainstAChangedServerPrintsEachDifferenceAndExits3() throws Exception {
        CliRun run = CliRun.run(data, "replay", "--session", "qa", "--url", "ws://127.0.0.1:" + changed.port() + "/feed",
                "--no-wait", "--expect-same", "--ignore-field", "/id", "--ignore-field", "/ts", "--quiet", "--into", "after-fix");
        assertEquals(3, run.exit(), run.out() + run.err());
        List<String> lines = run.lines();
        assertEquals(List.of("receive #3  changed:", "    /quote/ask changed: 11 -> 12",
                "receive #4  missing in the replay: {\"type\": \"tick\", \"n\": 1}",
                "the answers differ from the recording: 2 differences in 6 messages"), lines);

        JsonNode sessions = JSON.readTree(CliRun.run(data, "sessions", "--json").out());
        JsonNode replay = null;
        for (JsonNode s : sessions) {
            if (s.get("name").asText().equals("after-fix")) {
                replay = s;
            }
        }
        assertTrue(replay != null && replay.get("connections").asInt() == 1, "the replay is recorded: " + sessions);
        assertTrue(replay.get("notes").asText().matches("Connection [0-9]+ replays connection [0-9]+ of session qa \\(ws://"
                + "127\\.0\\.0\\.1:[0-9]+/feed\\), .*"), "linked to the original: " + replay);
    }

    @Test
    @Order(3)
    void diffOfTheRecordingAndItsReplaysFindsOnlyWhatChanged() throws Exception {
        CliRun same = CliRun.run(data, "diff", "qa", "paced", "--ignore-field", "/id", "--ignore-field", "/ts",
                "--exit-code");
        assertEquals(0, same.exit(), same.out() + same.err());
        assertTrue(same.out().endsWith("no differences" + System.lineSeparator()), same.out());

        CliRun json = CliRun.run(data, "diff", "qa", "after-fix", "--ignore-field", "/id", "--ignore-field", "/ts", "--json");
        assertEquals(0, json.exit(), json.err());
        JsonNode report = JSON.readTree(json.out());
        assertFalse(report.get("equal").asBoolean());
        JsonNode messages = report.get("connections").get(0).get("messages");
        assertEquals("receive", messages.get(0).get("direction").asText());
        assertEquals("changed", messages.get(0).get("status").asText());
        assertEquals("/quote/ask", messages.get(0).get("differences").get(0).get("pointer").asText());
        assertEquals("missing", messages.get(1).get("status").asText());
        assertEquals(2, messages.size(), messages.toString());

        CliRun connections = CliRun.run(data, "diff", "qa:1", "after-fix", "--exit-code");
        assertEquals(2, connections.exit(), "a connection against a session is refused: " + connections.err());
        CliRun missing = CliRun.run(data, "diff", "qa", "nope");
        assertEquals(1, missing.exit());
        assertEquals("sockscope: no session named nope (see: sockscope sessions)", missing.err().strip());
    }

    @Test
    @Order(4)
    void mockServesTheRecordingToNodeAndPythonByOrder() throws Exception {
        List<String> python = new ArrayList<>();
        List<String> node = new ArrayList<>();
        try (LongRun mock = LongRun.start(dir.resolve("mock-order-err.txt"), "mock", "--session", "qa", "--no-wait",
                "--quiet")) {
            String url = "ws://127.0.0.1:" + mock.port() + "/feed";
            python.addAll(kinds(run(List.of(PythonPeer.PYTHON.toString(), PY_CLIENT.toString(), url, "recorded"))));
            node.addAll(kinds(run(nodeClient(url, "recorded"))));
        }
        assertEquals(RECORDED_ANSWERS, python);
        assertEquals(RECORDED_ANSWERS, node);
        assertMockRecorded("qa mock 1", 2);
    }

    @Test
    @Order(5)
    void mockMatchesByContentIgnoringVolatileFieldsWhateverTheOrder() throws Exception {
        List<String> python = new ArrayList<>();
        List<String> node = new ArrayList<>();
        try (LongRun mock = LongRun.start(dir.resolve("mock-content-err.txt"), "mock", "--session", "qa", "--match",
                "content", "--ignore-field", "/nonce")) {
            String url = "ws://127.0.0.1:" + mock.port() + "/feed";
            python.addAll(kinds(run(List.of(PythonPeer.PYTHON.toString(), PY_CLIENT.toString(), url, "shuffled"))));
            node.addAll(kinds(run(nodeClient(url, "shuffled"))));
        }
        // Price first, then login: each gets its own recorded answers, at the recorded pace.
        List<String> expected = List.of("welcome", "price", "tick", "login-ok", "goodbye", "closed:1000");
        assertEquals(expected, python);
        assertEquals(expected, node);
        assertMockRecorded("qa mock 2", 2);
    }

    @Test
    @Order(6)
    void mockServesWssWithACertificateFromSockscopesCa() throws Exception {
        Path ca = dir.resolve("ca.pem");
        assertEquals(0, CliRun.run(data, "ca", "export", ca.toString()).exit());
        List<String> node;
        try (LongRun mock = LongRun.start(dir.resolve("mock-tls-err.txt"), "mock", "--session", "qa", "--tls", "--no-wait",
                "--into", "tls mock")) {
            node = kinds(run(nodeClient("wss://localhost:" + mock.port() + "/feed", "recorded", ca.toString())));
        }
        assertEquals(RECORDED_ANSWERS, node);
        assertMockRecorded("tls mock", 1);
    }

    @Test
    @Order(7)
    void anExportedAndImportedSessionIsTheSameAndServesTheSame() throws Exception {
        Path jsonl = dir.resolve("qa.jsonl");
        assertEquals(0, CliRun.run(data, "export", "--session", "qa", "--format", "jsonl", "--out", jsonl.toString()).exit());
        JsonNode close = null;
        for (String line : Files.readAllLines(jsonl)) {
            JsonNode o = JSON.readTree(line);
            if (o.get("opcode").asInt() == 8 && close == null) {
                close = o;
            }
        }
        // The close code's two bytes are not text: as text, 1000 would come back as something else.
        assertTrue(close != null && close.has("base64"), String.valueOf(close));
        assertEquals(0, CliRun.run(data, "import", jsonl.toString(), "--session", "imported").exit());
        CliRun diff = CliRun.run(data, "diff", "qa", "imported", "--exit-code");
        assertEquals(0, diff.exit(), diff.out());
        List<String> python;
        try (LongRun mock = LongRun.start(dir.resolve("mock-import-err.txt"), "mock", "--session", "imported", "--no-wait",
                "--quiet")) {
            python = run(List.of(PythonPeer.PYTHON.toString(), PY_CLIENT.toString(), "ws://127.0.0.1:" + mock.port() + "/feed",
                    "recorded"));
        }
        // An import keeps no handshake, so no subprotocol; the close comes from the recorded close frame.
        assertEquals("{\"closed\": 1000, \"subprotocol\": null}", python.get(python.size() - 1));
    }

    @Test
    @Order(8)
    void mockRefusesWhatItCannotServe() {
        CliRun unknown = CliRun.run(data, "mock", "--session", "nope");
        assertEquals(1, unknown.exit());
        assertEquals("sockscope: no session named nope (see: sockscope sessions)", unknown.err().strip());
        CliRun badId = CliRun.run(data, "mock", "--session", "qa", "--connection", "999");
        assertEquals(1, badId.exit());
        assertTrue(badId.err().startsWith("sockscope: session qa has no connection 999 (its connections: "), badId.err());
        CliRun badMode = CliRun.run(data, "mock", "--session", "qa", "--match", "fuzzy");
        assertEquals(2, badMode.exit());
        CliRun both = CliRun.run(data, "replay", "--session", "qa", "--no-wait", "--speed", "3");
        assertEquals(2, both.exit(), both.err());
        CliRun badField = CliRun.run(data, "replay", "--session", "qa", "--ignore-field", "id");
        assertEquals(2, badField.exit());
        assertTrue(badField.err().contains("--ignore-field takes a JSON pointer"), badField.err());
    }

    private static void assertMockRecorded(String session, int connections) throws Exception {
        JsonNode sessions = JSON.readTree(CliRun.run(data, "sessions", "--json").out());
        for (JsonNode s : sessions) {
            if (s.get("name").asText().equals(session)) {
                assertEquals(connections, s.get("connections").asInt(), sessions.toString());
                assertTrue(s.get("messages").asInt() >= connections * 10, "both directions recorded: " + s);
                return;
            }
        }
        throw new AssertionError("no session " + session + ": " + sessions);
    }

    private static List<String> nodeClient(String url, String order, String... ca) {
        assumeTrue(Files.isDirectory(NODE_PEERS.resolve("node_modules").resolve("ws")) || System.getenv("CI") != null,
                "the Node peers are not installed (npm ci --prefix src/test/peers/node)");
        List<String> command = new ArrayList<>(List.of("node", NODE_PEERS.resolve("conversation_client.js").toString(), url,
                order));
        command.addAll(List.of(ca));
        return command;
    }

    /** Each line a client printed, as the kind of message: its JSON "type", else its text, "hex:..", "closed:code". */
    private static List<String> kinds(List<String> lines) throws Exception {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            JsonNode o = JSON.readTree(line);
            if (o.has("closed")) {
                out.add("closed:" + o.get("closed").asInt());
                assertEquals("feed.v1", o.get("subprotocol").asText(), "the recorded subprotocol: " + line);
            } else if (o.has("hex")) {
                out.add("hex:" + o.get("hex").asText());
            } else if (o.has("text")) {
                String text = o.get("text").asText();
                out.add(text.startsWith("{") ? JSON.readTree(text).get("type").asText() : text);
            } else {
                throw new AssertionError("the client failed: " + lines);
            }
        }
        return out;
    }

    private static List<String> run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<String> lines;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            lines = r.lines().toList();
        }
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the client finished");
        assertEquals(0, p.exitValue(), "the client's exit: " + lines);
        return lines;
    }

    /** A long-running command in a JVM of its own, ready once it printed "listening on HOST:PORT"; stopped with SIGTERM. */
    private record LongRun(Process process, int port) implements AutoCloseable {
        static LongRun start(Path stderr, String... args) throws Exception {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "dev.sockscope.Main"));
            command.addAll(List.of(args));
            command.addAll(List.of("--data-dir", data.toString()));
            Process p = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String ready = out.readLine();
            if (ready == null || !ready.matches("listening on 127\\.0\\.0\\.1:[0-9]+")) {
                p.destroyForcibly();
                throw new AssertionError("not ready: " + ready + " " + Files.readString(stderr));
            }
            // Keep reading its output so it never blocks on a full pipe.
            Thread drain = new Thread(() -> out.lines().forEach(l -> { }));
            drain.setDaemon(true);
            drain.start();
            return new LongRun(p, Integer.parseInt(ready.substring(ready.lastIndexOf(':') + 1)));
        }

        @Override
        public void close() throws Exception {
            new ProcessBuilder("kill", "-TERM", String.valueOf(process.pid())).start().waitFor();
            assertTrue(process.waitFor(20, TimeUnit.SECONDS), "it stopped on SIGTERM");
            assertEquals(0, process.exitValue(), "a stop asked by SIGTERM is a clean exit");
        }
    }
}
