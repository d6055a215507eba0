package dev.sockscope.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockscope.core.Direction;
import dev.sockscope.core.Frame;
import dev.sockscope.core.Opcode;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class FrameParserTest {
    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    private static WireRecorder parse(Direction direction, boolean deflate, String hex) {
        WireRecorder out = new WireRecorder();
        byte[] bytes = hex(hex);
        new FrameParser(direction, 1 << 20, deflate, () -> 7).feed(bytes, 0, bytes.length, out);
        return out;
    }

    @Test
    void parsesTheRfcExamplesKeepingHeaderBytesAndTheMaskKey() {
        // RFC 6455 section 5.7: "Hello" unmasked from a server, masked from a client.
        WireRecorder server = parse(Direction.RECEIVE, false, "810548656c6c6f");
        assertEquals("Hello", server.frames.get(0).text());
        assertFalse(server.frames.get(0).masked());
        assertArrayEquals(hex("8105"), server.frames.get(0).header());
        WireRecorder client = parse(Direction.SEND, false, "818537fa213d7f9f4d5158");
        Frame masked = client.frames.get(0);
        assertEquals("Hello", masked.text(), "the payload is unmasked");
        assertTrue(masked.masked());
        assertEquals(0x37fa213dL, masked.maskKey());
        assertArrayEquals(hex("818537fa213d7f9f4d5158"), FrameEncoder.wireBytes(masked), "re-encoded byte for byte");
    }

    @Test
    void keepsFragmentsFinAndRsvBitsAsSent() {
        WireRecorder out = parse(Direction.RECEIVE, true, "410348656c 80026c6f");
        assertEquals(2, out.frames.size());
        assertFalse(out.frames.get(0).fin());
        assertTrue(out.frames.get(0).rsv1());
        assertEquals(Opcode.CONTINUATION, out.frames.get(1).opcode());
        assertTrue(out.frames.get(1).fin());
        assertTrue(out.violations.isEmpty());
    }

    @Test
    void findsTheSameFramesWhateverTheReadBoundaries() {
        byte[] frame = new byte[4 + 300];
        frame[0] = (byte) 0x82;
        frame[1] = 126;
        frame[2] = 0x01;
        frame[3] = 0x2c;
        for (int i = 0; i < 300; i++) {
            frame[4 + i] = (byte) i;
        }
        FrameParser parser = new FrameParser(Direction.RECEIVE, 1 << 20, false, () -> 0);
        WireRecorder out = new WireRecorder();
        for (int i = 0; i < frame.length; i++) {
            parser.feed(frame, i, 1, out);
            if (i < frame.length - 1) {
                assertTrue(out.frames.isEmpty());
            }
        }
        assertEquals(300, out.frames.get(0).size());
        assertEquals((byte) 299, out.frames.get(0).payload()[299]);
        assertEquals(0, parser.pendingBytes());
        assertTrue(parser.atFrameBoundary());
    }

    @Test
    void readsA64BitLengthFrame() {
        byte[] payload = new byte[70_000];
        byte[] wire = FrameEncoder.encode(true, 0, Opcode.BINARY, payload, -1);
        assertEquals(127, wire[1] & 0x7F, "a 64-bit length");
        WireRecorder out = new WireRecorder();
        new FrameParser(Direction.RECEIVE, 1 << 20, false, () -> 0).feed(wire, 0, wire.length, out);
        assertEquals(70_000, out.frames.get(0).size());
        assertEquals(10, out.frames.get(0).header().length);
    }

    @Test
    void reportsWhatRfc6455ForbidsWithTheCloseCodeAsSoonAsTheHeaderShowsIt() {
        assertViolation(1002, "reserved opcode 0x3", Direction.RECEIVE, false, "837e");
        assertViolation(1002, "ping frame longer than 125 bytes", Direction.RECEIVE, false, "897e00c8");
        assertViolation(1002, "fragmented ping frame", Direction.RECEIVE, false, "0900");
        assertViolation(1002, "masked frame from the server", Direction.RECEIVE, false, "8180");
        assertViolation(1002, "unmasked frame from the client", Direction.SEND, false, "8100");
        assertViolation(1002, "RSV1 set, but no extension was negotiated", Direction.RECEIVE, false, "c100");
        assertViolation(1002, "RSV2 set, but no extension defines it", Direction.RECEIVE, true, "a100");
        assertViolation(1002, "RSV1 set on a continuation frame", Direction.RECEIVE, true, "0100 c000");
        assertViolation(1002, "continuation frame without a message to continue", Direction.RECEIVE, false, "8000");
        assertViolation(1002, "a new text message began inside a fragmented one", Direction.RECEIVE, false, "0100 8100");
        assertViolation(1002, "64-bit payload length with its most significant bit set", Direction.RECEIVE, false,
                "827f8000000000000000");
        assertViolation(1009, "a frame of 4611686018427387904 bytes is over the limit of 1048576", Direction.RECEIVE, false,
                "827f4000000000000000");
    }

    private static void assertViolation(int code, String reason, Direction direction, boolean deflate, String hex) {
        ProtocolViolation v = parse(direction, deflate, hex).onlyViolation();
        assertEquals(code, v.closeCode(), hex);
        assertEquals(reason, v.reason(), hex);
        assertTrue(v.reason().getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 123, "fits a close frame");
    }

    @Test
    void stillReportsThePeersCloseReplyAfterABadFrameWhoseLengthIsKnown() {
        // A reserved opcode with a 2-byte payload, then the server's close 1002.
        WireRecorder out = parse(Direction.RECEIVE, false, "8302abcd 880203ea");
        assertEquals(1, out.violations.size());
        assertEquals(1, out.frames.size(), "the bad frame is skipped, the close reply is not");
        assertEquals(1002, out.frames.get(0).closeCode());
    }

    @Test
    void stopsForGoodWhenTheLengthCannotBeFollowed() {
        FrameParser parser = new FrameParser(Direction.RECEIVE, 100, false, () -> 0);
        WireRecorder out = new WireRecorder();
        byte[] wire = hex("827f0000000000001000 880203e8");
        parser.feed(wire, 0, wire.length, out);
        assertTrue(parser.stopped());
        assertTrue(out.frames.isEmpty());
        assertEquals(1009, out.onlyViolation().closeCode());
    }
}
