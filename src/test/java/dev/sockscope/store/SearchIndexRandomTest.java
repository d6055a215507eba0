package dev.sockscope.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockscope.core.Direction;
import dev.sockscope.core.Opcode;
import dev.sockscope.core.SearchQuery;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random frames (text with mixed case and non-ASCII, binary), random connections that end or
 * stay live, recorded in rounds between searches; random needles, filters and limits. The index
 * must answer every query exactly as the full scan does.
 */
class SearchIndexRandomTest {
    /** Small, so random needles hit: ASCII of both cases, LIKE's special chars, non-ASCII, a surrogate pair. */
    private static final String[] ALPHABET = {"a", "b", "c", "d", "e", "A", "B", "C", "D", "E", "0", "1", "-", "_", " ",
        "%", "\\", "é", "É", "ß", "ẞ", "😀", "\"", "{", "}", ":"};

    @TempDir
    Path dir;

    @Test
    void answersEveryRandomQueryExactlyAsTheFullScan() throws Exception {
        Random random = new Random(20261121);
        List<String> texts = new ArrayList<>();
        int narrowed = 0;
        int queries = 0;
        try (IndexedStore store = IndexedStore.open(dir)) {
            List<Long> live = new ArrayList<>();
            for (int round = 0; round < 5; round++) {
                for (int i = 0; i < 600; i++) {
                    if (live.isEmpty() || random.nextInt(60) == 0) {
                        live.add(store.connection(random.nextBoolean() ? "red" : "blue"));
                    }
                    long c = live.get(random.nextInt(live.size()));
                    if (random.nextInt(8) == 0) {
                        byte[] bytes = new byte[1 + random.nextInt(12)];
                        random.nextBytes(bytes);
                        store.add(c, random.nextBoolean() ? Direction.SEND : Direction.RECEIVE, Opcode.BINARY, bytes);
                    } else {
                        String text = text(random, 1 + random.nextInt(40));
                        texts.add(text);
                        store.add(c, random.nextBoolean() ? Direction.SEND : Direction.RECEIVE, Opcode.TEXT,
                                text.getBytes(StandardCharsets.UTF_8));
                    }
                    if (random.nextInt(150) == 0) {
                        store.flush(); // a connection ends after its frames are committed, as the recorder does
                        store.end(live.remove(random.nextInt(live.size())));
                    }
                }
                store.flush();
                store.scanShare(random.nextBoolean() ? 1.0 : SearchIndex.SCAN_SHARE);
                boolean settled = random.nextBoolean();
                if (settled) {
                    store.awaitIndexed(); // else the searches race the indexer, which must not change an answer
                }
                for (int q = 0; q < 30; q++) {
                    String needle = needle(random, texts);
                    SearchQuery query = new SearchQuery(needle, false, random.nextInt(4) == 0 ? "red" : null,
                            random.nextInt(4) == 0 ? Direction.RECEIVE : null, random.nextInt(3) == 0 ? 1 + random.nextInt(20) : 0);
                    List<String> expected = store.scan(query);
                    assertEquals(expected, store.search(query), "round " + round + ", " + query);
                    queries++;
                    if (store.narrows(query)) {
                        narrowed++;
                        if (settled) { // two plans made while the indexer works may differ in their tails
                            assertEquals(store.plan(query, Integer.MAX_VALUE), store.plan(query, 0),
                                    "candidates looked up one by one or in one pass: the same ranges");
                        }
                    }
                }
            }
            assertTrue(store.count("SELECT COUNT(*) FROM search_block") > 10, "blocks were made");
        }
        assertTrue(narrowed > queries / 4, "the index narrowed " + narrowed + " of " + queries + " queries");
    }

    private static String text(Random random, int length) {
        StringBuilder out = new StringBuilder();
        while (out.length() < length) {
            out.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return out.toString();
    }

    /** Mostly a piece of a recorded text with its case shuffled; sometimes hex, sometimes made up. */
    private static String needle(Random random, List<String> texts) {
        int kind = random.nextInt(10);
        if (kind == 0) {
            return String.format(Locale.ROOT, "%02x%02x", random.nextInt(256), random.nextInt(256));
        }
        if (kind == 1 || texts.isEmpty()) {
            return text(random, 3 + random.nextInt(4));
        }
        String source = texts.get(random.nextInt(texts.size()));
        int from = random.nextInt(source.length());
        String piece = source.substring(from, Math.min(source.length(), from + 2 + random.nextInt(7)));
        StringBuilder shuffled = new StringBuilder();
        for (char ch : piece.toCharArray()) {
            shuffled.append(random.nextBoolean() ? Character.toUpperCase(ch) : ch);
        }
        return shuffled.toString();
    }
}
