package dev.sockscope.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameParserTest {
    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    @Test
    void parsesTheRfcExamplesMaskedAndUnmasked() {
        FrameParser parser = new FrameParser(1 << 20);
        // RFC 6455 section 5.7: "Hello" unmasked, then masked.
        byte[] wire = hex("810548656c6c6f 818537fa213d7f9f4d5158");
        List<FrameParser.WireFrame> frames = parser.feed(wire, 0, wire.length);
        assertEquals(2, frames.size());
        assertEquals("Hello", new String(frames.get(0).payload()));
        assertFalse(frames.get(0).masked());
        assertEquals("Hello", new String(frames.get(1).payload()));
        assertTrue(frames.get(1).masked());
    }

    @Test
    void keepsFragmentsAndRsvBitsAsSent() {
        FrameParser parser = new FrameParser(1 << 20);
        List<FrameParser.WireFrame> frames = parser.feed(hex("410348656c 80026c6f"), 0, 9);
        assertEquals(2, frames.size());
        assertFalse(frames.get(0).fin());
        assertEquals(4, frames.get(0).rsv());
        assertEquals(0x0, frames.get(1).opcode());
        assertTrue(frames.get(1).fin());
    }

    @Test
    void waitsForFramesSplitAcrossReads() {
        FrameParser parser = new FrameParser(1 << 20);
        byte[] frame = new byte[4 + 300];
        frame[0] = (byte) 0x82;
        frame[1] = 126;
        frame[2] = 0x01;
        frame[3] = 0x2c;
        for (int i = 0; i < 300; i++) {
            frame[4 + i] = (byte) i;
        }
        assertTrue(parser.feed(frame, 0, 3).isEmpty());
        assertTrue(parser.feed(frame, 3, 100).isEmpty());
        List<FrameParser.WireFrame> frames = parser.feed(frame, 103, frame.length - 103);
        assertEquals(1, frames.size());
        assertEquals(300, frames.get(0).payload().length);
        assertEquals((byte) 299, frames.get(0).payload()[299]);
        assertEquals(0, parser.pendingBytes());
    }

    @Test
    void readsACloseFrameWithCodeAndReason() {
        List<FrameParser.WireFrame> frames = new FrameParser(125).feed(hex("8805 03e8 6f6b 21"), 0, 7);
        assertArrayEquals(hex("03e86f6b21"), frames.get(0).payload());
    }

    @Test
    void refusesWhatRfc6455Forbids() {
        assertThrows(FrameParser.FrameException.class, () -> new FrameParser(1 << 20).feed(hex("837e"), 0, 2),
                "reserved opcode");
        assertThrows(FrameParser.FrameException.class, () -> new FrameParser(1 << 20).feed(hex("897e0100"), 0, 4),
                "control frame over 125 bytes");
        assertThrows(FrameParser.FrameException.class, () -> new FrameParser(1 << 20).feed(hex("0900"), 0, 2),
                "fragmented control frame");
        assertThrows(FrameParser.FrameException.class,
                () -> new FrameParser(1 << 20).feed(hex("827f8000000000000000"), 0, 10), "negative 64-bit length");
        assertThrows(FrameParser.FrameException.class, () -> new FrameParser(10).feed(hex("820b"), 0, 2),
                "over the limit");
    }
}
