package dev.sockscope.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TrigramSignatureTest {
    @Test
    void aNeedleShorterThanThreeCharsHasNoGram() {
        assertEquals(0, TrigramSignature.needleGrams("").length);
        assertEquals(0, TrigramSignature.needleGrams("ab").length);
        assertEquals(1, TrigramSignature.needleGrams("abc").length);
        assertEquals(1, TrigramSignature.needleGrams("aaaaa").length, "repeated grams count once");
    }

    @Test
    void needleGramsIgnoreCaseAsTheMatcherDoes() {
        assertArrayEquals(TrigramSignature.needleGrams("order-rare"), TrigramSignature.needleGrams("ORDER-Rare"));
    }

    @Test
    void everyGramOfAContainedNeedleIsInTheSignatureOfTheText() {
        Random random = new Random(7);
        String alphabet = "abcXYZ019-\"{}:é€😀İß ";
        for (int round = 0; round < 500; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 1 + random.nextInt(80); i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String lower = text.toString().toLowerCase(Locale.ROOT);
            int from = random.nextInt(text.length());
            String needle = text.substring(from, Math.min(text.length(), from + 3 + random.nextInt(6)));
            BlockSignature signature = new BlockSignature();
            signature.add(lower);
            if (lower.contains(needle.toLowerCase(Locale.ROOT))) {
                for (int gram : TrigramSignature.needleGrams(needle)) {
                    assertTrue(signature.contains(gram), () -> "gram of '" + needle + "' missing from '" + text + "'");
                }
            }
        }
    }

    @Test
    void aFramesSignatureIsThatOfWhatTheMatcherSeesLowercased() {
        Random random = new Random(11);
        String alphabet = "aZ09 -_{}\"\u00e9\u00c9\u0130\u1e9e";
        for (int round = 0; round < 300; round++) {
            StringBuilder text = new StringBuilder();
            boolean ascii = random.nextBoolean();
            for (int i = 0; i < random.nextInt(60); i++) {
                text.append(alphabet.charAt(random.nextInt(ascii ? 9 : alphabet.length())));
            }
            byte[] payload = text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            if (payload.length > 0 && random.nextInt(5) == 0) {
                payload[random.nextInt(Math.max(1, payload.length))] = (byte) 0xc3; // invalid UTF-8 on purpose
            }
            for (dev.sockscope.core.Opcode opcode : new dev.sockscope.core.Opcode[] {dev.sockscope.core.Opcode.TEXT,
                dev.sockscope.core.Opcode.BINARY, dev.sockscope.core.Opcode.CLOSE}) {
                BlockSignature direct = new BlockSignature();
                direct.addFrame(opcode, payload);
                BlockSignature viaText = new BlockSignature();
                viaText.add(FrameQueries.searchable(opcode, payload).toLowerCase(Locale.ROOT));
                assertEquals(grams(viaText), grams(direct), () -> text + " as " + opcode);
            }
        }
    }

    private static java.util.List<Integer> grams(BlockSignature signature) {
        java.util.List<Integer> out = new java.util.ArrayList<>();
        signature.forEachGram(out::add);
        return out;
    }

    @Test
    void hashesSpreadOverSixteenBits() {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (char a = '0'; a <= '9'; a++) {
            for (char b = '0'; b <= '9'; b++) {
                for (char c = '0'; c <= '9'; c++) {
                    int h = TrigramSignature.hash(a, b, c);
                    assertTrue(h >= 0 && h < TrigramSignature.GRAMS);
                    seen.add(h);
                }
            }
        }
        assertTrue(seen.size() > 980, "1,000 digit trigrams should rarely collide: " + seen.size());
    }

    @Test
    void slicesRoundTripThroughTheirSixteenBytes() {
        long[] back = SegmentBits.fromBytes(SegmentBits.toBytes(0x8000_0000_0000_0001L, -2L));
        assertArrayEquals(new long[] {0x8000_0000_0000_0001L, -2L}, back);
    }
}
