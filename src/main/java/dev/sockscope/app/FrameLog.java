package dev.sockscope.app;

import dev.sockscope.core.Direction;
import dev.sockscope.core.Frame;
import dev.sockscope.core.Message;
import dev.sockscope.core.Opcode;
import dev.sockscope.core.Utf8;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The wire frames of one connection, packed, each with whether it completes a message: header
 * bytes and payloads back to back in 1 MiB chunks, and per frame a few primitives. No object per
 * frame is kept, so a million 100-byte messages cost about 120 MB instead of several hundred;
 * rows are materialised only when a view asks for them.
 *
 * <p>Nearly every frame is a whole message by itself, and then the message is the frame. Only a
 * message that differs from its last frame (assembled from fragments, inflated) is kept as an
 * object beside it; a fragment that does not end a message is marked as not a message. So the
 * log's message view is the frame view minus those fragments, with those few messages swapped in.
 *
 * <p>It is bounded: past {@code maxFrames} frames or {@code maxBytes} of payload the oldest
 * quarter is let go (it stays in the recording, where search finds it). Positions are never
 * reused: frame {@code i} is always the i-th appended; {@link #firstRetained()} says where the
 * frames still held begin.
 *
 * <p>One thread appends at a time (the connection's threads, through the event channel); any
 * thread reads. All access is synchronized: both sides hold the lock for well under a microsecond.
 */
public final class FrameLog {
    private static final int CHUNK = 1 << 20;
    private static final int DEFAULT_MAX_FRAMES = 2_000_000;
    private static final long DEFAULT_MAX_BYTES = 256L << 20;
    private static final int OPCODE_MASK = 0x0F;
    private static final int HEADER_SHIFT = 4;
    private static final int RSV_SHIFT = 8;
    private static final int FIN_BIT = 1 << 11;
    private static final int RECEIVE_BIT = 1 << 12;
    private static final int NOT_A_MESSAGE_BIT = 1 << 13;
    private static final int OWN_MESSAGE_BIT = 1 << 14;

    private final int maxFrames;
    private final long maxBytes;
    private int base;
    private long retainedBytes;

    private byte[][] chunks = new byte[4][];
    private int chunkCount;
    private int chunkFill = CHUNK;
    private long[] timestamps = new long[1024];
    private long[] positions = new long[1024];
    private int[] lengths = new int[1024];
    private int[] flags = new int[1024];
    private int size;
    /** The messages that are not simply their frame, by position. */
    private final Map<Integer, Message> ownMessages = new HashMap<>();
    /** What interception did, by position: only the few frames it touched. */
    private final Map<Integer, dev.sockscope.core.Interception> interceptions = new HashMap<>();
    /** Frames appended whose message view differs (a fragment, or an assembled message). */
    private int differing;
    private final long[] counts = new long[2];
    private final long[] bytes = new long[2];

    public FrameLog() {
        this(DEFAULT_MAX_FRAMES, DEFAULT_MAX_BYTES);
    }

    public FrameLog(int maxFrames, long maxBytes) {
        this.maxFrames = maxFrames;
        this.maxBytes = maxBytes;
    }

    /** A whole frame that is its own message. */
    public synchronized void append(Frame frame) {
        append(frame, Message.of(frame));
    }

    /** A frame, the message it completes (or null), and what interception did with it (or null). */
    public synchronized void append(Frame frame, Message completes, dev.sockscope.core.Interception interception) {
        if (interception != null) {
            interceptions.put(base + size, interception);
        }
        append(frame, completes);
    }

    /** What interception did with the frame at {@code index}, or null (nothing, or no longer held). */
    public synchronized dev.sockscope.core.Interception interception(int index) {
        return interceptions.isEmpty() ? null : interceptions.get(index);
    }

    /** A frame and the message it completes, or null when it completes none (a fragment). */
    public synchronized void append(Frame frame, Message completes) {
        ensureRowCapacity();
        byte[] payload = frame.payload();
        byte[] header = frame.header();
        positions[size] = store(header, payload);
        lengths[size] = payload.length;
        timestamps[size] = frame.timestampMicros();
        int f = encode(frame);
        if (completes == null) {
            f |= NOT_A_MESSAGE_BIT;
            differing++;
        } else if (completes.payload() != payload || completes.opcode() != frame.opcode()) {
            f |= OWN_MESSAGE_BIT;
            ownMessages.put(base + size, completes);
            differing++;
        }
        flags[size] = f;
        int dir = frame.direction().ordinal();
        if (completes != null) {
            counts[dir]++;
        }
        bytes[dir] += payload.length;
        retainedBytes += payload.length;
        size++;
        if (size > maxFrames || retainedBytes > maxBytes) {
            evictOldestQuarter();
        }
    }

    /** Frames appended since the last clear, including those no longer held. */
    public synchronized int size() {
        return base + size;
    }

    /** The position of the oldest frame still held. */
    public synchronized int firstRetained() {
        return base;
    }

    public synchronized boolean isRetained(int index) {
        return index >= base && index < base + size;
    }

    /** True when some frame is not simply a message (a fragment, a compressed message): the two views differ. */
    public synchronized boolean framesDifferFromMessages() {
        return differing > 0;
    }

    /** True when the frame at this position completes a message (whole frames do). */
    public synchronized boolean completesMessage(int index) {
        return (flags[slot(index)] & NOT_A_MESSAGE_BIT) == 0;
    }

    /** The whole frame, payload copied. */
    public synchronized Frame get(int index) {
        return frame(index, Integer.MAX_VALUE);
    }

    /**
     * Like {@link #head}, or null when the frame is no longer held: one locked step, so a frame
     * let go between a check and a read cannot surprise the caller.
     */
    public synchronized Frame headIfHeld(int index, int maxPayload) {
        return isRetained(index) ? frame(index, maxPayload) : null;
    }

    /** The frame with at most {@code maxPayload} bytes of its payload, for one-line previews. */
    public synchronized Frame head(int index, int maxPayload) {
        return frame(index, maxPayload);
    }

    /**
     * The message the frame at this position completes, with at most {@code maxPayload} bytes of
     * its payload; null when the frame is not held or completes no message.
     */
    public synchronized Message messageIfHeld(int index, int maxPayload) {
        if (!isRetained(index)) {
            return null;
        }
        int f = flags[slot(index)];
        if ((f & NOT_A_MESSAGE_BIT) != 0) {
            return null;
        }
        Message own = ownMessages.get(index);
        if (own != null) {
            return own.size() <= maxPayload ? own : new Message(own.direction(), own.opcode(),
                    Arrays.copyOf(own.payload(), maxPayload), own.timestampMicros(), own.frames(), own.compressed(),
                    own.invalidUtf8At());
        }
        Frame frame = frame(index, maxPayload);
        if (frame.size() == lengths[slot(index)] || frame.opcode() != Opcode.TEXT) {
            return Message.of(frame);
        }
        // Cut for a preview: a sequence cut at the end of the head is not an error.
        Utf8.Validator utf8 = new Utf8.Validator();
        int invalid = utf8.feed(frame.payload(), 0, frame.size()) ? -1 : (int) utf8.invalidAt();
        return new Message(frame.direction(), frame.opcode(), frame.payload(), frame.timestampMicros(), 1, false, invalid);
    }

    /** The size of the message at this position (its own payload when assembled), or its frame's. */
    public synchronized int messageSize(int index) {
        Message own = ownMessages.get(index);
        return own != null ? own.size() : lengths[slot(index)];
    }

    /**
     * The payload bytes on the wire of the message completed at this position: its frames' sizes,
     * compressed when it came compressed; -1 when one of them is no longer held. A direction has
     * one data message in flight at a time, so its data frames before this one, back to the
     * message's first, are its frames; control frames between them are not.
     */
    public synchronized long wireSize(int index) {
        Message own = ownMessages.get(index);
        int frames = own == null ? 1 : own.frames();
        Direction direction = direction(index);
        long total = 0;
        for (int i = index; frames > 0; i--) {
            if (!isRetained(i)) {
                return -1;
            }
            if (direction(i) == direction && (i == index || !opcode(i).isControl())) {
                total += lengths[slot(i)];
                frames--;
            }
        }
        return total;
    }

    public synchronized int payloadSize(int index) {
        return lengths[slot(index)];
    }

    public synchronized long timestampMicros(int index) {
        return timestamps[slot(index)];
    }

    public synchronized Direction direction(int index) {
        return (flags[slot(index)] & RECEIVE_BIT) != 0 ? Direction.RECEIVE : Direction.SEND;
    }

    public synchronized Opcode opcode(int index) {
        return Opcode.of(flags[slot(index)] & OPCODE_MASK);
    }

    /** Messages each way (a fragmented message counts once). */
    public synchronized long count(Direction direction) {
        return counts[direction.ordinal()];
    }

    /** Payload bytes each way, as they crossed the wire. */
    public synchronized long bytes(Direction direction) {
        return bytes[direction.ordinal()];
    }

    public synchronized void clear() {
        chunks = new byte[4][];
        chunkCount = 0;
        chunkFill = CHUNK;
        timestamps = new long[1024];
        positions = new long[1024];
        lengths = new int[1024];
        flags = new int[1024];
        size = 0;
        base = 0;
        retainedBytes = 0;
        ownMessages.clear();
        interceptions.clear();
        differing = 0;
        Arrays.fill(counts, 0);
        Arrays.fill(bytes, 0);
    }

    private Frame frame(int position, int maxPayload) {
        int index = slot(position);
        int f = flags[index];
        int headerLength = (f >> HEADER_SHIFT) & 0x0F;
        int length = Math.min(lengths[index], maxPayload);
        byte[] header = new byte[headerLength];
        byte[] payload = new byte[length];
        long stored = positions[index];
        if (headerLength + length > 0) {
            byte[] chunk = chunks[(int) (stored >>> 32)];
            int at = (int) stored;
            System.arraycopy(chunk, at, header, 0, headerLength);
            System.arraycopy(chunk, at + headerLength, payload, 0, length);
        }
        Direction direction = (f & RECEIVE_BIT) != 0 ? Direction.RECEIVE : Direction.SEND;
        return new Frame(direction, Opcode.of(f & OPCODE_MASK), (f & FIN_BIT) != 0, (f >> RSV_SHIFT) & 0x7, payload,
                timestamps[index], header);
    }

    private static int encode(Frame frame) {
        int headerLength = Math.min(frame.header().length, 14);
        return frame.opcode().code() | (headerLength << HEADER_SHIFT) | (frame.rsv() << RSV_SHIFT)
                | (frame.fin() ? FIN_BIT : 0) | (frame.direction() == Direction.RECEIVE ? RECEIVE_BIT : 0);
    }

    /** Copies header and payload into chunk storage, back to back; returns chunk index in the high word, offset in the low. */
    private long store(byte[] header, byte[] payload) {
        int length = Math.min(header.length, 14) + payload.length;
        if (length == 0) {
            return 0;
        }
        if (length > CHUNK / 4) {
            // Big payloads get a chunk of their own, so they never waste the tail of a shared one.
            byte[] own = new byte[length];
            copyInto(own, 0, header, payload);
            addChunk(own);
            chunkFill = CHUNK;
            return (long) (chunkCount - 1) << 32;
        }
        if (chunkFill + length > CHUNK) {
            addChunk(new byte[CHUNK]);
            chunkFill = 0;
        }
        copyInto(chunks[chunkCount - 1], chunkFill, header, payload);
        long position = ((long) (chunkCount - 1) << 32) | chunkFill;
        chunkFill += length;
        return position;
    }

    private static void copyInto(byte[] chunk, int at, byte[] header, byte[] payload) {
        int headerLength = Math.min(header.length, 14);
        System.arraycopy(header, 0, chunk, at, headerLength);
        System.arraycopy(payload, 0, chunk, at + headerLength, payload.length);
    }

    private void addChunk(byte[] chunk) {
        if (chunkCount == chunks.length) {
            chunks = Arrays.copyOf(chunks, chunks.length * 2);
        }
        chunks[chunkCount++] = chunk;
    }

    private void ensureRowCapacity() {
        if (size == timestamps.length) {
            int grown = timestamps.length * 2;
            timestamps = Arrays.copyOf(timestamps, grown);
            positions = Arrays.copyOf(positions, grown);
            lengths = Arrays.copyOf(lengths, grown);
            flags = Arrays.copyOf(flags, grown);
        }
    }

    /** The array slot of a position still held. */
    private int slot(int position) {
        if (position < base || position >= base + size) {
            throw new IndexOutOfBoundsException("frame " + position + " is not held (held: " + base + " to "
                    + (base + size - 1) + ")");
        }
        return position - base;
    }

    /** Lets go of the oldest quarter of the frames, and the chunks only they used. */
    private void evictOldestQuarter() {
        int drop = Math.max(1, size / 4);
        int keptChunk = chunkOf(drop);
        for (int i = 0; i < drop; i++) {
            retainedBytes -= lengths[i];
            if ((flags[i] & OWN_MESSAGE_BIT) != 0) {
                ownMessages.remove(base + i);
            }
            if (!interceptions.isEmpty()) {
                interceptions.remove(base + i);
            }
        }
        int remaining = size - drop;
        System.arraycopy(timestamps, drop, timestamps, 0, remaining);
        System.arraycopy(positions, drop, positions, 0, remaining);
        System.arraycopy(lengths, drop, lengths, 0, remaining);
        System.arraycopy(flags, drop, flags, 0, remaining);
        if (keptChunk > 0) {
            System.arraycopy(chunks, keptChunk, chunks, 0, chunkCount - keptChunk);
            Arrays.fill(chunks, chunkCount - keptChunk, chunkCount, null);
            chunkCount -= keptChunk;
            long shift = (long) keptChunk << 32;
            for (int i = 0; i < remaining; i++) {
                if (storedLength(i) > 0) {
                    positions[i] -= shift;
                }
            }
        }
        size = remaining;
        base += drop;
    }

    private int storedLength(int slot) {
        return ((flags[slot] >> HEADER_SHIFT) & 0x0F) + lengths[slot];
    }

    /** The chunk holding frame slot {@code slot}'s bytes, or the first chunk a later frame can use. */
    private int chunkOf(int slot) {
        for (int i = slot; i < size; i++) {
            if (storedLength(i) > 0) {
                return (int) (positions[i] >>> 32);
            }
        }
        return Math.max(0, chunkCount - 1);
    }
}
