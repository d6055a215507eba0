package dev.sockscope.store;

import dev.sockscope.codec.FrameEncoder;
import dev.sockscope.core.Direction;
import dev.sockscope.core.Frame;
import dev.sockscope.core.Interception;
import dev.sockscope.core.Leg;
import dev.sockscope.core.Message;
import dev.sockscope.core.Opcode;
import dev.sockscope.core.Utf8;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How consecutive wire frames of one connection are kept together in one stored block (a row of
 * the block table), before compression. Storing a block instead of a row per frame is what lets
 * the recorder keep up with the wire (see ADR 0005). The body is:
 *
 * <pre>
 *   varint        number of frames
 *   signed varint the first frame's time, microseconds since the epoch
 *   per frame, its description:
 *     byte   flags: bit 0 received (else sent), bit 1 FIN, bit 2 crossed the app's leg (else upstream),
 *            bits 3-4 the message: 0 the frame is the whole message, 1 it completes none (a fragment),
 *                     2 it completes a message of its own (described below);
 *            bits 5-6 the header: 0 not known, 1 the shortest unmasked one, 2 the shortest masked one
 *                     (its 4-byte key follows), 3 as sent (a length byte and the bytes follow);
 *            bit 7  interception: what the proxy's rules or its user did (see below)
 *     byte   opcode in the low 4 bits, RSV in the next 3
 *     with bit 7: varint interception flags ({@link Interception}), varint length and the UTF-8 of its note
 *     signed varint  time since the previous frame, microseconds
 *     varint payload length
 *     the header's key or bytes, as bits 5-6 say
 *     for a message of its own: byte opcode (+16 when it was compressed), varint frames, varint length
 *   then every payload in order: each frame's, followed by its own message's when it has one
 * </pre>
 *
 * Canonical headers (every frame a server sends, nearly) take no bytes; a client's masked frame
 * takes its 4-byte key. A fragmented or compressed message is stored as its frames, as they
 * crossed the wire, plus the message on the frame that completes it.
 */
final class FrameBlock {
    /** A block is written when it holds this many frames... */
    static final int MAX_FRAMES = 1024;
    /** ...or this many payload bytes (a larger frame gets a block of its own). */
    static final int MAX_BYTES = 256 * 1024;

    private static final int RECEIVED = 1;
    private static final int FIN = 2;
    private static final int CLIENT_LEG = 4;
    private static final int MESSAGE_SHIFT = 3;
    private static final int WHOLE = 0;
    private static final int NONE = 1;
    private static final int OWN = 2;
    private static final int HEADER_SHIFT = 5;
    private static final int HEADER_UNKNOWN = 0;
    private static final int HEADER_PLAIN = 1;
    private static final int HEADER_MASKED = 2;
    private static final int HEADER_VERBATIM = 3;
    private static final int EXTENDED = 0x80;
    private static final int COMPRESSED = 16;

    /** A frame read back: as it crossed the wire, the message it completes (or null), its leg, its interception (or null). */
    record Row(Frame frame, Message message, Leg leg, Interception interception) {
    }

    private FrameBlock() {
    }

    /** Collects frames into one block's body; reused from block to block. */
    static final class Builder {
        // Small at first: a connection that sends little keeps little; they grow to a block's size.
        private final ByteBuilder meta = new ByteBuilder(256);
        private final ByteBuilder payloads = new ByteBuilder(1024);
        private int frames;
        private int messages;
        private long bytes;
        private long firstMicros;
        private long lastMicros;
        private long minMicros;
        private long maxMicros;

        int frames() {
            return frames;
        }

        int messages() {
            return messages;
        }

        /** The payload bytes of its frames (what the sessions list sums). */
        long bytes() {
            return bytes;
        }

        /** The earliest and latest time of its frames (times need not grow: two legs, a clock step). */
        long minMicros() {
            return minMicros;
        }

        long maxMicros() {
            return maxMicros;
        }

        boolean isEmpty() {
            return frames == 0;
        }

        /** True when no more frames should go in: {@link #MAX_FRAMES} or {@link #MAX_BYTES} reached. */
        boolean isFull() {
            return frames >= MAX_FRAMES || payloads.size() >= MAX_BYTES;
        }

        /** What the block holds in memory now. */
        int buffered() {
            return meta.size() + payloads.size();
        }

        /** Adds a frame that is a whole message by itself (an imported message). */
        void addWhole(Leg leg, Frame frame) {
            add(leg, frame, null, WHOLE, null);
        }

        /**
         * Adds a frame.
         *
         * @param message the message the frame completes, or null when it completes none
         */
        void add(Leg leg, Frame frame, Message message, Interception interception) {
            add(leg, frame, message, message == null ? NONE : isFramePayload(frame, message) ? WHOLE : OWN, interception);
        }

