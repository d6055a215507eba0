package dev.sockscope.core;

import java.nio.charset.StandardCharsets;

/** UTF-8 decoding that shows invalid sequences instead of hiding them, and validation that says where. */
public final class Utf8 {
    private Utf8() {
    }

    /** Decodes, replacing each malformed sequence with U+FFFD. */
    public static String decode(byte[] bytes) {
        return decode(bytes, 0, bytes.length);
    }

    public static String decode(byte[] bytes, int offset, int length) {
        return new String(bytes, offset, length, StandardCharsets.UTF_8);
    }

    /** True when the bytes are well-formed UTF-8 (RFC 3629: no overlongs, surrogates or values above U+10FFFF). */
    public static boolean isValid(byte[] bytes) {
        return firstInvalid(bytes) < 0;
    }

    /** The offset of the first byte of the first invalid (or unfinished) sequence, or -1 when all is valid. */
    /**
     * True when the bytes read as text a person can see: valid UTF-8 without control characters
     * other than tab, CR and LF. A binary heartbeat ({@code 24 00 01 ff}) can be valid UTF-8 and
     * still print as boxes; it is shown as hex instead.
     */
    public static boolean isReadable(byte[] bytes) {
        for (byte b : bytes) {
            if ((b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r') || b == 0x7F) {
                return false;
            }
        }
        return isValid(bytes);
    }

    public static int firstInvalid(byte[] bytes) {
        Validator v = new Validator();
        if (!v.feed(bytes, 0, bytes.length)) {
            return (int) v.invalidAt();
        }
        return v.isComplete() ? -1 : (int) v.invalidAt();
    }

    /**
     * Validates UTF-8 that arrives in pieces (the fragments of a text message), failing at the first
     * byte that cannot be part of a well-formed sequence, as RFC 6455 asks ("fail fast").
     */
    public static final class Validator {
        private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
                long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

        private int needed;
        private int lower = 0x80;
        private int upper = 0xBF;
        private long offset;
        private long sequenceStart = -1;
        private long invalidAt = -1;

        /** Takes more bytes; false (and {@link #invalidAt()} set) at the first invalid one, and ever after. */
        public boolean feed(byte[] bytes, int from, int length) {
            if (invalidAt >= 0) {
                return false;
            }
            int end = from + length;
            int i = from;
            while (i < end) {
                if (needed == 0 && i + 8 <= end && ((long) LONGS.get(bytes, i) & 0x8080808080808080L) == 0) {
                    i += 8; // eight ASCII bytes at once: most text is ASCII
                    continue;
                }
                int b = bytes[i] & 0xFF;
                if (needed == 0 && b < 0x80) {
                    i++;
                    continue;
                }
                if (!step(b, offset + (i - from))) {
                    return false;
                }
                i++;
            }
            offset += length;
            return true;
        }

        private boolean step(int b, long at) {
            if (needed > 0) {
                if (b < lower || b > upper) {
                    invalidAt = sequenceStart;
                    return false;
                }
                lower = 0x80;
                upper = 0xBF;
                needed--;
                return true;
            }
            sequenceStart = at;
            if (b >= 0xC2 && b <= 0xDF) {
                needed = 1;
            } else if (b >= 0xE0 && b <= 0xEF) {
                needed = 2;
                lower = b == 0xE0 ? 0xA0 : 0x80;
                upper = b == 0xED ? 0x9F : 0xBF;
            } else if (b >= 0xF0 && b <= 0xF4) {
                needed = 3;
                lower = b == 0xF0 ? 0x90 : 0x80;
                upper = b == 0xF4 ? 0x8F : 0xBF;
            } else {
                invalidAt = at;
                return false;
            }
            return true;
        }

        /** True when no sequence is left unfinished: the bytes so far could end a message. */
        public boolean isComplete() {
            return invalidAt < 0 && needed == 0;
        }

        /** Where the first invalid sequence starts (for an unfinished one at the end: where it starts), or -1. */
        public long invalidAt() {
            if (invalidAt >= 0) {
                return invalidAt;
            }
            return needed > 0 ? sequenceStart : -1;
        }
    }
}
