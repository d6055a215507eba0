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
 * <p>One thread appends (the connection's I/O thread, or the FX thread for sends); any thread
 * reads. All access is synchronized: both sides hold the lock for well under a microsecond.
 */
public final class FrameLog {
    private static final int CHUNK = 1 << 20;
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
        size++;
    }

    public synchronized int size() {
        return size;
    }

    /** The whole frame, payload copied. */
    public synchronized Frame get(int index) {
        return frame(index, Integer.MAX_VALUE);
    }

    /** The frame with at most {@code maxPayload} bytes of its payload, for one-line previews. */
    public synchronized Frame head(int index, int maxPayload) {
        return frame(index, maxPayload);
    }

    public synchronized int payloadSize(int index) {
        check(index);
        return lengths[index];
    }

    public synchronized long timestampMicros(int index) {
        check(index);
        return timestamps[index];
    }

    public synchronized Direction direction(int index) {
        check(index);
        return (flags[index] & DIRECTION_BIT) != 0 ? Direction.RECEIVE : Direction.SEND;
    }

    public synchronized Opcode opcode(int index) {
        check(index);
        return Opcode.of(flags[index] & 0x0F);
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
        Arrays.fill(counts, 0);
        Arrays.fill(bytes, 0);
    }

    private Frame frame(int index, int maxPayload) {
        check(index);
        int length = Math.min(lengths[index], maxPayload);
        byte[] payload = new byte[length];
        if (length > 0) {
            long position = positions[index];
            System.arraycopy(chunks[(int) (position >>> 32)], (int) position, payload, 0, length);
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

    private void check(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("frame " + index + " of " + size);
        }
    }
}
