package dev.sockscope.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.sockscope.core.SearchQuery;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The byte shortcut answers as the matcher does, or leaves the payload to it. */
class AsciiNeedleTest {
    private static final String[] PIECES = {"a", "B", "c", "-", "{", "\"", " ", "K", "k", "\u212a", "é", "ß"};

    @Test
    void answersAsTheMatcherOrLeavesItToIt() {
        Random random = new Random(3);
        for (int i = 0; i < 100_000; i++) {
            String text = random(random, random.nextInt(12));
            String needle = random(random, 1 + random.nextInt(3));
            SearchQuery query = new SearchQuery(needle, false, null, null, 0);
            AsciiNeedle ascii = AsciiNeedle.of(query);
            boolean expected = query.textMatcher().test(text);
            if (ascii == null) {
                continue;
            }
            int answer = ascii.find(text.getBytes(StandardCharsets.UTF_8));
            if (answer != AsciiNeedle.UNDECIDED) {
                assertEquals(expected, answer == AsciiNeedle.YES, () -> "'" + needle + "' in '" + text + "'");
            }
        }
    }

    @Test
    void leavesNonAsciiToTheMatcher() {
        // The Kelvin sign lowercases to an ASCII k: only the matcher can say.
        AsciiNeedle k = AsciiNeedle.of(new SearchQuery("k", false, null, null, 0));
        assertEquals(AsciiNeedle.UNDECIDED, k.find("\u212a".getBytes(StandardCharsets.UTF_8)));
        assertNull(AsciiNeedle.of(new SearchQuery("é", false, null, null, 0)));
        assertNull(AsciiNeedle.of(new SearchQuery("a.c", true, null, null, 0)), "a regex is the matcher's");
    }

    private static String random(Random random, int pieces) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            out.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return out.toString();
    }
}
