package dev.sockscope.codec;

import dev.sockscope.core.Frame;
import dev.sockscope.core.Opcode;

/**
 * RFC 6455 frames as bytes: the header (with the shortest length encoding) and the payload,
 * masked when a key is given. A frame parsed from the wire is written back exactly as it came,
 * from its own header bytes, so what is relayed is what was received.
 */
public final class FrameEncoder {
    private FrameEncoder() {
    }

    /**
     * The header of a frame, 2 to 14 bytes.
     *
     * @param rsv the RSV bits as a number 0-7 (RSV1 is 4)
     * @param maskKey the 32-bit masking key, or -1 for an unmasked frame
     */
    public static byte[] header(boolean fin, int rsv, int opcode, long length, long maskKey) {
        int extra = length <= 125 ? 0 : length <= 0xFFFF ? 2 : 8;
        boolean masked = maskKey >= 0;
        byte[] h = new byte[2 + extra + (masked ? 4 : 0)];
        h[0] = (byte) ((fin ? 0x80 : 0) | ((rsv & 7) << 4) | (opcode & 0x0F));
        int lengthCode = extra == 0 ? (int) length : extra == 2 ? 126 : 127;
        h[1] = (byte) ((masked ? 0x80 : 0) | lengthCode);
        for (int i = 0; i < extra; i++) {
            h[2 + i] = (byte) (length >>> (8 * (extra - 1 - i)));
        }
        if (masked) {
            int at = 2 + extra;
            for (int i = 0; i < 4; i++) {
                h[at + i] = (byte) (maskKey >>> (8 * (3 - i)));
            }
        }
        return h;
    }

    /** A whole frame: header, then the payload masked with {@code maskKey} (or as it is, for -1). */
    public static byte[] encode(boolean fin, int rsv, Opcode opcode, byte[] payload, long maskKey) {
        return join(header(fin, rsv, opcode.code(), payload.length, maskKey), payload);
    }

    /**
     * The bytes a frame crossed the wire as: its own header when it was recorded (so the length
     * encoding and the mask key are the ones sent), else the shortest unmasked header.
     */
    public static byte[] wireBytes(Frame frame) {
        byte[] header = frame.header().length >= 2 ? frame.header()
                : header(frame.fin(), frame.rsv(), frame.opcode().code(), frame.size(), -1);
        return join(header, frame.payload());
    }

    /** The header followed by the payload, masked with the key at the header's end when its mask bit is set. */
    private static byte[] join(byte[] header, byte[] payload) {
        byte[] out = new byte[header.length + payload.length];
        System.arraycopy(header, 0, out, 0, header.length);
        System.arraycopy(payload, 0, out, header.length, payload.length);
        if ((header[1] & 0x80) != 0) {
            int key = header.length - 4;
            for (int i = 0; i < payload.length; i++) {
                out[header.length + i] ^= header[key + (i & 3)];
            }
        }
        return out;
    }
}
