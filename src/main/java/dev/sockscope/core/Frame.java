package dev.sockscope.core;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One WebSocket frame (or a whole message, for clients that deliver messages): payload bytes plus
 * opcode, always. Text is decoded on demand.
 *
 * @param timestampMicros microseconds since the epoch
 * @param rsv the three RSV bits as a number 0-7 (RSV1 is 4)
 */
public record Frame(Direction direction, Opcode opcode, boolean fin, int rsv, byte[] payload,
        long timestampMicros) {

    public Frame {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(opcode, "opcode");
        Objects.requireNonNull(payload, "payload");
        if (rsv < 0 || rsv > 7) {
            throw new IllegalArgumentException("rsv must be 0-7: " + rsv);
        }
    }

    public static Frame message(Direction direction, Opcode opcode, byte[] payload, long timestampMicros) {
        return new Frame(direction, opcode, true, 0, payload, timestampMicros);
    }

    public static Frame close(Direction direction, int code, String reason, long timestampMicros) {
        return message(direction, Opcode.CLOSE, closePayload(code, reason), timestampMicros);
    }

    public int size() {
        return payload.length;
    }

    /** The payload as UTF-8; invalid sequences show as U+FFFD rather than disappearing. */
    public String text() {
        return Utf8.decode(payload);
    }

    /** The close code of a close frame, or -1 when the frame carries none. */
    public int closeCode() {
        if (opcode != Opcode.CLOSE || payload.length < 2) {
            return -1;
        }
        return ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
    }

    /** The close reason of a close frame, empty when absent. */
    public String closeReason() {
        if (opcode != Opcode.CLOSE || payload.length <= 2) {
            return "";
        }
        return new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8);
    }

    static byte[] closePayload(int code, String reason) {
        if (code < 0 || code == 1005 || code == 1006) {
            // 1005 and 1006 mean "no code was sent": they never appear on the wire.
            return new byte[0];
        }
        byte[] why = reason == null ? new byte[0] : reason.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(2 + why.length).putShort((short) code).put(why).array();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Frame f && f.direction == direction && f.opcode == opcode && f.fin == fin
                && f.rsv == rsv && f.timestampMicros == timestampMicros
                && java.util.Arrays.equals(f.payload, payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(direction, opcode, fin, rsv, timestampMicros, java.util.Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        return "Frame[" + direction.wireName() + " " + opcode.label() + " " + payload.length + " B]";
    }
}
