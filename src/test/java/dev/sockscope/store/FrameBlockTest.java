package dev.sockscope.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sockscope.codec.FrameEncoder;
import dev.sockscope.core.Direction;
import dev.sockscope.core.Frame;
import dev.sockscope.core.Interception;
import dev.sockscope.core.Leg;
import dev.sockscope.core.Message;
import dev.sockscope.core.Opcode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A block's body gives back every frame exactly as it was added: bytes, header, message and leg. */
class FrameBlockTest {
    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Frames of every kind the recorder sees, each with the message it completes (or null). */
    private static List<Object[]> variety() {
        List<Object[]> out = new ArrayList<>();
        long t = 1_700_000_000_000_000L;
        Frame plain = new Frame(Direction.RECEIVE, Opcode.TEXT, true, 0, utf8("hello"), t,
                FrameEncoder.header(true, 0, 1, 5, -1));
        out.add(new Object[] {Leg.UPSTREAM, plain, Message.of(plain)});
        Frame masked = new Frame(Direction.SEND, Opcode.TEXT, true, 0, utf8("masked ü"), t + 5,
                FrameEncoder.header(true, 0, 1, utf8("masked ü").length, 0xA1B2C3D4L));
        out.add(new Object[] {Leg.CLIENT, masked, Message.of(masked)});
        // A 3-byte payload sent with the 16-bit length encoding: not the shortest header, kept as sent.
        byte[] odd = {(byte) 0x82, 126, 0, 3};
        Frame longForm = new Frame(Direction.RECEIVE, Opcode.BINARY, true, 0, new byte[] {1, 2, 3}, t + 3, odd);
        out.add(new Object[] {Leg.UPSTREAM, longForm, Message.of(longForm)});
        Frame unknownHeader = Frame.message(Direction.RECEIVE, Opcode.TEXT, utf8("imported"), t - 10);
        out.add(new Object[] {Leg.UPSTREAM, unknownHeader, Message.of(unknownHeader)});
        Frame empty = new Frame(Direction.RECEIVE, Opcode.TEXT, true, 0, new byte[0], t + 20, FrameEncoder.header(true, 0, 1, 0, -1));
        out.add(new Object[] {Leg.UPSTREAM, empty, Message.of(empty)});
        Frame ping = new Frame(Direction.RECEIVE, Opcode.PING, true, 0, new byte[0], t + 21, FrameEncoder.header(true, 0, 9, 0, -1));
        out.add(new Object[] {Leg.UPSTREAM, ping, Message.of(ping)});
        // A fragmented message: two fragments that complete nothing, the last completes the whole.
        Frame first = new Frame(Direction.RECEIVE, Opcode.TEXT, false, 0, utf8("frag"), t + 30, FrameEncoder.header(false, 0, 1, 4, -1));
        Frame middle = new Frame(Direction.RECEIVE, Opcode.CONTINUATION, false, 0, utf8("men"), t + 31,
                FrameEncoder.header(false, 0, 0, 3, -1));
        Frame last = new Frame(Direction.RECEIVE, Opcode.CONTINUATION, true, 0, utf8("ted"), t + 32,
                FrameEncoder.header(true, 0, 0, 3, -1));
        out.add(new Object[] {Leg.UPSTREAM, first, null});
        out.add(new Object[] {Leg.UPSTREAM, middle, null});
        out.add(new Object[] {Leg.UPSTREAM, last, new Message(Direction.RECEIVE, Opcode.TEXT, utf8("fragmented"), t + 32, 3, false, -1)});
        // A compressed message: RSV1, deflated bytes on the wire, the inflated text as its message.
        byte[] deflated = {(byte) 0xf2, 0x48, (byte) 0xcd, (byte) 0xc9, (byte) 0xc9, 0x07, 0x00};
        Frame compressed = new Frame(Direction.RECEIVE, Opcode.TEXT, true, 4, deflated, t + 40,
                FrameEncoder.header(true, 4, 1, deflated.length, -1));
        out.add(new Object[] {Leg.UPSTREAM, compressed, new Message(Direction.RECEIVE, Opcode.TEXT, utf8("Hello"), t + 40, 1, true, -1)});
        byte[] invalid = {'a', (byte) 0xc3, 'b'};
        Frame bad = new Frame(Direction.RECEIVE, Opcode.TEXT, true, 0, invalid, t + 41, FrameEncoder.header(true, 0, 1, 3, -1));
        out.add(new Object[] {Leg.UPSTREAM, bad, Message.of(bad)});
        Frame close = Frame.close(Direction.SEND, 1000, "bye", t + 50).withHeader(FrameEncoder.header(true, 0, 8, 5, 0x01020304L));
        out.add(new Object[] {Leg.UPSTREAM, close, Message.of(close)});
        Frame dropped = Frame.message(Direction.RECEIVE, Opcode.TEXT, utf8("{\"price\":1}"), t + 60);
        out.add(new Object[] {Leg.UPSTREAM, dropped, Message.of(dropped), new Interception(Interception.REPLACED,
            "rule \"cheap\" — prix réduit")});
        Frame instead = Frame.message(Direction.RECEIVE, Opcode.TEXT, utf8("{\"price\":-1}"), t + 61);
        out.add(new Object[] {Leg.CLIENT, instead, Message.of(instead), new Interception(Interception.SENT_INSTEAD, "")});
        return out;
    }

