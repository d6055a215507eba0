package dev.sockscope.store;

import java.util.Arrays;
import java.util.Locale;

/**
 * Trigram hashes of text, as the search index sees it: the text is lowercased (Locale.ROOT, as
 * the substring matcher does) and every window of three consecutive chars is hashed to one of
 * {@link #GRAMS} values. A text that contains a needle contains every trigram of the needle, so
 * a block whose signature lacks one of them cannot hold a match. Pure: no SQL, no state.
 */
final class TrigramSignature {
    /** 16-bit gram hashes: the index keeps one bitset per hash value. */
    static final int GRAMS = 1 << 16;
    /** Needles shorter than this (after lowercasing) have no trigram and cannot use the index. */
    static final int MIN_NEEDLE = 3;

    private TrigramSignature() {
    }

    /**
     * Calls {@code sink} with the hash of every trigram of {@code lowercased} (duplicates
     * included: callers set bits, which is idempotent and cheaper than deduplicating).
     */
    static void forEachGram(String lowercased, GramSink sink) {
        int n = lowercased.length();
        if (n < 3) {
            return;
        }
        char a = lowercased.charAt(0);
        char b = lowercased.charAt(1);
        for (int i = 2; i < n; i++) {
            char c = lowercased.charAt(i);
            sink.gram(hash(a, b, c));
            a = b;
            b = c;
        }
    }

    /** The distinct gram hashes of a needle, sorted; empty when it is shorter than three chars. */
    static int[] needleGrams(String needle) {
        String lower = needle.toLowerCase(Locale.ROOT);
        int[] all = new int[Math.max(0, lower.length() - 2)];
        int[] count = {0};
        forEachGram(lower, g -> all[count[0]++] = g);
        return Arrays.stream(all).distinct().sorted().toArray();
    }

    /**
     * Three UTF-16 chars (48 bits) by Fibonacci hashing: multiplied by 2^64 divided by the golden
     * ratio, high 16 bits kept. Every key bit reaches the kept bits, so neighbouring grams ("ab1",
     * "ab2") land far apart and digits and JSON keys spread over the whole table; one multiply a
     * gram keeps indexing ahead of the recorder (the MurmurHash3 finalizer used before cost three
     * times as much, measured on 1M messages).
     */
    static int hash(char a, char b, char c) {
        return hash(((long) a << 32) | ((long) b << 16) | c);
    }

    /** The same, for the three chars already packed as {@code a << 32 | b << 16 | c}. */
    static int hash(long key) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> 48);
    }

    /** Receives gram hashes, 0 to {@link #GRAMS} - 1. */
    @FunctionalInterface
    interface GramSink {
        void gram(int hash);
    }
}
