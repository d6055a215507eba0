package dev.sockscope.codec;

import dev.sockscope.core.Direction;
import dev.sockscope.core.Frame;
import dev.sockscope.core.Opcode;
import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * RFC 6455 frame parsing for one direction of one connection, sans-IO: feed it bytes as they
 * arrive, in pieces of any size, and it hands each complete frame to a sink exactly as it was on
 * the wire (header bytes with the mask key, FIN, RSV bits, opcode, payload unmasked).
 *
 * <p>It holds at most one frame's header and payload between calls (the payload array is sized
 * once from the header, never regrown, never larger than {@code maxPayload}), and copies each byte
 * once: feeding a large frame in small reads costs linear time. It tracks fragmentation, so a
 * continuation without a message, a new message inside a fragmented one, and RSV1 anywhere but on
 * the first frame of a compressed message are caught here.
 *
 * <p>What RFC 6455 forbids is reported, never thrown: the first {@link ProtocolViolation} goes to
 * the sink as soon as the header shows it, without waiting for a payload that may never come (a
 * 2^62-byte length, say). The connection is then being failed, but what the peer sends meanwhile
 * (its close reply, above all) is still worth showing: when the bad frame's length is known and
 * within the limit, its bytes are skipped and later frames are still reported, without the message
 * sequence checked and without further violations (a later frame whose header breaks a rule is
 * skipped the same way). When a length is not usable, nothing more is parsed.
 */
public final class FrameParser {
    /** Receives what the parser finds, in wire order, on the thread that feeds it. */
    public interface Sink {
        void frame(Frame frame);

        void violation(ProtocolViolation violation);
    }

    private final Direction direction;
    private final long maxPayload;
    private final boolean compressionNegotiated;
    private final LongSupplier clock;

    private final byte[] header = new byte[14];
    private int headerFill;
    private int headerNeeded = 2;
    private byte[] payload;
    private int payloadFill;
    /** A violation was reported: frames are still reported (unchecked), violations no more. */
    private boolean violated;
    /** The byte stream can no longer be followed: nothing more is parsed. */
    private boolean dead;
    /** The frame being read broke a rule: its bytes are skipped, not reported. */
    private boolean discardCurrent;
    /** Payload bytes of a discarded frame still to skip. */
    private long skipLeft;
    /** A fragmented text or binary message has begun and its final frame has not come. */
    private boolean inMessage;

    /**
     * @param direction who sent these bytes: {@code SEND} frames come from a client and must be
     *     masked, {@code RECEIVE} frames come from a server and must not be
     * @param maxPayload a frame claiming a longer payload fails the connection with 1009
     * @param compressionNegotiated permessage-deflate was agreed, so RSV1 may mark a compressed message
     * @param clock the timestamp (microseconds since the epoch) each frame gets when it completes
     */
    public FrameParser(Direction direction, long maxPayload, boolean compressionNegotiated, LongSupplier clock) {
        this.direction = direction;
        this.maxPayload = maxPayload;
        this.compressionNegotiated = compressionNegotiated;
        this.clock = clock;
    }

    /** Parses these bytes; complete frames and at most one violation go to {@code sink}. Never throws on any input. */
    public void feed(byte[] data, int offset, int length, Sink sink) {
        int at = offset;
        int end = offset + length;
        while (at < end && !dead) {
            if (skipLeft > 0) {
                int take = (int) Math.min(skipLeft, end - at);
                skipLeft -= take;
                at += take;
                if (skipLeft == 0) {
                    resetHeader();
                }
            } else if (payload == null) {
                int take = Math.min(headerNeeded - headerFill, end - at);
                System.arraycopy(data, at, header, headerFill, take);
                headerFill += take;
                at += take;
                if (headerFill == headerNeeded) {
                    headerStep(sink);
                }
            } else {
                int take = Math.min(payload.length - payloadFill, end - at);
                System.arraycopy(data, at, payload, payloadFill, take);
                payloadFill += take;
                at += take;
                if (payloadFill == payload.length) {
                    finish(sink);
                }
            }
        }
    }

    /** True once a violation was reported. */
    public boolean failed() {
        return violated;
    }

    /** True once the stream cannot be followed any more: nothing more will be parsed. */
    public boolean stopped() {
        return dead;
    }

    /** Bytes held for a frame that has not fully arrived. */
    public long pendingBytes() {
        return headerFill + (payload == null ? 0 : payload.length);
    }

    /** True between frames: no partial frame is held. */
    public boolean atFrameBoundary() {
        return headerFill == 0 && payload == null && skipLeft == 0;
    }

