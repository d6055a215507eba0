package dev.sockscope.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockscope.core.Direction;
import dev.sockscope.core.Frame;
import dev.sockscope.core.Message;
import dev.sockscope.core.Opcode;
import org.junit.jupiter.api.Test;

class FrameLogTest {
    @Test
    void keepsEveryFieldOfEveryFrame() {
        FrameLog log = new FrameLog();
        Frame fragment = new Frame(Direction.RECEIVE, Opcode.TEXT, false, 4, "part".getBytes(), 1_700_000_000_123_456L);
        Frame empty = Frame.message(Direction.SEND, Opcode.PING, new byte[0], 2);
        Frame close = Frame.close(Direction.RECEIVE, 4001, "bye", 3);
        log.append(fragment);
        log.append(empty);
        log.append(close);
        assertEquals(fragment, log.get(0));
        assertEquals(empty, log.get(1));
        assertEquals(close, log.get(2));
        assertEquals(Opcode.PING, log.opcode(1));
        assertEquals(Direction.RECEIVE, log.direction(2));
        assertEquals(4, log.payloadSize(0));
    }

    @Test
    void countsAMessagesWireBytesOverItsOwnFramesOnly() {
        FrameLog log = new FrameLog();
        // A compressed message in two frames, with a ping of its direction and a frame of the other between them.
        log.append(new Frame(Direction.RECEIVE, Opcode.TEXT, false, 0x4, new byte[30], 1), null);
        log.append(Frame.message(Direction.RECEIVE, Opcode.PING, new byte[5], 2));
        log.append(Frame.message(Direction.SEND, Opcode.TEXT, new byte[7], 3));
        Frame last = new Frame(Direction.RECEIVE, Opcode.CONTINUATION, true, 0, new byte[12], 4);
        log.append(last, new Message(Direction.RECEIVE, Opcode.TEXT, new byte[400], 4, 2, true, -1));
        assertEquals(42, log.wireSize(3));
        assertEquals(400, log.messageSize(3));
        assertEquals(7, log.wireSize(2));
        assertEquals(5, log.wireSize(1));
    }

    @Test
    void spansChunksAndKeepsLargePayloadsWhole() {
        FrameLog log = new FrameLog();
        byte[] big = new byte[3 * 1024 * 1024];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 7);
        }
        for (int i = 0; i < 20_000; i++) {
            log.append(Frame.message(Direction.SEND, Opcode.BINARY, new byte[] {(byte) i, (byte) (i >> 8)}, i));
            if (i == 10_000) {
                log.append(Frame.message(Direction.RECEIVE, Opcode.BINARY, big, -1));
            }
        }
        assertEquals(20_001, log.size());
        assertArrayEquals(big, log.get(10_001).payload());
        assertArrayEquals(new byte[] {(byte) 19_999, (byte) (19_999 >> 8)}, log.get(20_000).payload());
        assertArrayEquals(new byte[] {(byte) 5000}, log.head(5000, 1).payload(), "head cuts the payload");
        assertEquals(1, log.count(Direction.RECEIVE));
        assertEquals(big.length, log.bytes(Direction.RECEIVE));
        assertEquals(40_000, log.bytes(Direction.SEND));
    }

    @Test
    void letsGoOfTheOldestFramesPastItsLimitsAndKeepsPositionsStable() {
        FrameLog log = new FrameLog(100, Long.MAX_VALUE);
        for (int i = 0; i < 1000; i++) {
            log.append(Frame.message(Direction.RECEIVE, Opcode.TEXT, ("m" + i).getBytes(), i));
        }
        assertEquals(1000, log.size(), "positions count every frame ever appended");
        assertTrue(log.firstRetained() > 800 && log.firstRetained() < 1000, "only the newest are held: " + log.firstRetained());
        for (int i = log.firstRetained(); i < 1000; i++) {
            assertEquals("m" + i, log.get(i).text());
        }
        assertEquals(null, log.headIfHeld(0, 10));
        assertThrows(IndexOutOfBoundsException.class, () -> log.get(0));
        assertEquals(1000, log.count(Direction.RECEIVE), "totals still count everything");
    }

    @Test
    void dropsPayloadChunksOnceOnlyEvictedFramesUsedThem() {
        FrameLog log = new FrameLog(Integer.MAX_VALUE, 3L << 20);
        byte[] block = new byte[100_000];
        for (int i = 0; i < 200; i++) {
            block[0] = (byte) i;
            log.append(Frame.message(Direction.SEND, Opcode.BINARY, block.clone(), i));
        }
        assertTrue(log.firstRetained() > 0);
        for (int i = log.firstRetained(); i < 200; i++) {
            assertEquals((byte) i, log.get(i).payload()[0], "frame " + i + " reads its own bytes after chunks moved");
        }
    }

    @Test
    void clearStartsOverAndRejectsOldPositions() {
        FrameLog log = new FrameLog();
        log.append(Frame.message(Direction.SEND, Opcode.TEXT, "x".getBytes(), 0));
        log.clear();
        assertEquals(0, log.size());
        assertEquals(0, log.count(Direction.SEND));
        assertThrows(IndexOutOfBoundsException.class, () -> log.get(0));
    }
}
