package dev.sockscope.codec;

import dev.sockscope.core.Frame;
import dev.sockscope.core.Message;
import dev.sockscope.core.Opcode;
import dev.sockscope.core.Utf8;
import java.io.ByteArrayOutputStream;
import java.util.function.Consumer;
import java.util.zip.DataFormatException;

/**
 * Builds the messages of one direction from its frames, in wire order: a whole frame is its own
 * message (the same payload array, no copy), fragments are joined, compressed messages are
 * inflated. It checks what only a message can show: UTF-8 of text (failing fast, across
 * fragments), the payload of close frames, and the size of a message.
 *
 * <p>The frames it is given have passed {@link FrameParser}, so their sequence is legal.
 */
public final class MessageAssembler {
    private final long maxMessage;
    private final MessageInflater inflater;

    private ByteArrayOutputStream parts;
    private Opcode partsOpcode;
    private boolean partsCompressed;
    private int partsFrames;
    private Utf8.Validator utf8;

    /**
     * @param maxMessage a message longer than this (assembled or inflated) fails the connection with 1009
     * @param inflater inflates messages sent with RSV1, or null when permessage-deflate was not agreed
     */
    public MessageAssembler(long maxMessage, MessageInflater inflater) {
        this.maxMessage = maxMessage;
        this.inflater = inflater;
    }

    /**
     * Takes the next frame; returns the message it completes, or null when it does not complete
     * one. A problem goes to {@code violations}; a message with a problem is still returned when it
     * is complete (a text message with invalid UTF-8 is shown, with where it breaks).
     */
    public Message accept(Frame frame, Consumer<ProtocolViolation> violations) {
        Opcode opcode = frame.opcode();
        if (opcode.isControl()) {
            Message control = Message.of(frame);
            if (opcode == Opcode.CLOSE) {
                ProtocolViolation wrong = CloseFrames.check(frame.payload());
                if (wrong != null) {
                    violations.accept(wrong);
                }
            }
            return control;
        }
        if (opcode != Opcode.CONTINUATION && frame.fin() && !frame.rsv1()) {
            Message whole = Message.of(frame);
            if (whole.invalidUtf8At() >= 0) {
                violations.accept(invalidUtf8(whole.invalidUtf8At()));
            }
            return whole;
        }
        if (opcode != Opcode.CONTINUATION) {
            start(frame);
        }
        return addPart(frame, violations);
    }

    private void start(Frame first) {
        parts = new ByteArrayOutputStream(Math.max(256, first.size() * 2));
        partsOpcode = first.opcode();
        partsCompressed = first.rsv1();
        partsFrames = 0;
        utf8 = partsOpcode == Opcode.TEXT && !partsCompressed ? new Utf8.Validator() : null;
    }

    private Message addPart(Frame frame, Consumer<ProtocolViolation> violations) {
        if (parts == null) {
            // Cannot happen after FrameParser; a continuation with nothing to continue is a protocol error.
            violations.accept(ProtocolViolation.protocol("continuation frame without a message to continue"));
            return null;
        }
        if (parts.size() + (long) frame.size() > maxMessage) {
            violations.accept(tooBig());
            parts = null;
            return null;
        }
        parts.write(frame.payload(), 0, frame.size());
        partsFrames++;
        if (utf8 != null && !utf8.feed(frame.payload(), 0, frame.size())) {
            violations.accept(invalidUtf8(utf8.invalidAt()));
            parts = null;
            return null;
        }
        if (!frame.fin()) {
            return null;
        }
        byte[] payload = parts.toByteArray();
        parts = null;
        return finish(frame, payload, violations);
    }

    private Message finish(Frame last, byte[] assembled, Consumer<ProtocolViolation> violations) {
        byte[] payload = assembled;
        if (partsCompressed) {
            if (inflater == null) {
                violations.accept(ProtocolViolation.protocol("RSV1 set, but no extension was negotiated"));
                return null;
            }
            try {
                payload = inflater.inflate(assembled, maxMessage);
            } catch (MessageInflater.TooBig e) {
                violations.accept(tooBig());
                return null;
            } catch (DataFormatException e) {
                violations.accept(new ProtocolViolation(ProtocolViolation.INVALID_DATA, "compressed message does not inflate"));
                return null;
            }
        }
        int invalid = -1;
        if (partsOpcode == Opcode.TEXT && (partsCompressed || utf8 == null || !utf8.isComplete())) {
            invalid = Utf8.firstInvalid(payload);
        }
        Message message = new Message(last.direction(), partsOpcode, payload, last.timestampMicros(), partsFrames,
                partsCompressed, invalid);
        if (invalid >= 0) {
            violations.accept(invalidUtf8(invalid));
        }
        return message;
    }

    private ProtocolViolation tooBig() {
        return new ProtocolViolation(ProtocolViolation.TOO_BIG, "a message over the limit of " + maxMessage + " bytes");
    }

    private static ProtocolViolation invalidUtf8(long at) {
        return new ProtocolViolation(ProtocolViolation.INVALID_DATA, "invalid UTF-8 at byte " + at + " of a text message");
    }
}
