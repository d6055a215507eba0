package dev.sockscope.store;

import java.util.Arrays;

/**
 * The signatures of one segment (up to 128 consecutive blocks), bit-sliced: for each of the
 * 65,536 gram hashes, a 128-bit set of the blocks that contain it. Slicing by gram is what
 * makes a query cheap: it reads the few slices of its needle's grams and ANDs them, instead of
 * testing every block's signature. 1 MB in memory; persisted once full (only non-empty slices).
 */
final class SegmentBits {
    /** Blocks per segment: one bit each, two longs per gram. */
    static final int BLOCKS = 128;

    private final long[] bits = new long[TrigramSignature.GRAMS * 2];

    /** Records the signature of block {@code block} (0-127 within the segment). */
    void add(int block, BlockSignature signature) {
        int word = block >>> 6;
        long bit = 1L << (block & 63);
        signature.forEachGram(g -> bits[g * 2 + word] |= bit);
    }

    /** The blocks holding gram {@code gram}: bits 0-63 then 64-127. */
    long low(int gram) {
        return bits[gram * 2];
    }

    long high(int gram) {
        return bits[gram * 2 + 1];
    }

    boolean isEmpty(int gram) {
        return (bits[gram * 2] | bits[gram * 2 + 1]) == 0;
    }

    /** The 16 bytes stored for a slice: the low long then the high long, big-endian. */
    byte[] slice(int gram) {
        return toBytes(low(gram), high(gram));
    }

    void clear() {
        Arrays.fill(bits, 0);
    }

    static byte[] toBytes(long low, long high) {
        byte[] out = new byte[16];
        for (int i = 0; i < 8; i++) {
            out[i] = (byte) (low >>> (56 - 8 * i));
            out[8 + i] = (byte) (high >>> (56 - 8 * i));
        }
        return out;
    }

    /** Inverse of {@link #toBytes}: {low, high}. */
    static long[] fromBytes(byte[] slice) {
        long low = 0;
        long high = 0;
        for (int i = 0; i < 8; i++) {
            low = (low << 8) | (slice[i] & 0xff);
            high = (high << 8) | (slice[8 + i] & 0xff);
        }
        return new long[] {low, high};
    }
}
