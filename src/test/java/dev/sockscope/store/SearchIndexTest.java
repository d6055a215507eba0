package dev.sockscope.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockscope.core.Direction;
import dev.sockscope.core.Opcode;
import dev.sockscope.core.SearchQuery;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The search index narrows substring searches and must never change their answer: every test
 * compares the indexed search with the full scan (same messages, same order) on a real H2 file,
 * with the index caught up, behind, or rebuilt after a reopen.
 */
class SearchIndexTest {
    @TempDir
    Path dir;

    private static SearchQuery find(String text) {
        return new SearchQuery(text, false, null, null, 0);
    }

    /** Asserts the index's answer equals the full scan's and returns it. */
    private static List<String> same(IndexedStore store, SearchQuery query) {
        List<String> expected = store.scan(query);
        assertEquals(expected, store.search(query), () -> "index and full scan differ for " + query);
        return expected;
    }

    private static String[] ticks(int from, int count) {
        String[] out = new String[count];
        for (int i = 0; i < count; i++) {
            out[i] = "{\"type\":\"tick\",\"n\":" + (from + i) + ",\"symbol\":\"BTC-USD\"}";
        }
        return out;
    }

    @Test
    void answersExactlyAsTheFullScanForRareFrequentMixedCaseNonAsciiAndHexTerms() throws Exception {
        try (IndexedStore store = IndexedStore.open(dir)) {
            store.scanShare(1.0); // always narrow: this test is about the narrowed path
            long a = store.connection("s1");
            long b = store.connection("s1");
            store.texts(a, ticks(0, 300));
            store.texts(b, ticks(0, 100));
            store.texts(a, "order-RARE-1", "Grüße aus Köln", "ÄRGER über 😀 emoji");
            store.texts(b, ticks(100, 400));
            store.texts(b, "the order-rare-2 arrives");
            store.frame(b, Direction.RECEIVE, Opcode.BINARY, new byte[] {0x00, (byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef});
            store.texts(a, ticks(300, 400));
            store.end(a);
            store.end(b);
            store.awaitIndexed();

            assertEquals(2, same(store, find("order-rare")).size());
            assertEquals(2, same(store, find("ORDER-Rare")).size(), "case differences do not matter");
            assertEquals(1, same(store, find("GRÜẞE")).size());
            assertEquals(1, same(store, find("ärger über 😀")).size(), "non-ASCII, lowercased as the matcher does");
            assertEquals(1, same(store, find("DEADBEEF")).size(), "binary frames match by their hex");
            assertEquals(1200, same(store, find("tick")).size());
            assertEquals(0, same(store, find("no such thing")).size());
            assertTrue(store.narrows(find("order-rare")));
            assertEquals(7, store.count("SELECT COUNT(*) FROM search_block"), "one index block per stored block");
            assertEquals(0, store.count("SELECT COUNT(*) FROM connection c JOIN search_progress p ON p.connection_id = c.id"
                    + " WHERE p.indexed_through + 1 <> c.frames"), "every frame indexed");
        }
    }

    @Test
    void aFrequentTermIsLeftToTheFullScanAndARareOneIsNarrowed() throws Exception {
        try (IndexedStore store = IndexedStore.open(dir)) {
            long a = store.connection("s1");
            for (int i = 0; i < 20; i++) {
                store.texts(a, ticks(i * 100, 100));
            }
            store.texts(a, "order-rare");
            store.end(a);
            store.awaitIndexed();
            assertFalse(store.narrows(find("tick")), "in every block: a scan stops at the first page sooner");
            assertTrue(store.narrows(find("order-rare")));
            assertTrue(store.narrows(find("OrDeR-rArE")));
            assertEquals(50, same(store, new SearchQuery("tick", false, null, null, 50)).size());
            assertEquals(1, same(store, find("order-rare")).size());
        }
    }

    @Test
    void framesTheIndexerHasNotSeenAreReadDirectlyAndIndexedByTheNextProcess() throws Exception {
        try (IndexedStore store = IndexedStore.open(dir)) {
            store.scanShare(1.0);
            long live = store.connection("s1");
            store.texts(live, ticks(0, 300));
            store.texts(live, "indexed-term");
            store.awaitIndexed();
            store.holdIndexing(true); // as if killed between the commit and the indexing
            store.texts(live, "tail-only-term");
            assertEquals(List.of(), same(store, find("not-there")));
            store.texts(live, "tail-only-term again");
            assertEquals(2, same(store, find("TAIL-only")).size());
            assertEquals(1, same(store, find("indexed-term")).size());
            assertEquals(2, store.count("SELECT COUNT(*) FROM search_block"), "only what the indexer was told");
        }
        try (IndexedStore store = IndexedStore.open(dir)) {
            store.scanShare(1.0);
            assertEquals(2, same(store, find("tail-only")).size(), "a new process reads the tail directly");
            store.db.indexer(); // a writing process starts its indexer: it catches up with what it finds
            store.awaitIndexed();
            assertEquals(4, store.count("SELECT COUNT(*) FROM search_block"));
            assertEquals(303, store.count("SELECT indexed_through + 1 FROM search_progress"));
            assertEquals(2, same(store, find("tail-only")).size());
        }
    }

    @Test
    void searchesWhileTheIndexerIsBusyAnswerAsTheFullScan() throws Exception {
        try (IndexedStore store = IndexedStore.open(dir)) {
            store.scanShare(1.0);
            long c = store.connection("s1");
            for (int round = 0; round < 40; round++) {
                store.texts(c, ticks(round * 50, 50));
                store.texts(c, "moving-needle " + round);
                assertEquals(round + 1, same(store, find("moving-needle")).size());
            }
        }
    }

    @Test
    void filtersBySessionAndDirectionAndStopsAtTheLimit() throws Exception {
        try (IndexedStore store = IndexedStore.open(dir)) {
            store.scanShare(1.0);
            List<Long> connections = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                long c = store.connection(i % 3 == 0 ? "alpha" : "beta");
                connections.add(c);
                store.texts(c, ticks(0, 40));
                store.texts(c, "needle " + i, "needle " + i + " echoed");
                store.texts(c, ticks(40, 300));
                if (i % 2 == 0) {
                    store.end(c);
                }
            }
            store.awaitIndexed();
            assertEquals(24, same(store, find("needle")).size());
            assertEquals(8, same(store, new SearchQuery("needle", false, "alpha", null, 0)).size());
            assertEquals(12, same(store, new SearchQuery("needle", false, null, Direction.RECEIVE, 0)).size());
            assertEquals(4, same(store, new SearchQuery("needle", false, "alpha", Direction.SEND, 0)).size());
            assertEquals(0, same(store, new SearchQuery("needle", false, "nobody", null, 0)).size());
            assertEquals(5, same(store, new SearchQuery("needle", false, null, null, 5)).size());
            assertEquals(1, same(store, new SearchQuery("needle", false, "beta", Direction.RECEIVE, 1)).size());
            assertTrue(store.narrows(new SearchQuery("needle", false, "alpha", null, 0)));
        }
    }