        private void add(Leg leg, Frame frame, Message message, int kind, Interception interception) {
            long previous = frames == 0 ? frame.timestampMicros() : lastMicros;
            if (frames == 0) {
                firstMicros = frame.timestampMicros();
                minMicros = firstMicros;
                maxMicros = firstMicros;
            }
            minMicros = Math.min(minMicros, frame.timestampMicros());
            maxMicros = Math.max(maxMicros, frame.timestampMicros());
            byte[] header = frame.header();
            int headerMode = headerMode(frame);
            meta.write((frame.direction() == Direction.RECEIVE ? RECEIVED : 0) | (frame.fin() ? FIN : 0)
                    | (leg == Leg.CLIENT ? CLIENT_LEG : 0) | kind << MESSAGE_SHIFT | headerMode << HEADER_SHIFT
                    | (interception != null ? EXTENDED : 0));
            meta.write(frame.opcode().code() | frame.rsv() << 4);
            if (interception != null) {
                byte[] note = interception.note().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                meta.writeVarint(interception.flags());
                meta.writeVarint(note.length);
                meta.write(note);
            }
            meta.writeSigned(frame.timestampMicros() - previous);
            meta.writeVarint(frame.size());
            if (headerMode == HEADER_MASKED) {
                meta.write(header, header.length - 4, 4);
            } else if (headerMode == HEADER_VERBATIM) {
                meta.write(header.length);
                meta.write(header);
            }
            payloads.write(frame.payload());
            if (kind == OWN) {
                meta.write(message.opcode().code() | (message.compressed() ? COMPRESSED : 0));
                meta.writeVarint(message.frames());
                meta.writeVarint(message.size());
                payloads.write(message.payload());
            }
            frames++;
            messages += kind == NONE ? 0 : 1;
            bytes += frame.size();
            lastMicros = frame.timestampMicros();
        }

        /** The body of the block as it stands, uncompressed. */
        byte[] body() {
            ByteBuilder out = new ByteBuilder(meta.size() + payloads.size() + 16);
            out.writeVarint(frames);
            out.writeSigned(firstMicros);
            out.write(meta.array(), 0, meta.size());
            out.write(payloads.array(), 0, payloads.size());
            return out.array().length == out.size() ? out.array() : out.toArray();
        }

        /** Empties the builder for the next block, keeping its arrays: for a connection that is busy. */
        void clear() {
            clear(false);
        }

        /**
         * Empties the builder for the next block; with {@code release}, gives back arrays grown for
         * a full block, so a connection that fell quiet keeps a few KiB instead of half a MiB.
         */
        void clear(boolean release) {
            meta.clear(release ? 4096 : MAX_FRAMES * 32);
            payloads.clear(release ? 16 * 1024 : 2 * MAX_BYTES);
            frames = 0;
            messages = 0;
            bytes = 0;
        }
    }

    /** True when the message is the frame itself: same opcode, same bytes, one frame, not compressed. */
    static boolean isFramePayload(Frame frame, Message message) {
        return message.isWholeFrame() && message.opcode() == frame.opcode()
                && (message.payload() == frame.payload() || Arrays.equals(message.payload(), frame.payload()));
    }

    private static int headerMode(Frame frame) {
        byte[] header = frame.header();
        if (header.length == 0) {
            return HEADER_UNKNOWN;
        }
        byte[] canonical = FrameEncoder.header(frame.fin(), frame.rsv(), frame.opcode().code(), frame.size(), frame.maskKey());
        if (!Arrays.equals(canonical, header)) {
            return HEADER_VERBATIM;
        }
        return frame.masked() ? HEADER_MASKED : HEADER_PLAIN;
    }

    /** Receives the messages of a block, for indexing: opcode and payload, nothing decoded or checked. */
    @FunctionalInterface
    interface MessageSink {
        void message(Opcode opcode, byte[] payload);
    }

    /**
     * Reads a body back, every frame with its message.
     *
     * @throws DamagedBlockException when the body is not one this class wrote
     */
    static List<Row> read(byte[] body) {
        ByteReader in = new ByteReader(body, 0, body.length);
        Layout layout = new Layout(in, body.length, true);
        List<Row> rows = new ArrayList<>(layout.count);
        for (int i = 0; i < layout.count; i++) {
            rows.add(row(in, layout, i));
        }
        layout.checkEnd(in);
        return rows;
    }

    /**
     * Reads only the messages of a body, for the search index: no frame, header or message object
     * is made and no text is checked for UTF-8.
     *
     * @throws DamagedBlockException when the body is not one this class wrote
     */
    static void readMessages(byte[] body, MessageSink sink) {
        ByteReader in = new ByteReader(body, 0, body.length);
        Layout layout = new Layout(in, body.length, false);
        for (int i = 0; i < layout.count; i++) {
            int kind = layout.flags[i] >>> MESSAGE_SHIFT & 3;
            if (kind == WHOLE) {
                sink.message(opcode(layout.opcodes[i] & 0x0F), in.read(layout.sizes[i]));
            } else {
                in.skip(layout.sizes[i]);
                if (kind == OWN) {
                    sink.message(opcode(layout.own[i * 3] & 0x0F), in.read(layout.own[i * 3 + 2]));
                }
            }
        }
        layout.checkEnd(in);
    }

