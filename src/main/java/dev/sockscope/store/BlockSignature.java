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

    void clear() {
        Arrays.fill(words, 0);
    }
}
