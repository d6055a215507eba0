package dev.sockscope.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HttpHeadReaderTest {
    private static final String HEAD = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n";

    @Test
    void findsTheEndOfAHeadFedOneByteAtATimeAndLeavesWhatFollows() {
        byte[] bytes = (HEAD + "\u0081\u0000").getBytes(StandardCharsets.ISO_8859_1);
        HttpHeadReader reader = new HttpHeadReader();
        int past = -1;
        for (int i = 0; i < bytes.length && past < 0; i++) {
            past = reader.feed(bytes, i, 1);
        }
        assertEquals(HEAD.length(), past);
        assertTrue(reader.isComplete());
        assertEquals(HEAD, reader.head());
        assertEquals(-1, reader.feed(bytes, HEAD.length(), 2), "nothing after the head is taken");
    }

    @Test
    void refusesAHeadWithTooManyLines() {
        StringBuilder head = new StringBuilder("HTTP/1.1 101 Switching Protocols\r\n");
        for (int i = 0; i < 30_000; i++) {
            head.append("X-").append(i).append(": y\r\n");
        }
        byte[] bytes = head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        HttpHeadReader reader = new HttpHeadReader();
        for (int i = 0; i < bytes.length; i += 7) {
            reader.feed(bytes, i, Math.min(7, bytes.length - i));
        }
        assertEquals("the HTTP head has more than 1000 lines", reader.problem());
    }

    @Test
    void refusesAHeadThatNeverEnds() {
        byte[] junk = new byte[100_000];
        java.util.Arrays.fill(junk, (byte) 'a');
        HttpHeadReader reader = new HttpHeadReader();
        reader.feed(junk, 0, junk.length);
        assertEquals("the HTTP head is longer than 64 KiB", reader.problem());
        assertTrue(reader.head().length() <= HttpHeadReader.MAX_BYTES + 1);
    }

    @Test
    void aCompleteHeadHasNoProblem() {
        HttpHeadReader reader = new HttpHeadReader();
        byte[] bytes = HEAD.getBytes(StandardCharsets.ISO_8859_1);
        reader.feed(bytes, 0, bytes.length);
        assertNull(reader.problem());
    }
}
