package dev.sockscope.store;

import java.util.Arrays;

/** A growable byte array with the varint writes a block's format uses; reused between blocks. */
final class ByteBuilder {
    private byte[] bytes;
    private int size;

    ByteBuilder(int capacity) {
        bytes = new byte[capacity];
    }

    int size() {
        return size;
    }

    /** The array behind the builder: valid from 0 to {@link #size()}, until the next write. */
    byte[] array() {
        return bytes;
    }

    /**
     * Forgets the contents and, when the array grew beyond {@code keep} for one large frame,
     * gives it back: a connection that once carried 20 MB must not keep 20 MB for good.
     */
    void clear(int keep) {
        size = 0;
        if (bytes.length > keep) {
            bytes = new byte[1024];
        }
    }

    void write(int b) {
        ensure(1);
        bytes[size++] = (byte) b;
    }

    void write(byte[] b) {
        write(b, 0, b.length);
    }

    void write(byte[] b, int offset, int length) {
        ensure(length);
        System.arraycopy(b, offset, bytes, size, length);
        size += length;
    }

    /** An unsigned LEB128 varint: 7 bits a byte, low bits first. */
    void writeVarint(long value) {
        ensure(10);
        long v = value;
        while ((v & ~0x7FL) != 0) {
            bytes[size++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        bytes[size++] = (byte) v;
    }

    /** A signed value as a zigzag varint: small negatives stay short. */
    void writeSigned(long value) {
        writeVarint((value << 1) ^ (value >> 63));
    }

    byte[] toArray() {
        return Arrays.copyOf(bytes, size);
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            long wanted = Math.max((long) size + more, (long) bytes.length * 2);
            if (wanted > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("a block cannot exceed 2 GB");
            }
            bytes = Arrays.copyOf(bytes, (int) wanted);
        }
    }
}