    private void headerStep(Sink sink) {
        if (headerNeeded == 2) {
            ProtocolViolation wrong = checkFirstBytes();
            if (wrong != null) {
                report(sink, wrong);
                discardCurrent = true;
            }
            int len = header[1] & 0x7F;
            boolean masked = (header[1] & 0x80) != 0;
            headerNeeded = 2 + (len == 126 ? 2 : len == 127 ? 8 : 0) + (masked ? 4 : 0);
            if (headerNeeded > 2) {
                return;
            }
        }
        long length = payloadLength();
        if (length < 0) {
            stop(sink, ProtocolViolation.protocol("64-bit payload length with its most significant bit set"));
            return;
        }
        if (length > maxPayload) {
            stop(sink, new ProtocolViolation(ProtocolViolation.TOO_BIG,
                    "a frame of " + length + " bytes is over the limit of " + maxPayload));
            return;
        }
        if (discardCurrent) {
            skipLeft = length;
            if (length == 0) {
                resetHeader();
            }
            return;
        }
        payload = new byte[(int) length];
        payloadFill = 0;
        if (length == 0) {
            finish(sink);
        }
    }

    /** What the first two bytes alone prove wrong, or null. */
    private ProtocolViolation checkFirstBytes() {
        int first = header[0] & 0xFF;
        boolean fin = (first & 0x80) != 0;
        int rsv = (first >> 4) & 0x7;
        int code = first & 0x0F;
        boolean masked = (header[1] & 0x80) != 0;
        int len = header[1] & 0x7F;
        if (!Opcode.isDefined(code)) {
            return ProtocolViolation.protocol("reserved opcode 0x" + Integer.toHexString(code));
        }
        Opcode opcode = Opcode.of(code);
        if (opcode.isControl() && !fin) {
            return ProtocolViolation.protocol("fragmented " + opcode.label() + " frame");
        }
        if (opcode.isControl() && len > 125) {
            return ProtocolViolation.protocol(opcode.label() + " frame longer than 125 bytes");
        }
        if (masked != (direction == Direction.SEND)) {
            return ProtocolViolation.protocol(direction == Direction.SEND ? "unmasked frame from the client"
                    : "masked frame from the server");
        }
        ProtocolViolation rsvProblem = checkRsv(opcode, rsv);
        if (rsvProblem != null || violated) {
            // After a violation the message sequence means nothing any more: it is not checked.
            return rsvProblem;
        }
        return checkSequence(opcode, fin);
    }

    private ProtocolViolation checkRsv(Opcode opcode, int rsv) {
        if ((rsv & 3) != 0) {
            return ProtocolViolation.protocol("RSV" + ((rsv & 2) != 0 ? 2 : 3) + " set, but no extension defines it");
        }
        if ((rsv & 4) != 0 && !compressionNegotiated) {
            return ProtocolViolation.protocol("RSV1 set, but no extension was negotiated");
        }
        if ((rsv & 4) != 0 && !opcode.startsMessage()) {
            return ProtocolViolation.protocol("RSV1 set on a " + opcode.label() + " frame");
        }
        return null;
    }

    private ProtocolViolation checkSequence(Opcode opcode, boolean fin) {
        if (opcode == Opcode.CONTINUATION) {
            if (!inMessage) {
                return ProtocolViolation.protocol("continuation frame without a message to continue");
            }
            inMessage = !fin;
        } else if (opcode.startsMessage()) {
            if (inMessage) {
                return ProtocolViolation.protocol("a new " + opcode.label() + " message began inside a fragmented one");
            }
            inMessage = !fin;
        }
        return null;
    }

    private long payloadLength() {
        int len = header[1] & 0x7F;
        if (len == 126) {
            return ((header[2] & 0xFF) << 8) | (header[3] & 0xFF);
        }
        if (len == 127) {
            long length = 0;
            for (int i = 0; i < 8; i++) {
                length = (length << 8) | (header[2 + i] & 0xFF);
            }
            return length;
        }
        return len;
    }

    private void finish(Sink sink) {
        byte[] bytes = payload;
        byte[] wireHeader = Arrays.copyOf(header, headerNeeded);
        payload = null;
        resetHeader();
        if ((wireHeader[1] & 0x80) != 0) {
            int maskAt = wireHeader.length - 4;
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] ^= wireHeader[maskAt + (i & 3)];
            }
        }
        int first = wireHeader[0] & 0xFF;
        sink.frame(new Frame(direction, Opcode.of(first & 0x0F), (first & 0x80) != 0, (first >> 4) & 0x7, bytes,
                clock.getAsLong(), wireHeader));
    }

    private void resetHeader() {
        headerFill = 0;
        headerNeeded = 2;
        discardCurrent = false;
    }

    /** Reports the first violation; later ones are only skipped. */
    private void report(Sink sink, ProtocolViolation violation) {
        if (!violated) {
            violated = true;
            sink.violation(violation);
        }
    }

    /** A violation after which the stream cannot be followed: report it (if first) and parse no more. */
    private void stop(Sink sink, ProtocolViolation violation) {
        report(sink, violation);
        dead = true;
        payload = null;
    }
}
