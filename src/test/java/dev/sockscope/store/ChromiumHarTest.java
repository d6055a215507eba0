package dev.sockscope.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sockscope.core.Direction;
import dev.sockscope.core.Frame;
import dev.sockscope.core.Opcode;
import dev.sockscope.core.RecordedConnection;
import dev.sockscope.testing.Chromium;
import dev.sockscope.testing.EchoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real headless Chromium talks to a WebSocket server; what its DevTools protocol reports is
 * written as a HAR the way Chromium's DevTools writes one (an entry with {@code _resourceType}
 * "websocket" and {@code _webSocketMessages} of type, time, opcode and data, binary data in
 * base64), and that HAR imports as a session with the browser's handshake and exact payloads.
 */
class ChromiumHarTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TEXT = "hello from chromium \u2713";
    private static final byte[] BINARY = {0, (byte) 0xff, 0x10, (byte) 0x80};

    @TempDir
    Path dir;

    @Test
    void aHarBuiltFromChromiumsDevToolsEventsImportsWithItsHandshakeAndPayloads() throws Exception {
        if (Chromium.binary() == null) {
            if (System.getenv("CI") != null) {
                fail("chromium is not installed; .ci/run installs it");
            }
            assumeTrue(false, "chromium is not installed");
        }
        List<JsonNode> events;
        String url;
        try (EchoServer server = EchoServer.plain(); Chromium chromium = Chromium.start()) {
            url = "ws://127.0.0.1:" + server.boundPort() + "/chat?room=7";
            chromium.call("Network.enable", Map.of());
            JsonNode result = chromium.call("Runtime.evaluate", Map.of("awaitPromise", true, "returnByValue", true,
                    "expression", script(url)));
            assertEquals(1000, result.path("result").path("value").asInt(), "the page's WebSocket closed normally: " + result);
            events = collect(chromium);
        }
        Path har = dir.resolve("chromium.har");
        Files.writeString(har, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(harOf(events)));

        try (Database db = Database.open(dir.resolve("data"))) {
            assertEquals(4, new SessionImport(db).importFile(har, "chromium", false).messages());
            List<RecordedConnection> connections = new RecordedConnections(db).of("chromium");
            assertEquals(1, connections.size());
            RecordedConnection c = connections.get(0);
            assertEquals(url, c.url());
            assertEquals(dev.sockscope.core.Origin.IMPORT, c.origin());
            String request = c.opened().handshake().requestHead();
            assertTrue(request.startsWith("GET /chat?room=7 HTTP/1.1\r\n"), request);
            assertTrue(request.contains("User-Agent: ") && request.contains("Chrome/"), "the browser's own headers: " + request);
            assertEquals(101, c.opened().handshake().status());
            List<Frame> frames = new ArrayList<>();
            new FrameQueries(db).byConnection(c.id(), f -> frames.add(f.frame()));
            assertEquals(4, frames.size());
            assertEquals(List.of(Direction.SEND, Direction.SEND, Direction.RECEIVE, Direction.RECEIVE),
                    frames.stream().map(Frame::direction).sorted().toList());
            for (Direction d : Direction.values()) {
                Frame text = frames.stream().filter(f -> f.direction() == d && f.opcode() == Opcode.TEXT).findFirst().orElseThrow();
                assertEquals(TEXT, text.text());
                Frame binary = frames.stream().filter(f -> f.direction() == d && f.opcode() == Opcode.BINARY).findFirst()
                        .orElseThrow();
                assertArrayEquals(BINARY, binary.payload(), "binary from base64, byte for byte");
            }
            long now = System.currentTimeMillis() * 1000;
            assertTrue(frames.stream().allMatch(f -> Math.abs(now - f.timestampMicros()) < 120_000_000L),
                    "times are wall-clock seconds, as DevTools writes them");
        }
    }

    private static String script(String url) {
        return "new Promise((resolve, reject) => {"
                + " const ws = new WebSocket('" + url + "'); ws.binaryType = 'arraybuffer'; let got = 0;"
                + " ws.onopen = () => { ws.send('" + TEXT + "'); ws.send(new Uint8Array([0, 255, 16, 128]).buffer); };"
                + " ws.onmessage = () => { if (++got === 2) { ws.close(1000, 'done'); } };"
                + " ws.onclose = e => resolve(e.code);"
                + " ws.onerror = () => reject('websocket error');"
                + " setTimeout(() => reject('timed out'), 20000); })";
    }

    /** The Network events of the WebSocket, once the last frame and the close have been reported. */
    private static List<JsonNode> collect(Chromium chromium) throws InterruptedException {
        List<JsonNode> events = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            JsonNode e = chromium.events().poll(100, TimeUnit.MILLISECONDS);
            if (e != null && e.path("method").asText().startsWith("Network.webSocket")) {
                events.add(e);
                if (e.path("method").asText().equals("Network.webSocketClosed")) {
                    break;
                }
            }
        }
        return events;
    }

    /**
     * One HAR entry as DevTools' HAR writer makes it: started at the handshake's wall time; each
     * frame's time is that wall time plus the frame's offset on the monotonic clock, in seconds;
     * {@code data} is the protocol's payloadData (base64 for binary frames).
     */
    private static ObjectNode harOf(List<JsonNode> events) {
        ObjectNode entry = JSON.createObjectNode();
        ArrayNode messages = JSON.createArrayNode();
        double wallBase = 0;
        double monotonicBase = 0;
        for (JsonNode e : events) {
            JsonNode p = e.path("params");
            switch (e.path("method").asText()) {
                case "Network.webSocketCreated" -> entry.putObject("request").put("method", "GET").put("url",
                        p.path("url").asText()).put("httpVersion", "HTTP/1.1");
                case "Network.webSocketWillSendHandshakeRequest" -> {
                    wallBase = p.path("wallTime").asDouble();
                    monotonicBase = p.path("timestamp").asDouble();
                    entry.put("startedDateTime", Instant.ofEpochMilli((long) (wallBase * 1000)).toString());
                    ((ObjectNode) entry.path("request")).set("headers", headers(p.path("request").path("headers")));
                }
                case "Network.webSocketHandshakeResponseReceived" -> {
                    ObjectNode response = entry.putObject("response");
                    response.put("status", p.path("response").path("status").asInt());
                    response.put("statusText", p.path("response").path("statusText").asText());
                    response.put("httpVersion", "HTTP/1.1");
                    response.set("headers", headers(p.path("response").path("headers")));
                }
                case "Network.webSocketFrameSent", "Network.webSocketFrameReceived" -> {
                    ObjectNode m = messages.addObject();
                    m.put("type", e.path("method").asText().endsWith("Sent") ? "send" : "receive");
                    m.put("time", wallBase + p.path("timestamp").asDouble() - monotonicBase);
                    m.put("opcode", p.path("response").path("opcode").asInt());
                    m.put("data", p.path("response").path("payloadData").asText());
                }
                default -> { }
            }
        }
        entry.put("time", 0).putObject("cache");
        entry.putObject("timings").put("send", 0).put("wait", 0).put("receive", 0);
        entry.put("_resourceType", "websocket");
        entry.set("_webSocketMessages", messages);
        ObjectNode har = JSON.createObjectNode();
        ObjectNode log = har.putObject("log");
        log.put("version", "1.2");
        log.putObject("creator").put("name", "WebInspector").put("version", "537.36");
        log.putArray("pages");
        log.putArray("entries").add(entry);
        return har;
    }

    /** The protocol's header object ({name: value}) as HAR's list of name/value pairs, in order. */
    private static ArrayNode headers(JsonNode object) {
        ArrayNode out = JSON.createArrayNode();
        for (Map.Entry<String, JsonNode> h : object.properties()) {
            out.addObject().put("name", h.getKey()).put("value", h.getValue().asText());
        }
        return out;
    }
}
