package dev.sockscope.codec;

import static dev.sockscope.codec.FrameParserTest.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockscope.core.Direction;
import dev.sockscope.core.Header;
import dev.sockscope.core.Message;
import dev.sockscope.core.Opcode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

class WireDecoderTest {
    private static WireRecorder decode(WireDecoder.Settings settings, byte[]... chunks) {
        WireDecoder decoder = new WireDecoder(Direction.RECEIVE, settings, () -> 1);
        WireRecorder out = new WireRecorder();
        for (byte[] chunk : chunks) {
            decoder.feed(chunk, 0, chunk.length, out);
        }
        return out;
    }

    private static WireRecorder decode(String hex) {
        return decode(WireDecoder.Settings.defaults(), hex(hex));
    }

    @Test
    void assemblesAFragmentedMessageAroundAnInterleavedPing() {
        // "Hel" "lo " (ping "p") "you": four frames on the wire, two messages (the ping completes first).
        WireRecorder out = decode("010348656c 00036c6f20 890170 8003796f75");
        assertEquals(4, out.frames.size());
        assertEquals(List.of(false, false, true, true), out.frames.stream().map(f -> f.fin()).toList());
        assertEquals(2, out.messages.size());
        assertEquals(Opcode.PING, out.messages.get(0).opcode());
        Message text = out.messages.get(1);
        assertEquals("Hello you", text.text());
        assertEquals(3, text.frames());
        assertTrue(out.violations.isEmpty());
    }

    @Test
    void aWholeFrameIsItsOwnMessageWithoutACopy() {
        WireRecorder out = decode("810548656c6c6f");
        assertSame(out.frames.get(0).payload(), out.messages.get(0).payload());
        assertTrue(out.messages.get(0).isWholeFrame());
    }

    @Test
    void showsInvalidUtf8WithWhereItBreaksThenFailsWith1007() {
        WireRecorder out = decode("8105 6869c328 21");
        assertEquals(List.of("frame", "message", "violation"), out.order, "the message is shown, then the violation");
        assertEquals(2, out.messages.get(0).invalidUtf8At());
        assertEquals(1007, out.onlyViolation().closeCode());
        assertEquals("invalid UTF-8 at byte 2 of a text message", out.onlyViolation().reason());
    }

    @Test
    void failsFastOnInvalidUtf8InsideAFragmentedMessage() {
        WireRecorder out = decode("0102 68ff 8001 69");
        assertEquals(1007, out.onlyViolation().closeCode());
        assertTrue(out.messages.isEmpty(), "the broken message never completes");
    }

    @Test
    void acceptsUtf8SplitAcrossFragments() {
        // "é" (c3 a9) split between two frames.
        WireRecorder out = decode("0101 c3 8001 a9");
        assertTrue(out.violations.isEmpty());
        assertEquals("\u00e9", out.messages.get(0).text());
    }

    @Test
    void checksClosePayloads() {
        assertEquals("close frame with a 1-byte payload (a code takes 2)", decode("880103").onlyViolation().reason());
        assertEquals("close code 999 may not be sent", decode("880203e7").onlyViolation().reason());
        assertEquals("close code 1005 may not be sent", decode("880203ed").onlyViolation().reason());
        assertEquals(1007, decode("880403e8 c328").onlyViolation().closeCode());
        assertTrue(decode("880203e8").violations.isEmpty());
        assertEquals(1, decode("880103").messages.size(), "the close frame is still shown as it came");
    }

    @Test
    void refusesAMessageOverTheLimit() {
        WireDecoder.Settings small = new WireDecoder.Settings(1000, 5, null);
        assertEquals(1009, decode(small, hex("0103616263 8003646566")).onlyViolation().closeCode());
    }

    @Test
    void inflatesTheRfc7692ExamplesWithContextTakeover() {
        WireDecoder.Settings deflate = WireDecoder.Settings.defaults().withDeflate(
                new PerMessageDeflate(false, false, 15, 15));
        // RFC 7692 7.2.3.1 and 7.2.3.2: "Hello" compressed, then "Hello" again using the shared window.
        WireRecorder out = decode(deflate, hex("c107f248cdc9c90700"), hex("c105f200110000"));
        assertEquals(List.of("Hello", "Hello"), out.messages.stream().map(Message::text).toList());
        assertTrue(out.messages.get(1).compressed());
        assertFalse(out.messages.get(1).isWholeFrame());
        assertTrue(out.violations.isEmpty());
        // 7.2.3.3: a compressed message in two fragments.
        WireRecorder fragmented = decode(deflate, hex("4103f248cd 8004c9c90700"));
        assertEquals("Hello", fragmented.messages.get(0).text());
        assertEquals(2, fragmented.messages.get(0).frames());
    }

    @Test
    void inflatesWhatTheJdkDeflaterMakesWithoutContextTakeover() {
        PerMessageDeflate agreed = PerMessageDeflate.negotiated(List.of(new Header("Sec-WebSocket-Extensions",
                "permessage-deflate; server_no_context_takeover; client_max_window_bits=10"))).orElseThrow();
        assertTrue(agreed.serverNoContextTakeover());
        assertEquals(10, agreed.clientMaxWindowBits());
        WireDecoder.Settings deflate = WireDecoder.Settings.defaults().withDeflate(agreed);
        String json = "{\"price\": 42, \"symbol\": \"ACME\", \"note\": \"" + "x".repeat(500) + "\"}";
        byte[] one = compressedFrame(json);
        WireRecorder out = decode(deflate, one, one);
        assertEquals(List.of(json, json), out.messages.stream().map(Message::text).toList());
    }

    @Test
    void stopsACompressionBombAtTheMessageLimit() {
        WireDecoder.Settings deflate = new WireDecoder.Settings(1 << 20, 100_000, new PerMessageDeflate(true, true, 15, 15));
        WireRecorder out = decode(deflate, compressedFrame("a".repeat(1_000_000)));
        assertEquals(1009, out.onlyViolation().closeCode());
        assertTrue(out.messages.isEmpty());
    }

    @Test
    void refusesCompressedBytesThatAreNotDeflate() {
        WireDecoder.Settings deflate = WireDecoder.Settings.defaults().withDeflate(new PerMessageDeflate(true, true, 15, 15));
        assertEquals(1007, decode(deflate, hex("c103ffffff")).onlyViolation().closeCode());
    }

    @Test
    void aFragmentThatEndsNoMessageHasNone() {
        WireRecorder out = decode("0103616263");
        assertEquals(1, out.frames.size());
        assertTrue(out.messages.isEmpty());
    }

    /** One text frame with RSV1, its payload compressed as RFC 7692 says (sync flush, tail removed). */
    static byte[] compressedFrame(String text) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(text.getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH)) > 0) {
            out.write(buffer, 0, n);
        }
        deflater.end();
        byte[] all = out.toByteArray();
        byte[] payload = java.util.Arrays.copyOf(all, all.length - 4);
        return FrameEncoder.encode(true, 4, Opcode.TEXT, payload, -1);
    }
}
