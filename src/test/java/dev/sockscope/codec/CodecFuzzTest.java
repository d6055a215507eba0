package dev.sockscope.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockscope.core.Direction;
import dev.sockscope.core.Frame;
import dev.sockscope.core.Message;
import dev.sockscope.core.Opcode;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random and mutated byte streams through the decoder, bounded so the suite stays fast: whatever
 * the bytes, it never throws, never holds more than the frame limit, and reports the same frames,
 * messages and violation however the stream is cut into reads.
 */
class CodecFuzzTest {
    private static final int MAX = 4096;
    private static final WireDecoder.Settings SETTINGS = new WireDecoder.Settings(MAX, 3 * MAX,
            new PerMessageDeflate(false, false, 15, 15));

    @Test
    void randomAndMutatedStreamsNeverThrowAndDoNotDependOnReadBoundaries() {
        Random random = new Random(6455);
        for (int round = 0; round < 40_000; round++) {
            byte[] stream = round % 2 == 0 ? validStream(random) : new byte[random.nextInt(600)];
            if (round % 2 == 1) {
                random.nextBytes(stream);
            } else {
                mutate(stream, random);
            }
            Direction direction = round % 3 == 0 ? Direction.SEND : Direction.RECEIVE;
            String whole = decode(stream, direction, new int[] {stream.length});
            String pieces = decode(stream, direction, randomCuts(stream.length, random));
            assertEquals(whole, pieces, "round " + round);
        }
    }

    private static String decode(byte[] stream, Direction direction, int[] cuts) {
        WireDecoder decoder = new WireDecoder(direction, SETTINGS, () -> 0);
        List<String> seen = new ArrayList<>();
        WireDecoder.Listener listener = new WireDecoder.Listener() {
            @Override
            public void frame(Frame frame, Message completes) {
                seen.add(frame.toString() + (completes == null ? "" : " -> " + completes));
            }

            @Override
            public void violation(ProtocolViolation violation) {
                seen.add(violation.toString());
            }
        };
        int at = 0;
        for (int cut : cuts) {
            decoder.feed(stream, at, cut, listener);
            at += cut;
            assertTrue(decoder.pendingBytes() <= MAX + 14, "holds at most one frame: " + decoder.pendingBytes());
        }
        decoder.close();
        return String.join("\n", seen);
    }

    private static int[] randomCuts(int length, Random random) {
        List<Integer> cuts = new ArrayList<>();
        int left = length;
        while (left > 0) {
            int cut = Math.min(left, 1 + random.nextInt(40));
            cuts.add(cut);
            left -= cut;
        }
        return cuts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** A few frames as a server sends them: data, fragments, control frames, some compressed. */
    private static byte[] validStream(Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int frames = 1 + random.nextInt(6);
        for (int i = 0; i < frames; i++) {
            int kind = random.nextInt(5);
            byte[] payload = new byte[kind >= 3 ? random.nextInt(126) : random.nextInt(300)];
            random.nextBytes(payload);
            if (kind == 0) {
                byte[] text = ("message " + i).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                out.writeBytes(FrameEncoder.encode(true, 0, Opcode.TEXT, text, -1));
            } else if (kind == 1) {
                out.writeBytes(FrameEncoder.encode(false, 0, Opcode.BINARY, payload, -1));
                out.writeBytes(FrameEncoder.encode(true, 0, Opcode.CONTINUATION, payload, -1));
            } else if (kind == 2) {
                out.writeBytes(WireDecoderTest.compressedFrame("compressed " + i));
            } else {
                out.writeBytes(FrameEncoder.encode(true, 0, kind == 3 ? Opcode.PING : Opcode.PONG, payload, -1));
            }
        }
        return out.toByteArray();
    }

    private static void mutate(byte[] stream, Random random) {
        int flips = random.nextInt(3);
        for (int i = 0; i < flips && stream.length > 0; i++) {
            stream[random.nextInt(stream.length)] ^= (byte) (1 << random.nextInt(8));
        }
    }
}
