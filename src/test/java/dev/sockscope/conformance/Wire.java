package dev.sockscope.conformance;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Frames as the fuzzing peer writes them (a server's: unmasked), byte for byte. */
final class Wire {
    static final int CONTINUATION = 0;
    static final int TEXT = 1;
    static final int BINARY = 2;
    static final int CLOSE = 8;
    static final int PING = 9;
    static final int PONG = 10;

    private Wire() {
    }

    static byte[] frame(int opcode, byte[] payload, boolean fin, int rsv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + 10);
        out.write((fin ? 0x80 : 0) | (rsv & 7) << 4 | opcode & 0x0F);
        if (payload.length < 126) {
            out.write(payload.length);
        } else if (payload.length <= 0xFFFF) {
            out.write(126);
            out.write(payload.length >>> 8);
            out.write(payload.length);
        } else {
            out.write(127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) ((long) payload.length >>> shift));
            }
        }
        out.write(payload, 0, payload.length);
        return out.toByteArray();
    }

    static byte[] frame(int opcode, byte[] payload) {
        return frame(opcode, payload, true, 0);
    }

    static byte[] closePayload(int code, String reason) {
        byte[] text = reason.getBytes(StandardCharsets.UTF_8);
        byte[] payload = new byte[2 + text.length];
        payload[0] = (byte) (code >>> 8);
        payload[1] = (byte) code;
        System.arraycopy(text, 0, payload, 2, text.length);
        return payload;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] repeat(int value, int count) {
        byte[] bytes = new byte[count];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
