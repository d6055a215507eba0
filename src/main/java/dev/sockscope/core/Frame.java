package dev.sockscope.core;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One WebSocket frame as it crossed the wire: FIN, RSV bits, opcode, the header bytes as sent
 * (length encoding and mask key included) and the payload, unmasked. Payloads are bytes plus
 * opcode, always; text is decoded on demand. A frame is not a message: a fragmented message is
 * several frames, and a compressed one is inflated only in its {@link Message}.
 *
 * @param timestampMicros microseconds since the epoch
 * @param rsv the three RSV bits as a number 0-7 (RSV1 is 4)
 * @param header the frame's header as sent, 2 to 14 bytes; empty when not known (frames recorded
 *     before headers were kept, or imported), in which case the canonical unmasked header applies
 */
public record Frame(Direction direction, Opcode opcode, boolean fin, int rsv, byte[] payload,
        long timestampMicros, byte[] header) {
    private static final byte[] NO_HEADER = new byte[0];

    public Frame {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(opcode, "opcode");
        Objects.requireNonNull(payload, "payload");
        if (rsv < 0 || rsv > 7) {
            throw new IllegalArgumentException("rsv must be 0-7: " + rsv);
        }
        header = header == null ? NO_HEADER : header;
    }

    /** A frame whose header bytes are not known. */
    public Frame(Direction direction, Opcode opcode, boolean fin, int rsv, byte[] payload, long timestampMicros) {
        this(direction, opcode, fin, rsv, payload, timestampMicros, NO_HEADER);
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

    /** True when the frame was masked on the wire (as every frame a client sends must be). */
    public boolean masked() {
        return header.length >= 2 && (header[1] & 0x80) != 0;
    }

    /** The masking key as sent, or -1 when the frame was not masked (or its header is not known). */
    public long maskKey() {
        if (!masked() || header.length < 6) {
            return -1;
        }
        int at = header.length - 4;
        return ((header[at] & 0xFFL) << 24) | ((header[at + 1] & 0xFFL) << 16) | ((header[at + 2] & 0xFFL) << 8)
                | (header[at + 3] & 0xFFL);
    }

    public boolean rsv1() {
        return (rsv & 4) != 0;
    }

    public boolean rsv2() {
        return (rsv & 2) != 0;
    }

    public boolean rsv3() {
        return (rsv & 1) != 0;
    }

    /** The same frame with its header as sent. */
    public Frame withHeader(byte[] wireHeader) {
        return new Frame(direction, opcode, fin, rsv, payload, timestampMicros, wireHeader);
    }

    /** The payload as UTF-8; invalid sequences show as U+FFFD rather than disappearing. */
    public String text() {
        return Utf8.decode(payload);
    }

    /** The close code of a close frame, or -1 when the frame carries none. */
    public int closeCode() {
        return opcode == Opcode.CLOSE ? closeCodeOf(payload) : -1;
    }

    /** The close reason of a close frame, empty when absent. */
    public String closeReason() {
        return opcode == Opcode.CLOSE ? closeReasonOf(payload) : "";
    }

    /** The code in a close payload, or -1 when it has none (fewer than two bytes). */
    static int closeCodeOf(byte[] payload) {
        return payload.length < 2 ? -1 : ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
    }

    /** The reason in a close payload (invalid UTF-8 shown as U+FFFD), empty when absent. */
    static String closeReasonOf(byte[] payload) {
        return payload.length <= 2 ? "" : new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8);
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
                && java.util.Arrays.equals(f.payload, payload) && java.util.Arrays.equals(f.header, header);
    }

    @Override
    public int hashCode() {
        return Objects.hash(direction, opcode, fin, rsv, timestampMicros, java.util.Arrays.hashCode(payload),
                java.util.Arrays.hashCode(header));
    }

    @Override
    public String toString() {
        return "Frame[" + direction.wireName() + " " + opcode.label() + (fin ? "" : " (not final)")
                + (rsv == 0 ? "" : " rsv=" + rsv) + " " + payload.length + " B]";
    }
}