    /** The descriptions at the start of a body, read into arrays; the reader is left at the payloads. */
    private static final class Layout {
        final int count;
        final int[] flags;
        final int[] opcodes;
        final long[] times;
        final int[] sizes;
        final byte[][] headers;
        /** Per frame with a message of its own: opcode byte, frames, length. */
        final int[] own;
        final Interception[] interceptions;

        Layout(ByteReader in, int bodyLength, boolean withHeaders) {
            count = in.readLength(bodyLength);
            long time = in.readSigned();
            flags = new int[count];
            opcodes = new int[count];
            times = new long[count];
            sizes = new int[count];
            headers = new byte[count][];
            own = new int[count * 3];
            interceptions = new Interception[count];
            for (int i = 0; i < count; i++) {
                flags[i] = in.read();
                opcodes[i] = in.read();
                if ((flags[i] & EXTENDED) != 0) {
                    int interceptionFlags = (int) in.readVarint();
                    byte[] note = in.read(in.readLength(bodyLength));
                    interceptions[i] = new Interception(interceptionFlags, new String(note, java.nio.charset.StandardCharsets.UTF_8));
                }
                time += in.readSigned();
                times[i] = time;
                sizes[i] = in.readLength(bodyLength);
                int headerMode = flags[i] >>> HEADER_SHIFT & 3;
                long maskKey = headerMode == HEADER_MASKED ? in.readInt() & 0xFFFFFFFFL : -1;
                byte[] verbatim = headerMode == HEADER_VERBATIM ? in.read(in.read()) : null;
                if (withHeaders) {
                    headers[i] = switch (headerMode) {
                        case HEADER_PLAIN, HEADER_MASKED -> FrameEncoder.header((flags[i] & FIN) != 0, opcodes[i] >>> 4 & 7,
                                opcodes[i] & 0x0F, sizes[i], maskKey);
                        case HEADER_VERBATIM -> verbatim;
                        default -> null;
                    };
                }
                if ((flags[i] >>> MESSAGE_SHIFT & 3) == OWN) {
                    own[i * 3] = in.read();
                    own[i * 3 + 1] = in.readLength(Integer.MAX_VALUE);
                    own[i * 3 + 2] = in.readLength(bodyLength);
                }
            }
        }

        void checkEnd(ByteReader in) {
            if (in.remaining() != 0) {
                throw new DamagedBlockException(in.remaining() + " bytes left over after its last frame");
            }
        }
    }

    private static Row row(ByteReader in, Layout layout, int i) {
        int flags = layout.flags[i];
        int opcodeByte = layout.opcodes[i];
        long time = layout.times[i];
        int[] own = layout.own;
        Interception interception = layout.interceptions[i];
        byte[] header = layout.headers[i];
        int size = layout.sizes[i];
        Direction direction = (flags & RECEIVED) != 0 ? Direction.RECEIVE : Direction.SEND;
        Frame frame = new Frame(direction, opcode(opcodeByte & 0x0F), (flags & FIN) != 0, opcodeByte >>> 4 & 7, in.read(size),
                time, header);
        Leg leg = (flags & CLIENT_LEG) != 0 ? Leg.CLIENT : Leg.UPSTREAM;
        int kind = flags >>> MESSAGE_SHIFT & 3;
        if (kind == WHOLE) {
            if (frame.opcode() == Opcode.CONTINUATION) {
                throw new DamagedBlockException("a continuation frame stored as a whole message");
            }
            return new Row(frame, Message.of(frame), leg, interception);
        }
        if (kind == NONE) {
            return new Row(frame, null, leg, interception);
        }
        Opcode opcode = opcode(own[i * 3] & 0x0F);
        if (opcode == Opcode.CONTINUATION) {
            throw new DamagedBlockException("a message stored with the continuation opcode");
        }
        byte[] payload = in.read(own[i * 3 + 2]);
        int invalid = opcode == Opcode.TEXT ? Utf8.firstInvalid(payload) : -1;
        return new Row(frame, new Message(direction, opcode, payload, time, Math.max(1, own[i * 3 + 1]),
                (own[i * 3] & COMPRESSED) != 0, invalid), leg, interception);
    }

    private static Opcode opcode(int code) {
        if (!Opcode.isDefined(code)) {
            throw new DamagedBlockException("an undefined opcode " + code);
        }
        return Opcode.of(code);
    }
}
