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
     * Three UTF-16 chars (48 bits) mixed by the 64-bit finalizer of MurmurHash3, high 16 bits
     * kept: neighbouring grams ("ab1", "ab2") land far apart, so digits and JSON keys spread
     * over the whole table instead of crowding a few bitsets.
     */
    static int hash(char a, char b, char c) {
        long k = ((long) a << 32) | ((long) b << 16) | c;
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return (int) (k >>> 48);
    }

    /** Receives gram hashes, 0 to {@link #GRAMS} - 1. */
    @FunctionalInterface
    interface GramSink {
        void gram(int hash);
    }
}