    @Test
    void aDeletedSessionYieldsNothingLosesItsIndexRowsAndNeverGivesBackItsBlockNumbers() throws Exception {
        try (IndexedStore store = IndexedStore.open(dir)) {
            store.scanShare(1.0);
            long kept = store.connection("kept");
            long gone = store.connection("gone");
            store.texts(kept, ticks(0, 300));
            store.texts(gone, ticks(0, 300));
            store.texts(kept, "shared-term kept");
            store.texts(gone, "shared-term gone");
            store.end(gone);
            store.awaitIndexed();
            assertEquals(2, same(store, find("shared-term")).size());
            long next = store.count("SELECT next_block FROM search_state");
            assertEquals(4, next);

            new Sessions(store.db).delete("gone");
            assertEquals(0, store.count("SELECT COUNT(*) FROM search_block WHERE connection_id = " + gone));
            assertEquals(0, store.count("SELECT COUNT(*) FROM search_progress WHERE connection_id = " + gone));
            assertEquals(0, store.count("SELECT COUNT(*) FROM block WHERE id BETWEEN " + FrameKey.first(gone) + " AND "
                    + FrameKey.last(gone)));
            assertEquals(List.of(store.search(find("shared-term kept")).get(0)), same(store, find("shared-term")));

            store.texts(kept, ticks(300, 300));
            store.end(kept);
            store.awaitIndexed();
            same(store, find("shared-term"));
            assertEquals(next + 1, store.count("SELECT next_block FROM search_state"), "numbers continue, never reused");
        }
    }

