package dev.sockscope.app;

import dev.sockscope.core.Direction;
import dev.sockscope.core.Frame;
import dev.sockscope.core.Opcode;
import java.util.Arrays;

/**
 * The frames of one connection, packed: payloads back to back in 1 MiB chunks, and per frame a
 * few primitives. No object per frame is kept, so a million 100-byte messages cost about 120 MB
 * instead of several hundred; rows are materialised only when a view asks for them.
 *
 * <p>It is bounded: past {@code maxFrames} frames or {@code maxBytes} of payload the oldest
 * quarter is let go (it stays in the recording, where search finds it). Positions are never
 * reused: frame {@code i} is always the i-th appended; {@link #firstRetained()} says where the
 * frames still held begin.
 *
 * <p>One thread appends (the connection's I/O thread, or the FX thread for sends); any thread
 * reads. All access is synchronized: both sides hold the lock for well under a microsecond.
 */
public final class FrameLog {
    private static final int CHUNK = 1 << 20;
    private static final int DEFAULT_MAX_FRAMES = 2_000_000;
    private static final long DEFAULT_MAX_BYTES = 256L << 20;

    private final int maxFrames;
    private final long maxBytes;
    private int base;
    private long retainedBytes;
    private static final int DIRECTION_BIT = 0x80;
    private static final int FIN_BIT = 0x40;

    private byte[][] chunks = new byte[4][];
    private int chunkCount;
    private int chunkFill = CHUNK;
    private long[] timestamps = new long[1024];
    private long[] positions = new long[1024];
    private int[] lengths = new int[1024];
    private short[] flags = new short[1024];
    private int size;
    private final long[] counts = new long[2];
    private final long[] bytes = new long[2];

    public FrameLog() {
        this(DEFAULT_MAX_FRAMES, DEFAULT_MAX_BYTES);
    }

    public FrameLog(int maxFrames, long maxBytes) {
        this.maxFrames = maxFrames;
        this.maxBytes = maxBytes;
    }

    public synchronized void append(Frame frame) {
        ensureRowCapacity();
        byte[] payload = frame.payload();
        positions[size] = store(payload);
        lengths[size] = payload.length;
        timestamps[size] = frame.timestampMicros();
        flags[size] = encode(frame);
        int dir = frame.direction().ordinal();
        counts[dir]++;
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

    public synchronized int payloadSize(int index) {
        return lengths[slot(index)];
    }

    public synchronized long timestampMicros(int index) {
        return timestamps[slot(index)];
    }

    public synchronized Direction direction(int index) {
        return (flags[slot(index)] & DIRECTION_BIT) != 0 ? Direction.RECEIVE : Direction.SEND;
    }

    public synchronized Opcode opcode(int index) {
        return Opcode.of(flags[slot(index)] & 0x0F);
    }

    public synchronized long count(Direction direction) {
        return counts[direction.ordinal()];
    }

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
        flags = new short[1024];
        size = 0;
        base = 0;
        retainedBytes = 0;
        Arrays.fill(counts, 0);
        Arrays.fill(bytes, 0);
    }

    private Frame frame(int position, int maxPayload) {
        int index = slot(position);
        int length = Math.min(lengths[index], maxPayload);
        byte[] payload = new byte[length];
        if (length > 0) {
            long stored = positions[index];
            System.arraycopy(chunks[(int) (stored >>> 32)], (int) stored, payload, 0, length);
        }
        short f = flags[index];
        Direction direction = (f & DIRECTION_BIT) != 0 ? Direction.RECEIVE : Direction.SEND;
        return new Frame(direction, Opcode.of(f & 0x0F), (f & FIN_BIT) != 0, (f >> 8) & 0x7, payload, timestamps[index]);
    }

    private static short encode(Frame frame) {
        int f = frame.opcode().code() | (frame.fin() ? FIN_BIT : 0)
                | (frame.direction() == Direction.RECEIVE ? DIRECTION_BIT : 0) | (frame.rsv() << 8);
        return (short) f;
    }

    /** Copies the payload into chunk storage; returns chunk index in the high word, offset in the low. */
    private long store(byte[] payload) {
        if (payload.length == 0) {
            return 0;
        }
        if (payload.length > CHUNK / 4) {
            // Big payloads get a chunk of their own, so they never waste the tail of a shared one.
            addChunk(payload.clone());
            chunkFill = CHUNK;
            return (long) (chunkCount - 1) << 32;
        }
        if (chunkFill + payload.length > CHUNK) {
            addChunk(new byte[CHUNK]);
            chunkFill = 0;
        }
        System.arraycopy(payload, 0, chunks[chunkCount - 1], chunkFill, payload.length);
        long position = ((long) (chunkCount - 1) << 32) | chunkFill;
        chunkFill += payload.length;
        return position;
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

    /** Lets go of the oldest quarter of the frames, and the payload chunks only they used. */
    private void evictOldestQuarter() {
        int drop = Math.max(1, size / 4);
        int keptChunk = chunkOf(drop);
        for (int i = 0; i < drop; i++) {
            retainedBytes -= lengths[i];
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
                if (lengths[i] > 0) {
                    positions[i] -= shift;
                }
            }
        }
        size = remaining;
        base += drop;
    }

    /** The chunk holding frame slot {@code slot}'s payload, or the first chunk a later frame can use. */
    private int chunkOf(int slot) {
        for (int i = slot; i < size; i++) {
            if (lengths[i] > 0) {
                return (int) (positions[i] >>> 32);
            }
        }
        return Math.max(0, chunkCount - 1);
    }
}
