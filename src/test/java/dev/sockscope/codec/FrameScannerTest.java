package dev.sockscope.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameScannerTest {
    @Test
    void findsTheCloseFrameAfterLargeDataFramesWhateverTheReadBoundaries() {
        byte[] data = new byte[70_000];
        byte[] big = new byte[10 + data.length];
        big[0] = (byte) 0x82;
        big[1] = 127;
        for (int i = 0; i < 8; i++) {
            big[2 + i] = (byte) ((long) data.length >>> (56 - 8 * i));
        }
        byte[] medium = HexFormat.of().parseHex("817e00c8" + "61".repeat(200));
        byte[] close = HexFormat.of().parseHex("8805" + "0fa1" + "627965");
        byte[] stream = new byte[big.length + medium.length + close.length];
        System.arraycopy(big, 0, stream, 0, big.length);
        System.arraycopy(medium, 0, stream, big.length, medium.length);
        System.arraycopy(close, 0, stream, big.length + medium.length, close.length);

        for (int chunk : new int[] {1, 3, 7, 1000, stream.length}) {
            List<FrameParser.WireFrame> kept = new ArrayList<>();
            FrameScanner scanner = new FrameScanner(op -> op == 0x8, kept::add);
            for (int at = 0; at < stream.length; at += chunk) {
                scanner.scan(stream, at, Math.min(chunk, stream.length - at));
            }
            assertEquals(1, kept.size(), "chunk " + chunk);
            assertArrayEquals(HexFormat.of().parseHex("0fa1627965"), kept.get(0).payload());
        }
    }

    @Test
    void unmasksKeptFramesAndReportsEmptyOnes() {
        List<FrameParser.WireFrame> kept = new ArrayList<>();
        FrameScanner scanner = new FrameScanner(op -> op >= 0x8, kept::add);
        byte[] wire = HexFormat.of().parseHex("8a00" + "898537fa213d7f9f4d5158");
        scanner.scan(wire, 0, wire.length);
        assertEquals(2, kept.size());
        assertEquals(0, kept.get(0).payload().length);
        assertEquals("Hello", new String(kept.get(1).payload()));
    }
}
