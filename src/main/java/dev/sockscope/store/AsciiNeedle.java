package dev.sockscope.store;

import dev.sockscope.core.SearchQuery;
import java.util.Locale;

/**
 * A plain substring search run straight on a payload's bytes when both the needle and the
 * payload are ASCII: no string is made and nothing is lowercased per message (a scan spent most
 * of its time there). Lowercasing ASCII with Locale.ROOT only maps A-Z to a-z, so the answer is
 * the matcher's; a payload with any other byte is left to the matcher ({@link #UNDECIDED}),
 * because Unicode lowercasing can turn a non-ASCII char into an ASCII one (the Kelvin sign).
 */
final class AsciiNeedle {
    static final int NO = 0;
    static final int YES = 1;
    static final int UNDECIDED = -1;

    private final byte[] needle;

    private AsciiNeedle(byte[] needle) {
        this.needle = needle;
    }

    /** The needle of a plain substring query, or null when this shortcut does not apply. */
    static AsciiNeedle of(SearchQuery query) {
        if (query.regex() || query.wholeWord() || query.text().isEmpty()) {
            return null;
        }
        String lower = query.text().toLowerCase(Locale.ROOT);
        byte[] bytes = new byte[lower.length()];
        for (int i = 0; i < bytes.length; i++) {
            char c = lower.charAt(i);
            if (c >= 0x80) {
                return null;
            }
            bytes[i] = (byte) c;
        }
        return new AsciiNeedle(bytes);
    }

    /** {@link #YES} or {@link #NO} for an ASCII payload; {@link #UNDECIDED} when it holds another byte. */
    int find(byte[] payload) {
        int n = payload.length;
        int m = needle.length;
        byte first = needle[0];
        for (int i = 0; i < n; i++) {
            byte b = payload[i];
            if (b < 0) {
                return UNDECIDED;
            }
            if (lower(b) == first && i + m <= n && rest(payload, i)) {
                return YES;
            }
        }
        return NO;
    }

    private boolean rest(byte[] payload, int at) {
        for (int j = 1; j < needle.length; j++) {
            byte b = payload[at + j];
            if (b < 0 || lower(b) != needle[j]) {
                return false;
            }
        }
        return true;
    }

    private static byte lower(byte b) {
        return b >= 'A' && b <= 'Z' ? (byte) (b + ('a' - 'A')) : b;
    }
}