    private static byte[] bodyOf(List<Object[]> frames) {
        FrameBlock.Builder builder = new FrameBlock.Builder();
        for (Object[] f : frames) {
            builder.add((Leg) f[0], (Frame) f[1], (Message) f[2], f.length > 3 ? (Interception) f[3] : null);
        }
        return builder.body();
    }

    @Test
    void everyFrameComesBackAsItWasAdded() {
        List<Object[]> frames = variety();
        BlockCompression.Stored stored = BlockCompression.compress(bodyOf(frames));
        List<FrameBlock.Row> rows = FrameBlock.read(BlockCompression.decompress(stored.codec(), stored.bytes(), stored.rawSize()));
        assertEquals(frames.size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Frame expected = (Frame) frames.get(i)[1];
            FrameBlock.Row row = rows.get(i);
            assertEquals(expected, row.frame(), "frame " + i);
            assertArrayEquals(expected.header(), row.frame().header(), "header of frame " + i);
            assertArrayEquals(FrameEncoder.wireBytes(expected), FrameEncoder.wireBytes(row.frame()), "wire bytes of frame " + i);
            assertEquals(frames.get(i)[0], row.leg(), "leg of frame " + i);
            assertEquals(frames.get(i).length > 3 ? frames.get(i)[3] : null, row.interception(), "interception of frame " + i);
            Message message = (Message) frames.get(i)[2];
            if (message == null) {
                assertNull(row.message(), "frame " + i + " completes no message");
            } else {
                assertEquals(message, row.message(), "message of frame " + i);
                assertEquals(message.invalidUtf8At(), row.message().invalidUtf8At());
            }
        }
    }

    @Test
    void theIndexReadsExactlyTheMessages() {
        List<Object[]> frames = variety();
        List<String> messages = new ArrayList<>();
        FrameBlock.readMessages(bodyOf(frames), (opcode, payload) -> messages.add(opcode + " " + dev.sockscope.core.Bytes.hex(payload)));
        List<String> expected = new ArrayList<>();
        for (Object[] f : frames) {
            Message m = (Message) f[2];
            if (m != null) {
                expected.add(m.opcode() + " " + dev.sockscope.core.Bytes.hex(m.payload()));
            }
        }
        assertEquals(expected, messages);
    }

    @Test
    void aDamagedBodyFailsAsDamagedAndNeverOtherwise() {
        byte[] body = bodyOf(variety());
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            byte[] damaged = body.clone();
            int cuts = 1 + random.nextInt(4);
            for (int c = 0; c < cuts; c++) {
                damaged[random.nextInt(damaged.length)] = (byte) random.nextInt(256);
            }
            if (random.nextInt(4) == 0) {
                damaged = java.util.Arrays.copyOf(damaged, random.nextInt(damaged.length));
            }
            try {
                FrameBlock.read(damaged);
                FrameBlock.readMessages(damaged, (o, p) -> { });
            } catch (DamagedBlockException expected) {
                // the only way a damaged body may fail
            }
        }
        assertThrows(DamagedBlockException.class, () -> FrameBlock.read(java.util.Arrays.copyOf(body, body.length - 1)));
        assertThrows(DamagedBlockException.class, () -> BlockCompression.decompress(BlockCompression.LZ4, new byte[] {1, 2, 3}, 100));
        assertThrows(DamagedBlockException.class, () -> BlockCompression.decompress(BlockCompression.LZ4, new byte[] {1}, 1 << 30));
        assertThrows(DamagedBlockException.class, () -> BlockCompression.decompress(7, body, body.length));
    }

    @Test
    void aBlockIsFullAtItsFrameOrByteLimit() {
        FrameBlock.Builder builder = new FrameBlock.Builder();
        for (int i = 0; i < FrameBlock.MAX_FRAMES - 1; i++) {
            builder.add(Leg.UPSTREAM, Frame.message(Direction.RECEIVE, Opcode.TEXT, utf8("x"), i), null, null);
        }
        assertEquals(false, builder.isFull());
        builder.add(Leg.UPSTREAM, Frame.message(Direction.RECEIVE, Opcode.TEXT, utf8("x"), 0), null, null);
        assertEquals(true, builder.isFull());
        builder.clear();
        builder.add(Leg.UPSTREAM, Frame.message(Direction.RECEIVE, Opcode.BINARY, new byte[FrameBlock.MAX_BYTES], 0), null, null);
        assertEquals(true, builder.isFull(), "one frame of the byte limit fills a block");
    }
}
