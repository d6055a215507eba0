package dev.sockscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sockscope.testing.EchoServer;
import dev.sockscope.testing.ScriptedServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code connect --jsonl}: one JSON object per wire frame, and what a protocol error does to the
 * exit code. Every run sends with --send: without it the command reads standard input, which in
 * the test JVM is the test runner's own channel.
 */
class ConnectJsonlTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    private static List<JsonNode> frames(CliRun run) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : run.lines()) {
            out.add(JSON.readTree(line));
        }
        return out;
    }

    @Test
    void printsEveryWireFrameWithFinRsvAndMaskingAndTheMessageOnceAsALine() throws Exception {
        String script = "010348656c 00036c6f20 890170 8003796f75 880203e8";
        try (ScriptedServer server = ScriptedServer.writing(script)) {
            CliRun run = CliRun.run(dataDir, "connect", server.url(), "--jsonl", "--send", "hi", "--wait", "5");
            assertEquals(0, run.exit(), run.err());
            List<JsonNode> received = frames(run).stream().filter(f -> f.get("direction").asText().equals("receive")).toList();
            assertEquals(List.of("text", "continuation", "ping", "continuation", "close"),
                    received.stream().map(f -> f.get("opcode").asText()).toList());
            assertEquals(List.of(false, false, true, true, true), received.stream().map(f -> f.get("fin").asBoolean()).toList());
            assertEquals("Hel", received.get(0).get("text").asText());
            assertFalse(received.get(0).get("masked").asBoolean());
            assertFalse(received.get(0).get("rsv1").asBoolean());
            assertEquals(3, received.get(0).get("size").asInt());
            assertEquals(1000, received.get(4).get("closeCode").asInt());
            JsonNode pong = frames(run).stream().filter(f -> f.get("opcode").asText().equals("pong")).findFirst().orElseThrow();
            assertEquals("send", pong.get("direction").asText());
            assertTrue(pong.get("masked").asBoolean(), "a client's frames are masked");
            assertEquals(8, pong.get("maskKey").asText().length());
        }
        try (ScriptedServer server = ScriptedServer.writing(script)) {
            CliRun lines = CliRun.run(dataDir, "connect", server.url(), "--send", "hi", "--wait", "5");
            assertTrue(lines.lines().contains("< Hello you"), "one line per message: " + lines.out());
        }
    }

    @Test
    void deflateShowsCompressedFramesInJsonlAndInflatedMessagesAsLines() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("CI") != null || dev.sockscope.testing.PythonPeer.available(),
                "python3-websockets is not installed");
        String json = "{\"symbol\":\"ETH-USD\",\"bids\":[" + "[1234.5,2],".repeat(50) + "[1,1]]}";
        try (var peer = dev.sockscope.testing.PythonPeer.start(null, null)) {
            String url = "ws://127.0.0.1:" + peer.port() + "/";
            CliRun run = CliRun.run(dataDir, "connect", url, "--deflate", "--jsonl", "--send", json, "--wait", "2");
            assertEquals(0, run.exit(), run.err());
            List<JsonNode> texts = frames(run).stream().filter(f -> f.get("opcode").asText().equals("text")).toList();
            assertEquals(2, texts.size(), run.out());
            for (JsonNode frame : texts) {
                assertTrue(frame.get("rsv1").asBoolean(), "compressed: " + frame);
                assertTrue(frame.get("size").asInt() < json.length() / 4, "smaller on the wire: " + frame);
            }
            CliRun lines = CliRun.run(dataDir, "connect", url, "--deflate", "--send", json, "--wait", "2");
            assertEquals(List.of("> " + json, "< " + json), lines.lines().subList(0, 2), lines.err());
        }
    }

    @Test
    void aProtocolErrorEndsWithItsCloseCodeInTheOutputAndExitsOneWithOneLine() throws Exception {
        try (ScriptedServer server = ScriptedServer.writing("c1026869")) {
            CliRun run = CliRun.run(dataDir, "connect", server.url(), "--jsonl", "--send", "hi", "--wait", "5");
            assertEquals(1, run.exit());
            assertEquals("sockscope: protocol error: RSV1 set, but no extension was negotiated (the client closed with 1002"
                    + " Protocol Error)\n", run.err());
            JsonNode ours = frames(run).stream().filter(f -> f.get("direction").asText().equals("send")
                    && f.get("opcode").asText().equals("close")).findFirst().orElseThrow();
            assertEquals(1002, ours.get("closeCode").asInt());
            assertEquals("RSV1 set, but no extension was negotiated", ours.get("closeReason").asText());
        }
    }

    @Test
    void invalidUtf8IsPrintedAsBase64WithWhereItBreaks() throws Exception {
        try (ScriptedServer server = ScriptedServer.writing("8105 6869c32821")) {
            CliRun run = CliRun.run(dataDir, "connect", server.url(), "--jsonl", "--send", "hi", "--wait", "5");
            assertEquals(1, run.exit());
            JsonNode text = frames(run).stream().filter(f -> f.get("direction").asText().equals("receive")).findFirst()
                    .orElseThrow();
            assertEquals("aGnDKCE=", text.get("base64").asText());
            assertEquals(2, text.get("invalidUtf8At").asInt());
            assertTrue(run.err().contains("invalid UTF-8 at byte 2 of a text message"), run.err());
        }
    }

    @Test
    void closingDoesNotThrowAwayWhatTheServerAlreadySent() throws Exception {
        java.io.ByteArrayOutputStream script = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < 100_000; i++) {
            script.writeBytes(dev.sockscope.codec.FrameEncoder.encode(true, 0, dev.sockscope.core.Opcode.TEXT,
                    ("m" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8), -1));
        }
        script.writeBytes(FrameParserHex.CLOSE_1000);
        try (ScriptedServer server = ScriptedServer.writing(script.toByteArray())) {
            // --wait 0: the command closes at once, long before it has read 100,000 frames.
            CliRun run = CliRun.run(dataDir, "connect", server.url(), "--send", "x", "--wait", "0", "--session", "flood");
            assertEquals(0, run.exit(), run.err());
            List<String> lines = run.lines();
            assertEquals(100_000, lines.stream().filter(l -> l.startsWith("< m")).count(), "every frame the server sent");
            assertTrue(lines.contains("< m99999"), "the last one too");
            assertTrue(lines.contains("< [close 1000]"), "and the server's close");
        }
        JsonNode sessions = JSON.readTree(CliRun.run(dataDir, "sessions", "--json").out());
        assertTrue(sessions.get(0).get("messages").asLong() >= 100_001, "all recorded: " + sessions);
    }

    /** Bytes of frames the tests write. */
    private static final class FrameParserHex {
        static final byte[] CLOSE_1000 = {(byte) 0x88, 2, 0x03, (byte) 0xe8};
    }

    @Test
    void aCloseWithoutACodeIsANormalEnd() throws Exception {
        // The server closes with an empty close frame; we answer (with 1000) and it hangs up.
        try (ScriptedServer server = ScriptedServer.writing("8800").answeringCloseWith("")) {
            CliRun run = CliRun.run(dataDir, "connect", server.url(), "--send", "hi", "--wait", "5");
            assertEquals(0, run.exit(), run.err());
            assertTrue(run.lines().contains("< [close]"), run.out());
        }
    }

    @Test
    void refusesHeadersTheUpgradeWritesItself() {
        CliRun run = CliRun.run(dataDir, "connect", "ws://127.0.0.1:9/", "-H", "Sec-WebSocket-Extensions: permessage-deflate");
        assertEquals(2, run.exit());
        assertTrue(run.err().startsWith("sockscope: -H: Sec-WebSocket-Extensions cannot be offered"), run.err());
        CliRun protocol = CliRun.run(dataDir, "connect", "ws://127.0.0.1:9/", "-H", "sec-websocket-protocol: chat");
        assertEquals(2, protocol.exit());
        assertTrue(protocol.err().contains("--subprotocol"), protocol.err());
    }

    @Test
    void refusesAHeaderValueWithALineBreakAsBadUsage() {
        CliRun run = CliRun.run(dataDir, "connect", "ws://127.0.0.1:9/", "-H", "X-A: b\r\nX-Injected: 1");
        assertEquals(2, run.exit());
        assertTrue(run.err().startsWith("sockscope: -H: the value of X-A has a line break"), run.err());
    }

    @Test
    void refusesASessionNameTheRecordingCannotKeepBeforeConnecting() {
        CliRun run = CliRun.run(dataDir, "connect", "ws://127.0.0.1:9/", "--session", "m".repeat(256));
        assertEquals(2, run.exit());
        assertEquals("sockscope: a session name is at most 200 characters (this one has 256)\n", run.err());
        CliRun twoLines = CliRun.run(dataDir, "connect", "ws://127.0.0.1:9/", "--session", "two\nlines");
        assertEquals(2, twoLines.exit());
    }

    @Test
    void aLineWithLineBreaksStaysOneLine() throws Exception {
        try (EchoServer server = EchoServer.plain()) {
            CliRun run = CliRun.run(dataDir, "connect", "ws://127.0.0.1:" + server.boundPort(), "--send", "two\nlines",
                    "--send", "close-normal", "--wait", "5");
            assertEquals(0, run.exit(), run.err());
            assertTrue(run.lines().contains("< two\\nlines"), run.out());
        }
    }
}
