package dev.sockscope.store;

/**
 * Reads what {@link ByteBuilder} wrote, checking every bound: a block read back from a damaged
 * file fails with {@link DamagedBlockException}, never with an index error or a huge allocation.
 */
final class ByteReader {
    private final byte[] bytes;
    private final int limit;
    private int position;

    ByteReader(byte[] bytes, int offset, int limit) {
        this.bytes = bytes;
        this.position = offset;
        this.limit = limit;
    }

    int remaining() {
        return limit - position;
    }

    int read() {
        need(1);
        return bytes[position++] & 0xFF;
    }

    long readVarint() {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = read();
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new DamagedBlockException("a number runs past 10 bytes");
    }

    /** A varint that must fit a non-negative int no larger than {@code max}. */
    int readLength(int max) {
        long value = readVarint();
        if (value < 0 || value > max) {
            throw new DamagedBlockException("a length of " + value + " where at most " + max + " can be");
        }
        return (int) value;
    }

    long readSigned() {
        long v = readVarint();
        return (v >>> 1) ^ -(v & 1);
    }

    int readInt() {
        need(4);
        int v = ((bytes[position] & 0xFF) << 24) | ((bytes[position + 1] & 0xFF) << 16) | ((bytes[position + 2] & 0xFF) << 8)
                | (bytes[position + 3] & 0xFF);
        position += 4;
        return v;
    }

    byte[] read(int length) {
        need(length);
        byte[] out = java.util.Arrays.copyOfRange(bytes, position, position + length);
        position += length;
        return out;
    }

    void skip(int length) {
        need(length);
        position += length;
    }

    private void need(int length) {
        if (length < 0 || length > limit - position) {
            throw new DamagedBlockException("it ends " + (length - (limit - position)) + " bytes short");
        }
    }
}
