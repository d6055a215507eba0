package dev.sockscope.store;

import java.util.Arrays;

/**
 * The trigram signature of one block being built: a 65,536-bit set of the gram hashes its
 * frames contain. Kept apart from the segment until the block is complete, so a block that
 * turns out unfinished (its connection is still live) leaves no trace in the index.
 */
final class BlockSignature {
    private final long[] words = new long[TrigramSignature.GRAMS / 64];

    /** Adds every trigram of an already lowercased text. */
    void add(String lowercased) {
        TrigramSignature.forEachGram(lowercased, g -> words[g >>> 6] |= 1L << (g & 63));
    }

    /**
     * Adds every trigram of what the matcher sees of a frame ({@link FrameQueries#searchable}),
     * lowercased. Text that is all ASCII (most of it) is hashed straight from its bytes: decoded
     * and lowercased with Locale.ROOT it would give the same chars (A-Z to a-z, nothing else
     * changes), so the same grams, without two strings per frame.
     */
    void addFrame(dev.sockscope.core.Opcode opcode, byte[] payload) {
        if (opcode == dev.sockscope.core.Opcode.BINARY || !isAscii(payload)) {
            add(FrameQueries.searchable(opcode, payload).toLowerCase(java.util.Locale.ROOT));
            return;
        }
        if (payload.length < 3) {
            return;
        }
        // The three chars as one rolling 48-bit key, exactly as TrigramSignature.hash builds it.
        long key = ((long) LOWER[payload[0]] << 16) | LOWER[payload[1]];
        long[] bits = words;
        for (int i = 2; i < payload.length; i++) {
            key = ((key << 16) | LOWER[payload[i]]) & 0xFFFF_FFFF_FFFFL;
            int g = TrigramSignature.hash(key);
            bits[g >>> 6] |= 1L << g;
        }
    }

    /** ASCII lowercased as Locale.ROOT does it: A-Z to a-z, nothing else changes. */
    private static final char[] LOWER = new char[128];

    static {
        for (char c = 0; c < 128; c++) {
            LOWER[c] = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte x : bytes) {
            if (x < 0) {
                return false;
            }
        }
        return true;
    }

    boolean contains(int gram) {
        return (words[gram >>> 6] & (1L << (gram & 63))) != 0;
    }

    /** Calls {@code sink} with each gram hash in the set, ascending. */
    void forEachGram(TrigramSignature.GramSink sink) {
        for (int w = 0; w < words.length; w++) {
            long word = words[w];
            while (word != 0) {
                sink.gram(w * 64 + Long.numberOfTrailingZeros(word));
                word &= word - 1;
            }
        }
    }

    /** Every gram: for a block that cannot be read, so that every search reads it. */
    void addAll() {
        Arrays.fill(words, -1L);
    }

    void clear() {
        Arrays.fill(words, 0);
    }
}
