package dev.sockscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sockscope.testing.EchoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Record with `connect`, then `sessions`, `search`, `export` and `import` over a real H2 file. */
class RecordingCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static List<JsonNode> jsonLines(CliRun run) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : run.out().lines().filter(l -> !l.isBlank()).toList()) {
            out.add(JSON.readTree(line));
        }
        return out;
    }

    private CliRun run(String... args) {
        return CliRun.run(dir, args);
    }

    @BeforeEach
    void record() throws Exception {
        try (EchoServer server = EchoServer.plain()) {
            CliRun run = run("connect", "ws://127.0.0.1:" + server.boundPort() + "/chat", "--session", "qa", "--send", "Hello World",
                    "--send", "{\"op\":\"subscribe\"}", "--send-binary", "00ffc3",
                    // The echo server answers in order and then closes, so the command returns once every
                    // echo is in (the long --wait is only an upper bound).
                    "--send", "close-normal", "--wait", "10");
            assertEquals(0, run.exit(), run.err());
            assertTrue(run.lines().contains("< [close 1000 done]"), "ended by the server's close: " + run.out());
        }
    }

    @Test
    void listsTheRecordedSessionWithItsCounts() throws Exception {
        JsonNode sessions = JSON.readTree(run("sessions", "--json").out());
        assertEquals("qa", sessions.get(0).get("name").asText());
        assertEquals(1, sessions.get(0).get("connections").asInt());
        assertEquals(9, sessions.get(0).get("messages").asInt(),
                "3 sent, 3 echoed, close-normal, the server's close and our reply");
    }

    @Test
    void failedAttemptsAreListedAsFailedNotAsEmptyConnections() throws Exception {
        try (dev.sockscope.testing.RefusingPort refusing = new dev.sockscope.testing.RefusingPort()) {
            assertEquals(1, run("connect", "ws://127.0.0.1:" + refusing.port() + "/", "--session", "qa").exit());
        }
        JsonNode qa = JSON.readTree(run("sessions", "--json").out()).get(0);
        assertEquals(2, qa.get("connections").asInt(), "the attempt is recorded, for QA");
        assertEquals(1, qa.get("failedConnections").asInt());
        String table = run("sessions").out();
        assertTrue(table.lines().findFirst().orElse("").contains("FAILED"), table);
        assertTrue(table.lines().anyMatch(l -> l.matches("qa\\s+2\\s+1\\s+.*")), table);
    }

    @Test
    void searchesCaseInsensitivelyByRegexAndByDirection() throws Exception {
        List<JsonNode> hits = jsonLines(run("search", "hello world", "--json"));
        assertEquals(2, hits.size(), "sent and echoed");
        assertEquals("send", hits.get(0).get("direction").asText());
        assertEquals("Hello World", hits.get(0).get("text").asText());
        assertEquals("qa", hits.get(0).get("session").asText());
        assertTrue(hits.get(0).get("timestamp").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z"));
        assertEquals(1, jsonLines(run("search", "hello", "--direction", "receive", "--json")).size());
        assertEquals(2, jsonLines(run("search", "\"op\":\"sub\\w+\"", "--regex", "--json")).size());
        assertEquals(0, jsonLines(run("search", "HELLO", "--regex", "--json")).size(), "a regex is case-sensitive");
        assertEquals(2, jsonLines(run("search", "ffc3", "--json")).size(), "binary matches on its hex");
        CliRun none = run("search", "nothing like this");
        assertEquals(0, none.exit());
        assertEquals("", none.out());
        assertEquals(2, run("search", "(", "--regex").exit());
    }

    @Test
    void exportsHarAsBrowsersWriteItAndImportsItBackWithIdenticalPayloads() throws Exception {
        Path har = dir.resolve("qa.har");
        assertEquals(0, run("export", "--session", "qa", "--format", "har", "--out", har.toString()).exit());
        JsonNode entry = JSON.readTree(har.toFile()).get("log").get("entries").get(0);
        assertEquals("websocket", entry.get("_resourceType").asText());
        assertEquals(101, entry.get("response").get("status").asInt());
        JsonNode messages = entry.get("_webSocketMessages");
        assertEquals("send", messages.get(0).get("type").asText());
        assertEquals("Hello World", messages.get(0).get("data").asText());
        assertTrue(messages.get(0).get("time").asDouble() > 1.7e9, "seconds since the epoch");
        JsonNode binary = null;
        for (JsonNode m : messages) {
            if (m.get("opcode").asInt() == 2) {
                binary = m;
                break;
            }
        }
        assertTrue(binary != null, "a binary message is exported");
        assertEquals("AP/D", binary.get("data").asText(), "binary as base64");

        CliRun imported = run("import", har.toString(), "--session", "copy");
        assertEquals(0, imported.exit(), imported.err());
        assertEquals(payloads("qa"), payloads("copy"));
    }

    @Test
    void roundTripsJsonLinesIncludingBinary() throws Exception {
        Path jsonl = dir.resolve("qa.jsonl");
        assertEquals(0, run("export", "--session", "qa", "--format", "jsonl", "--out", jsonl.toString()).exit());
        assertEquals(9, Files.readAllLines(jsonl).stream().filter(l -> !l.isBlank()).count());
        Path renamed = Files.move(jsonl, dir.resolve("from-jsonl.jsonl"));
        assertEquals(0, run("import", renamed.toString()).exit(), "the session is named after the file");
        assertEquals(payloads("qa"), payloads("from-jsonl"));
    }

    @Test
    void importsAHarWrittenToTheBrowsersPublishedFormat() throws Exception {
        Path har = dir.resolve("devtools.har");
        Files.writeString(har, """
                {"log":{"version":"1.2","creator":{"name":"WebInspector","version":"537.36"},"pages":[],"entries":[
                 {"_resourceType":"websocket","startedDateTime":"2026-11-20T10:00:00.000Z","time":12.5,
                  "request":{"method":"GET","url":"wss://echo.example/ws","httpVersion":"HTTP/1.1",
                    "headers":[{"name":"Origin","value":"https://app.example"}],"queryString":[],"cookies":[],"headersSize":-1,"bodySize":0},
                  "response":{"status":101,"statusText":"Switching Protocols","httpVersion":"HTTP/1.1","headers":[],"cookies":[],
                    "content":{"size":0,"mimeType":"x-unknown"},"redirectURL":"","headersSize":-1,"bodySize":-1},
                  "cache":{},"timings":{"blocked":-1,"dns":-1,"ssl":-1,"connect":-1,"send":0,"wait":12.5,"receive":0},
                  "_webSocketMessages":[
                    {"type":"send","time":1763632800.1,"opcode":1,"data":"ping from devtools"},
                    {"type":"receive","time":1763632800.2,"opcode":2,"data":"3q2+7w=="}]}]}}
                """);
        CliRun run = run("import", har.toString());
        assertEquals(0, run.exit(), run.err());
        List<JsonNode> hits = jsonLines(run("search", "", "--session", "devtools", "--json"));
        assertEquals(2, hits.size());
        assertEquals("ping from devtools", hits.get(0).get("text").asText());
        assertEquals("3q2+7w==", hits.get(1).get("base64").asText());
        assertEquals("wss://echo.example/ws", hits.get(0).get("url").asText());
    }

    @Test
    void reportsBadUsageAndBadFilesClearly() throws Exception {
        assertEquals(2, run("export", "--all", "--format", "xml", "--out", dir.resolve("x").toString()).exit());
        assertEquals(2, run("export", "--format", "har", "--out", dir.resolve("x").toString()).exit(), "--session or --all");
        CliRun missing = run("export", "--session", "nope", "--format", "har", "--out", dir.resolve("x").toString());
        assertEquals(1, missing.exit());
        assertTrue(missing.err().contains("no session named nope"), missing.err());
        Path garbage = Files.writeString(dir.resolve("garbage.har"), "{\"log\": 12}");
        CliRun bad = run("import", garbage.toString());
        assertEquals(1, bad.exit());
        assertTrue(bad.err().startsWith("sockscope: " + garbage + " could not be imported"), bad.err());
        assertEquals(1, JSON.readTree(run("sessions", "--json").out()).size(), "a failed import adds no session");
    }

    private List<String> payloads(String session) throws Exception {
        List<String> out = new ArrayList<>();
        for (JsonNode hit : jsonLines(run("search", "", "--session", session, "--json"))) {
            out.add(hit.get("direction").asText() + " " + hit.get("opcode").asInt() + " "
                    + (hit.has("text") ? "t:" + hit.get("text").asText() : "b:" + hit.get("base64").asText()));
        }
        return out;
    }
}
