package dev.sockscope.core;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** UTF-8 decoding that shows invalid sequences instead of hiding them. */
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

    /** True when the bytes are well-formed UTF-8. */
    public static boolean isValid(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer unused = decoder.decode(ByteBuffer.wrap(bytes));
            return unused != null;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
