package dev.sockscope.core;

import java.util.Objects;

/**
 * A WebSocket message as the application sees it: assembled from its frames and inflated when
 * permessage-deflate compressed it. Control frames are messages of one frame. What the log's
 * message view shows, and what search and export work on; {@link Frame} is what crossed the wire.
 *
 * @param timestampMicros when its last frame arrived
 * @param frames how many wire frames carried it (1 unless fragmented)
 * @param compressed true when it was sent compressed (RSV1 on its first frame)
 * @param invalidUtf8At for a text message that is not valid UTF-8, the offset of the first invalid
 *     sequence; -1 otherwise
 */
public record Message(Direction direction, Opcode opcode, byte[] payload, long timestampMicros, int frames,
        boolean compressed, int invalidUtf8At) {

    public Message {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(opcode, "opcode");
        Objects.requireNonNull(payload, "payload");
        if (opcode == Opcode.CONTINUATION) {
            throw new IllegalArgumentException("a message is text, binary or a control frame, never a continuation");
        }
    }

    /** The message a whole, uncompressed frame carries: the same payload array, not a copy. */
    public static Message of(Frame frame) {
        int invalid = frame.opcode() == Opcode.TEXT ? Utf8.firstInvalid(frame.payload()) : -1;
        return new Message(frame.direction(), frame.opcode(), frame.payload(), frame.timestampMicros(), 1, false, invalid);
    }

    /** True when this message is exactly its one frame's payload: one frame, not compressed. */
    public boolean isWholeFrame() {
        return frames == 1 && !compressed;
    }

    public int size() {
        return payload.length;
    }

    public String text() {
        return Utf8.decode(payload);
    }

    /** The close code of a close message, or -1 when it carries none. */
    public int closeCode() {
        return opcode == Opcode.CLOSE ? Frame.closeCodeOf(payload) : -1;
    }

    /** The close reason of a close message, empty when absent. */
    public String closeReason() {
        return opcode == Opcode.CLOSE ? Frame.closeReasonOf(payload) : "";
    }

    /** The message as one frame (FIN, no RSV bits), for views that show frames. */
    public Frame asFrame() {
        return new Frame(direction, opcode, true, 0, payload, timestampMicros);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Message m && m.direction == direction && m.opcode == opcode && m.timestampMicros == timestampMicros
                && m.frames == frames && m.compressed == compressed && m.invalidUtf8At == invalidUtf8At
                && java.util.Arrays.equals(m.payload, payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(direction, opcode, timestampMicros, frames, compressed, invalidUtf8At,
                java.util.Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        return "Message[" + direction.wireName() + " " + opcode.label() + " " + payload.length + " B in " + frames + " frame"
                + (frames == 1 ? "" : "s") + (compressed ? ", compressed" : "") + "]";
    }
}
