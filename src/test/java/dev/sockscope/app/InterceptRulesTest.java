package dev.sockscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sockscope.core.Interception;
import dev.sockscope.core.RecordedConnection;
import dev.sockscope.core.RecordedFrame;
import dev.sockscope.intercept.RulesFile;
import dev.sockscope.testing.Eventually;
import dev.sockscope.testing.PythonPeer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rules on proxied traffic, end to end: python3-websockets as the app, connected through the
 * proxy (reverse mode, recording) to python3-websockets' echo server, with permessage-deflate as
 * both agree by default (and once without). What the app receives shows what the rules did in
 * both directions (the server echoes what reached it); the recording shows each change as such.
 */
class InterceptRulesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static PythonPeer server;

    @TempDir
    Path dir;
    private AppContext app;
    private ProxyService.Running proxy;

    @BeforeAll
    static void startServer() throws Exception {
        PythonPeer.requireInCi();
        server = PythonPeer.start(null, null);
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @AfterEach
    void stop() {
        if (proxy != null) {
            proxy.close();
        }
        if (app != null) {
            app.close();
        }
    }

    /** Runs the app through a proxy with these rules; returns its JSON lines (extensions, messages, how it closed). */
    private List<JsonNode> run(String rules, boolean compression, String... sends) throws Exception {
        return run(new RuleBook(RulesFile.parse(rules)), compression, sends);
    }

    private List<JsonNode> run(RuleBook rules, boolean compression, String... sends) throws Exception {
        app = new AppContext(dir.resolve("data"));
        proxy = ProxyService.start(app, ProxyService.Settings.loopback(0, "rules").reversing("ws://127.0.0.1:" + server.port(),
                false), rules);
        List<String> command = new ArrayList<>(List.of(PythonPeer.PYTHON.toString(),
                Path.of("src/test/resources/peers/rules_client.py").toAbsolutePath().toString(),
                "ws://127.0.0.1:" + proxy.address().getPort() + "/feed", "--quiet-ms", "1200"));
        if (!compression) {
            command.add("--no-compression");
        }
        for (String send : sends) {
            command.add("--send");
            command.add(send);
        }
        Process client = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<JsonNode> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(JSON.readTree(line));
            }
        }
        assertTrue(client.waitFor(20, TimeUnit.SECONDS), "the app finished");
        return lines;
    }

    private static List<String> texts(List<JsonNode> lines) {
        return lines.stream().filter(l -> l.has("text")).map(l -> l.get("text").asText()).toList();
    }

    private static JsonNode closed(List<JsonNode> lines) {
        return lines.stream().filter(l -> l.has("closed")).findFirst().orElseThrow();
    }

    /** The recorded frames of the one connection, once it ended. */
    private List<RecordedFrame> recorded() {
        RecordedConnection connection = Eventually.eventually(Duration.ofSeconds(10), "the connection recorded, ended",
                () -> app.queries().connectionsOf("rules").stream().findFirst().orElse(null), c -> c != null && c.end() != null);
        List<RecordedFrame> frames = new ArrayList<>();
        app.queries().framesOf(connection.id(), 0, Integer.MAX_VALUE, frames::add);
        return frames;
    }

    private static List<String> marked(List<RecordedFrame> frames, int flag) {
        return frames.stream().filter(f -> f.interception() != null && f.interception().has(flag) && f.message() != null)
                .map(f -> f.message().text()).toList();
    }

    @Test
    void replaceOnTextChangesWhatTheAppReceivesAndTheRecordingKeepsBoth() throws Exception {
        List<JsonNode> lines = run("""
                [{"name": "reprice", "match": {"direction": "receive", "regex": "price \\\\d+"},
                  "action": {"replace": {"regex": "price \\\\d+", "with": "price 999"}}}]""", true, "price 10", "hello");
        assertEquals(List.of("price 999", "hello"), texts(lines));
        assertEquals(1000, closed(lines).get("closed").asInt());
        assertTrue(lines.get(0).get("extensions").toString().contains("permessage-deflate"), lines.get(0).toString());
        List<RecordedFrame> frames = recorded();
        assertEquals(List.of("price 10"), marked(frames, Interception.REPLACED));
        assertEquals(List.of("price 999"), marked(frames, Interception.SENT_INSTEAD));
        RecordedFrame instead = frames.stream().filter(f -> f.interception() != null && f.interception().has(Interception.SENT_INSTEAD))
                .findFirst().orElseThrow();
        assertTrue(instead.interception().note().contains("reprice"), instead.interception().note());
    }

    @Test
    void replaceAtAJsonPointerOnTheWayToTheServer() throws Exception {
        List<JsonNode> lines = run("""
                [{"match": {"direction": "send", "jsonPointer": "/type", "equals": "order"},
                  "action": {"replace": {"jsonPointer": "/qty", "value": 5}}}]""", true,
                "{\"type\":\"order\",\"qty\":1}", "{\"type\":\"quote\",\"qty\":1}");
        List<String> texts = texts(lines);
        assertEquals(2, texts.size(), lines.toString());
        assertEquals(5, JSON.readTree(texts.get(0)).get("qty").asInt());
        assertEquals("{\"type\":\"quote\",\"qty\":1}", texts.get(1));
    }

    @Test
    void dropEverySecondMessage() throws Exception {
        List<JsonNode> lines = run("[{\"match\": {\"direction\": \"receive\", \"every\": 2}, \"action\": {\"drop\": true}}]", true,
                "m1", "m2", "m3", "m4", "m5", "m6");
        assertEquals(List.of("m1", "m3", "m5"), texts(lines));
        assertEquals(List.of("m2", "m4", "m6"), marked(recorded(), Interception.DROPPED));
    }

    @Test
    void searchFindsTheChangedMessagesAndTheExportKeepsWhatWasDone() throws Exception {
        run("[{\"name\": \"no twos\", \"match\": {\"direction\": \"receive\", \"contains\": \"2\"}, \"action\": {\"drop\": true}}]",
                true, "m1", "m2", "m3", "m22");
        recorded();
        dev.sockscope.core.SearchQuery all = new dev.sockscope.core.SearchQuery("", false, "rules", null, 0);
        List<String> changed = new ArrayList<>();
        app.queries().search(all.withModifiedOnly(true), f -> changed.add(f.message().text() + " " + f.interception().words()));
        assertEquals(List.of("m2 dropped", "m22 dropped"), changed);
        java.io.StringWriter lines = new java.io.StringWriter();
        app.queries().searchJsonLines(all.withModifiedOnly(true), lines);
        assertTrue(lines.toString().contains("\"interception\":{\"changes\":\"dropped\",\"note\":\"rule \\\"no twos\\\"\"}"),
                lines.toString());
        List<String> every = new ArrayList<>();
        app.queries().search(all, f -> {
            if (f.message().opcode() == dev.sockscope.core.Opcode.TEXT) {
                every.add(f.message().text());
            }
        });
        assertEquals(8, every.size(), "the app's four and the server's four, dropped ones included: " + every);
    }

    @Test
    void aDelayKeepsTheOrderOfItsDirection() throws Exception {
        List<JsonNode> lines = run("[{\"match\": {\"direction\": \"receive\", \"contains\": \"slow\"}, \"action\": {\"delayMs\": 500}}]",
                true, "slow 1", "fast 2", "slow 3", "fast 4");
        assertEquals(List.of("slow 1", "fast 2", "slow 3", "fast 4"), texts(lines));
        long first = lines.stream().filter(l -> l.has("text")).findFirst().orElseThrow().get("ms").asLong();
        assertTrue(first >= 450, "the first message came after its delay: " + first + " ms");
        assertEquals(List.of("slow 1", "slow 3"), marked(recorded(), Interception.DELAYED));
    }

    @Test
    void injectOnATimerAndDuplicate() throws Exception {
        List<JsonNode> lines = run("""
                [{"action": {"inject": {"direction": "receive", "text": "tick", "everyMs": 200}}},
                 {"match": {"direction": "receive", "contains": "twice"}, "action": {"duplicate": true}}]""", false, "twice");
        List<String> texts = texts(lines);
        assertTrue(texts.stream().filter("tick"::equals).count() >= 3, texts.toString());
        assertEquals(2, texts.stream().filter("twice"::equals).count(), texts.toString());
        List<RecordedFrame> frames = recorded();
        assertTrue(marked(frames, Interception.INJECTED).size() >= 3);
        assertEquals(List.of("twice"), marked(frames, Interception.COPY));
    }

    @Test
    void breakpointsForwardedEditedAndDropped() throws Exception {
        RuleBook book = new RuleBook(RulesFile.parse("[{\"name\": \"hold\", \"match\": {\"direction\": \"receive\","
                + " \"contains\": \"hold\"}, \"action\": {\"pause\": true}}]"));
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        book.onHeld(message -> {
            String text = new String(message.payload(), StandardCharsets.UTF_8);
            seen.add(text + " " + message.direction() + " " + message.rule());
            if (text.equals("hold 1")) {
                message.forwardEdited(dev.sockscope.core.Opcode.TEXT, "edited by hand".getBytes(StandardCharsets.UTF_8));
            } else {
                message.drop();
            }
        });
        List<JsonNode> lines = run(book, true, "hold 1", "hold 2", "free 3");
        assertEquals(List.of("edited by hand", "free 3"), texts(lines));
        assertEquals(List.of("hold 1 RECEIVE hold", "hold 2 RECEIVE hold"), seen);
        List<RecordedFrame> frames = recorded();
        assertEquals(List.of("hold 1", "hold 2"), marked(frames, Interception.PAUSED));
        assertEquals(List.of("hold 1"), marked(frames, Interception.REPLACED));
        assertEquals(List.of("hold 2"), marked(frames, Interception.DROPPED));
        assertEquals(List.of("edited by hand"), marked(frames, Interception.SENT_INSTEAD));
        assertTrue(frames.stream().anyMatch(f -> f.interception() != null && f.interception().note().contains("dropped by you")));
    }

    @Test
    void byHandAMessageToTheAppAndThenItsSideClosedWithACode() throws Exception {
        RuleBook book = RuleBook.empty();
        book.interceptEveryConnection(true);
        app = new AppContext(dir.resolve("data"));
        proxy = ProxyService.start(app, ProxyService.Settings.loopback(0, "rules").reversing("ws://127.0.0.1:" + server.port(),
                false), book);
        List<dev.sockscope.core.SessionEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        app.registry().subscribe(events::add);
        Process client = new ProcessBuilder(PythonPeer.PYTHON.toString(),
                Path.of("src/test/resources/peers/rules_client.py").toAbsolutePath().toString(),
                "ws://127.0.0.1:" + proxy.address().getPort() + "/feed", "--quiet-ms", "5000", "--send", "hi")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        long id = Eventually.eventually(Duration.ofSeconds(10), "the connection open", () -> events.stream()
                .filter(dev.sockscope.core.SessionEvent.Opened.class::isInstance).findFirst().map(e -> e.connectionId())
                .orElse(-1L), v -> v >= 0);
        assertTrue(proxy.sendByHand(id, dev.sockscope.core.Direction.RECEIVE, dev.sockscope.core.Opcode.TEXT,
                "sent by hand".getBytes(StandardCharsets.UTF_8)));
        Eventually.eventually(Duration.ofSeconds(10), "the hand's message recorded", () -> events.stream()
                .anyMatch(e -> e instanceof dev.sockscope.core.SessionEvent.FrameEvent f && f.interception() != null
                        && f.interception().has(Interception.INJECTED)));
        assertTrue(proxy.closeByHand(id, true, 4002, "closed by hand"));
        List<JsonNode> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(JSON.readTree(line));
            }
        }
        assertTrue(client.waitFor(20, TimeUnit.SECONDS));
        assertTrue(texts(lines).contains("sent by hand"), lines.toString());
        assertEquals(4002, closed(lines).get("closed").asInt(), lines.toString());
        Eventually.eventually(Duration.ofSeconds(10), "the connection ended",
                () -> events.stream().anyMatch(dev.sockscope.core.SessionEvent.Closed.class::isInstance));
        assertTrue(!proxy.sendByHand(id, dev.sockscope.core.Direction.SEND, dev.sockscope.core.Opcode.TEXT, new byte[1]),
                "nothing is sent on an ended connection");
    }

    @Test
    void closeToTheAppOnly() throws Exception {
        List<JsonNode> lines = run("""
                [{"name": "kick", "match": {"direction": "receive", "contains": "bye"},
                  "action": {"close": {"code": 4001, "reason": "kicked", "to": "app"}}}]""", true, "hello", "bye", "after");
        assertEquals(List.of("hello"), texts(lines));
        assertEquals(4001, closed(lines).get("closed").asInt(), lines.toString());
        assertEquals("kicked", closed(lines).get("reason").asText());
        List<RecordedFrame> frames = recorded();
        RecordedConnection connection = app.queries().connectionsOf("rules").get(0);
        assertTrue(connection.end().toString().contains("kick"), connection.end().toString());
        // Ours to the app, the app's answer, then ours to the server (going away) and the server's answer.
        assertEquals(List.of("RECEIVE 4001", "SEND 4001", "SEND 1001", "RECEIVE 1001"), frames.stream()
                .filter(f -> f.frame().opcode() == dev.sockscope.core.Opcode.CLOSE)
                .map(f -> f.frame().direction() + " " + f.frame().closeCode()).toList());
        assertEquals(List.of("bye"), marked(frames, Interception.CLOSED_INSTEAD));
    }
}
