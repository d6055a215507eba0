package dev.sockscope.codec;

import java.io.ByteArrayOutputStream;
import java.util.function.IntPredicate;

/**
 * Follows frame boundaries in a byte stream without copying payloads, keeping whole only the
 * frames whose opcode the caller asks for. Cheap enough to run beside a WebSocket library on
 * every byte it reads, so that frames the library drops (a close reply arriving after it stopped
 * decoding) can still be seen.
 */
public final class FrameScanner {
    /** Receives each kept frame. */
    public interface Sink {
        void frame(FrameParser.WireFrame frame);
    }

    private final IntPredicate keep;
    private final Sink sink;
    private final byte[] header = new byte[14];
    private int headerFill;
    private int headerNeeded = 2;
    private long payloadLeft;
    private boolean collecting;
    private boolean broken;
    private final ByteArrayOutputStream payload = new ByteArrayOutputStream();
    private int opcode;
    private boolean fin;
    private int rsv;
    private boolean masked;

    public FrameScanner(IntPredicate keepOpcode, Sink sink) {
        this.keep = keepOpcode;
        this.sink = sink;
    }

    /** Scans bytes; after a malformed header it stops scanning (the library will report it). */
    public void scan(byte[] data, int offset, int length) {
        int at = offset;
        int end = offset + length;
        while (at < end && !broken) {
            if (payloadLeft > 0) {
                int take = (int) Math.min(payloadLeft, end - at);
                if (collecting) {
                    payload.write(data, at, take);
                }
                payloadLeft -= take;
                at += take;
                if (payloadLeft == 0) {
                    finishFrame();
                }
                continue;
            }
            header[headerFill++] = data[at++];
            if (headerFill == headerNeeded) {
                headerStep();
            }
        }
    }

    private void headerStep() {
        if (headerFill == 2) {
            int len = header[1] & 0x7F;
            masked = (header[1] & 0x80) != 0;
            headerNeeded = 2 + (len == 126 ? 2 : len == 127 ? 8 : 0) + (masked ? 4 : 0);
            if (headerNeeded > 2) {
                return;
            }
        }
        int len = header[1] & 0x7F;
        long length = len;
        if (len == 126) {
            length = ((header[2] & 0xFF) << 8) | (header[3] & 0xFF);
        } else if (len == 127) {
            length = 0;
            for (int i = 0; i < 8; i++) {
                length = (length << 8) | (header[2 + i] & 0xFF);
            }
            if (length < 0) {
                broken = true;
                return;
            }
        }
        fin = (header[0] & 0x80) != 0;
        rsv = (header[0] >> 4) & 0x7;
        opcode = header[0] & 0x0F;
        collecting = keep.test(opcode) && length <= 125;
        payload.reset();
        payloadLeft = length;
        if (length == 0) {
            finishFrame();
        }
    }

    private void finishFrame() {
        if (collecting) {
            byte[] bytes = payload.toByteArray();
            if (masked) {
                int maskAt = headerNeeded - 4;
                for (int i = 0; i < bytes.length; i++) {
                    bytes[i] ^= header[maskAt + (i & 3)];
                }
            }
            sink.frame(new FrameParser.WireFrame(fin, rsv, opcode, masked, bytes));
        }
        collecting = false;
        headerFill = 0;
        headerNeeded = 2;
    }
}
