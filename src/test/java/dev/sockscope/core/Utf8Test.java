package dev.sockscope.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The validator's fast path (eight ASCII bytes at a time) finds exactly what the byte-by-byte
 * path finds, at the same offset, and both agree with the JDK's strict UTF-8 decoder.
 */
class Utf8Test {
    private static boolean jdkAccepts(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** The byte-by-byte answer: fed one byte at a time, the fast path never applies. */
    private static int byteByByte(byte[] bytes) {
        Utf8.Validator v = new Utf8.Validator();
        for (int i = 0; i < bytes.length; i++) {
            if (!v.feed(bytes, i, 1)) {
                return (int) v.invalidAt();
            }
        }
        return v.isComplete() ? -1 : (int) v.invalidAt();
    }

    @Test
    void theFastPathAgreesWithTheSlowOneAndWithTheJdk() {
        Random random = new Random(8);
        byte[][] pieces = {"plain ascii text ".getBytes(StandardCharsets.UTF_8), "é".getBytes(StandardCharsets.UTF_8),
            "😀".getBytes(StandardCharsets.UTF_8), {(byte) 0xc0, (byte) 0x80}, {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
            {(byte) 0xff}, {(byte) 0xe2, (byte) 0x82}, {0x7f, 0x00}};
        for (int i = 0; i < 50_000; i++) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            int parts = random.nextInt(8);
            for (int p = 0; p < parts; p++) {
                byte[] piece = random.nextInt(3) == 0 ? pieces[random.nextInt(pieces.length)] : pieces[0];
                out.write(piece, 0, random.nextInt(piece.length + 1));
            }
            byte[] bytes = out.toByteArray();
            int expected = byteByByte(bytes);
            assertEquals(expected, Utf8.firstInvalid(bytes), () -> dev.sockscope.core.Bytes.hex(bytes));
            assertEquals(jdkAccepts(bytes), expected < 0, () -> dev.sockscope.core.Bytes.hex(bytes));
        }
    }
}