    @Test
    void persistsFullSegmentsAndTheOpenOneAndGoesOnAfterReopening() throws Exception {
        try (IndexedStore store = IndexedStore.open(dir)) {
            store.scanShare(1.0);
            for (int i = 0; i < 300; i++) {
                long c = store.connection("many");
                store.texts(c, "short-lived " + i, i % 97 == 0 ? "rare-needle-" + i : "nothing special", "bye");
                store.end(c);
            }
            store.awaitIndexed();
            assertEquals(4, same(store, find("rare-needle")).size());
            assertEquals(300, store.count("SELECT COUNT(*) FROM search_block"));
            assertEquals(3, store.count("SELECT COUNT(DISTINCT segment) FROM search_slice"), "two full segments and the open one");
        }
        try (IndexedStore store = IndexedStore.open(dir)) {
            store.scanShare(1.0);
            assertTrue(store.narrows(find("rare-needle")));
            assertEquals(4, same(store, find("rare-needle")).size());
            assertEquals(List.of(), same(store, find("rare-needle-1 ")));
            assertEquals(1, same(store, find("RARE-NEEDLE-291")).size(), "in the open segment, as persisted");
            assertEquals(1, same(store, find("rare-needle-0")).size(), "in the first segment");
            for (int i = 0; i < 90; i++) {
                long c = store.connection("many");
                store.texts(c, "later " + i); // the indexer rebuilds the open segment's bits, then adds to it
                store.end(c);
            }
            store.awaitIndexed();
            assertEquals(390, store.count("SELECT COUNT(*) FROM search_block"));
        }
        try (IndexedStore store = IndexedStore.open(dir)) {
            store.scanShare(1.0);
            assertTrue(store.narrows(find("rare-needle-291")));
            assertEquals(0, store.count("SELECT COUNT(*) FROM connection c LEFT JOIN search_progress p ON p.connection_id = c.id"
                    + " WHERE c.frames > COALESCE(p.indexed_through, -1) + 1"), "nothing left to read directly");
            assertEquals(1, same(store, find("rare-needle-291")).size(), "the segment begun before the reopen kept its bits");
            assertEquals(1, same(store, find("later 89")).size());
            assertEquals(1, same(store, find("later 0")).size());
        }
    }

    @Test
    void indexesAndFindsABlockStoredAsALargeObject() throws Exception {
        try (IndexedStore store = IndexedStore.open(dir)) {
            store.scanShare(1.0);
            long c = store.connection("s1");
            store.texts(c, ticks(0, 300));
            byte[] random = new byte[1_500_000];
            new Random(7).nextBytes(random);
            String big = java.util.Base64.getEncoder().encodeToString(random) + " needle-in-a-blob";
            store.texts(c, big);
            store.texts(c, ticks(300, 300));
            store.end(c);
            store.awaitIndexed();
            assertEquals(1, store.count("SELECT COUNT(*) FROM block WHERE body_large IS NOT NULL"), "over 1 MB compressed");
            assertEquals(1, same(store, find("NEEDLE-IN-A-BLOB")).size());
            assertTrue(store.narrows(find("needle-in-a-blob")));
        }
    }

    @Test
    void aWholeWordIsNotNarrowedBecauseItsCaseFoldingIsWiderThanLowercasing() throws Exception {
        try (IndexedStore store = IndexedStore.open(dir)) {
            store.scanShare(1.0);
            long c = store.connection("s1");
            store.texts(c, ticks(0, 100));
            store.texts(c, "a clas\u017F apart"); // the long s folds to s, but lowercases to itself
            store.end(c);
            store.awaitIndexed();
            SearchQuery word = find("class").withWholeWord(true);
            assertEquals(1, same(store, word).size());
            assertFalse(store.narrows(word));
        }
    }

    @Test
    void theIndexerSaysItHasCaughtUpOnlyWhenItHasAndClosingWaitsForIt() throws Exception {
        long frames;
        try (IndexedStore store = IndexedStore.open(dir)) {
            long c = store.connection("s1");
            store.texts(c, "first");
            store.awaitIndexed(); // an idle indexer, then a burst it is told of at once
            store.texts(c, ticks(0, 150_000));
            frames = store.count("SELECT frames FROM connection WHERE id = " + c);
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
            while (!store.db.isIndexed() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertEquals(frames, store.count("SELECT COALESCE(MAX(indexed_through) + 1, 0) FROM search_progress"),
                    "caught up means every committed frame is indexed");
            store.texts(c, ticks(150_000, 150_000));
            frames = store.count("SELECT frames FROM connection WHERE id = " + c);
        }
        try (IndexedStore store = IndexedStore.open(dir)) {
            assertEquals(frames, store.count("SELECT indexed_through + 1 FROM search_progress"),
                    "every committed frame indexed before the file closed");
        }
    }

    @Test
    void aReadOnlySnapshotSearchesWhatIsIndexedAndScansTheRest() throws Exception {
        try (IndexedStore store = IndexedStore.open(dir)) {
            long a = store.connection("s1");
            store.texts(a, ticks(0, 600));
            store.texts(a, "snap-term one");
            store.end(a);
            store.awaitIndexed();
            store.holdIndexing(true);
            long b = store.connection("s1");
            store.texts(b, ticks(0, 600));
            store.texts(b, "snap-term two");
        }
        try (IndexedStore snapshot = new IndexedStore(Database.openReadOnly(dir))) {
            snapshot.scanShare(1.0);
            assertTrue(snapshot.narrows(find("snap-term")));
            assertEquals(2, same(snapshot, find("snap-term")).size());
        }
    }
}
