package dev.sockscope.codec;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 6455 frame parsing, sans-IO: feed it bytes as they arrive, get back the frames that are
 * complete, exactly as they were on the wire (FIN, RSV bits, opcode, mask, payload unmasked).
 * It keeps partial frames between calls and refuses what RFC 6455 forbids.
 */
public final class FrameParser {
    /** One frame as sent. {@code opcode} is the raw 4-bit value, reserved ones included. */
    public record WireFrame(boolean fin, int rsv, int opcode, boolean masked, byte[] payload) {
        public boolean isControl() {
            return opcode >= 0x8;
        }
    }

    private final long maxPayload;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    /** @param maxPayload frames claiming more are refused instead of buffered */
    public FrameParser(long maxPayload) {
        this.maxPayload = maxPayload;
    }

    /**
     * Adds bytes and returns every frame they complete, in order.
     *
     * @throws FrameException for a frame RFC 6455 forbids; the parser is then unusable
     */
    public List<WireFrame> feed(byte[] data, int offset, int length) {
        pending.write(data, offset, length);
        byte[] buffer = pending.toByteArray();
        List<WireFrame> frames = new ArrayList<>();
        int at = 0;
        while (true) {
            int consumed = parseOne(buffer, at, frames);
            if (consumed == 0) {
                break;
            }
            at += consumed;
        }
        pending.reset();
        pending.write(buffer, at, buffer.length - at);
        return frames;
    }

    /** Bytes held for a frame that has not fully arrived. */
    public int pendingBytes() {
        return pending.size();
    }

    /** Parses one frame at {@code at}; returns the bytes it took, or 0 if it is incomplete. */
    private int parseOne(byte[] b, int at, List<WireFrame> out) {
        int available = b.length - at;
        if (available < 2) {
            return 0;
        }
        int first = b[at] & 0xFF;
        int second = b[at + 1] & 0xFF;
        boolean fin = (first & 0x80) != 0;
        int rsv = (first >> 4) & 0x7;
        int opcode = first & 0x0F;
        boolean masked = (second & 0x80) != 0;
        long length = second & 0x7F;
        checkHeader(opcode, fin, length);
        int header = 2;
        if (length == 126) {
            if (available < 4) {
                return 0;
            }
            length = ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
            header = 4;
        } else if (length == 127) {
            if (available < 10) {
                return 0;
            }
            length = 0;
            for (int i = 0; i < 8; i++) {
                length = (length << 8) | (b[at + 2 + i] & 0xFF);
            }
            if (length < 0) {
                throw new FrameException("64-bit payload length with its most significant bit set");
            }
            header = 10;
        }
        if (length > maxPayload) {
            throw new FrameException("frame of " + length + " bytes exceeds the limit of " + maxPayload);
        }
        int maskAt = at + header;
        if (masked) {
            header += 4;
        }
        if (available < header + length) {
            return 0;
        }
        byte[] payload = new byte[(int) length];
        System.arraycopy(b, at + header, payload, 0, payload.length);
        if (masked) {
            for (int i = 0; i < payload.length; i++) {
                payload[i] ^= b[maskAt + (i & 3)];
            }
        }
        out.add(new WireFrame(fin, rsv, opcode, masked, payload));
        return header + payload.length;
    }

    /** What the first two bytes alone can prove wrong; a 7-bit length of 126 or 127 means "more than 125". */
    private static void checkHeader(int opcode, boolean fin, long length) {
        boolean known = opcode <= 0x2 || (opcode >= 0x8 && opcode <= 0xA);
        if (!known) {
            throw new FrameException("reserved opcode 0x" + Integer.toHexString(opcode));
        }
        if (opcode >= 0x8 && (length > 125 || !fin)) {
            throw new FrameException("control frame " + (fin ? "longer than 125 bytes" : "fragmented"));
        }
    }

    /** A frame that breaks RFC 6455. */
    public static final class FrameException extends RuntimeException {
        public FrameException(String message) {
            super(message);
        }
    }
}
