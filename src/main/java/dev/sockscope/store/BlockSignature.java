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
        char a = lower(payload[0]);
        char b = lower(payload[1]);
        for (int i = 2; i < payload.length; i++) {
            char c = lower(payload[i]);
            int g = TrigramSignature.hash(a, b, c);
            words[g >>> 6] |= 1L << (g & 63);
            a = b;
            b = c;
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

    private static char lower(byte ascii) {
        return (char) (ascii >= 'A' && ascii <= 'Z' ? ascii + ('a' - 'A') : ascii);
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
