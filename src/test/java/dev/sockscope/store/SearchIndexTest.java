package dev.sockscope.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockscope.core.Direction;
import dev.sockscope.core.Opcode;
import dev.sockscope.core.SearchQuery;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The search index narrows substring searches and must never change their answer: every test
 * compares the indexed search with today's full scan (same frames, same order) on a real H2 file.
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
            store.db.searchIndex().scanShare(1.0); // always narrow: this test is about the narrowed path
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

            assertEquals(2, same(store, find("order-rare")).size());
            assertEquals(2, same(store, find("ORDER-Rare")).size(), "case differences do not matter");
            assertEquals(1, same(store, find("GRÜẞE")).size());
            assertEquals(1, same(store, find("ärger über 😀")).size(), "non-ASCII, lowercased as the matcher does");
            assertEquals(1, same(store, find("DEADBEEF")).size(), "binary frames match by their hex");
            assertEquals(1200, same(store, find("tick")).size());
            assertEquals(0, same(store, find("no such thing")).size());
            assertTrue(store.narrows(find("order-rare")));
        }
    }

    @Test
    void aFrequentTermIsLeftToTheFullScanAndARareOneIsNarrowed() throws Exception {
        try (IndexedStore store = IndexedStore.open(dir)) {
            long a = store.connection("s1");
            store.texts(a, ticks(0, 2000));
            store.texts(a, "order-rare");
            store.end(a);
            assertFalse(store.narrows(find("tick")), "in every block: a scan stops at the first page sooner");
            assertTrue(store.narrows(find("order-rare")));
            assertTrue(store.narrows(find("OrDeR-rArE")));
            assertEquals(50, same(store, new SearchQuery("tick", false, null, null, 50)).size());
            assertEquals(1, same(store, find("order-rare")).size());
        }
    }

    @Test
    void findsATermThatIsOnlyInTheUnindexedTail() throws Exception {
        try (IndexedStore store = IndexedStore.open(dir)) {
            store.db.searchIndex().scanShare(1.0);
            long live = store.connection("s1");
            store.texts(live, ticks(0, 300));
            store.texts(live, "tail-only-term");
            assertEquals(List.of(), same(store, find("not-there")));
            store.texts(live, "tail-only-term again");
            assertEquals(2, same(store, find("TAIL-only")).size());
            assertEquals(1, store.count("SELECT COUNT(*) FROM search_block"), "the first 256 frames form a block, the rest is tail");
        }
    }

    @Test
    void aLiveConnectionsBlockThatCompletesBetweenSearchesIsIndexedAndStillFound() throws Exception {
        try (IndexedStore store = IndexedStore.open(dir)) {
            store.db.searchIndex().scanShare(1.0);
            long live = store.connection("s1");
            store.texts(live, ticks(0, 100));
            store.texts(live, "late-needle one");
            store.texts(live, ticks(100, 100));
            assertEquals(1, same(store, find("late-needle")).size());
            assertEquals(0, store.count("SELECT COUNT(*) FROM search_block"), "a live partial block is not indexed");

            store.texts(live, ticks(200, 100));
            store.texts(live, "late-needle two");
            assertEquals(2, same(store, find("late-needle")).size());
            assertEquals(1, store.count("SELECT COUNT(*) FROM search_block"));
            assertEquals(255, store.count("SELECT last_seq FROM search_block"));

            store.end(live);
            assertEquals(2, same(store, find("late-needle")).size());
            assertEquals(2, store.count("SELECT COUNT(*) FROM search_block"), "an ended connection's rest is indexed");
            assertEquals(1, store.count("SELECT COUNT(*) FROM search_block WHERE last_of_connection"));
        }
    }

    @Test
    void filtersBySessionAndDirectionAndStopsAtTheLimit() throws Exception {
        try (IndexedStore store = IndexedStore.open(dir)) {
            store.db.searchIndex().scanShare(1.0);
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
    void aDeletedSessionYieldsNothingLosesItsBlocksAndNeverGivesBackItsBlockNumbers() throws Exception {
        try (IndexedStore store = IndexedStore.open(dir)) {
            store.db.searchIndex().scanShare(1.0);
            long kept = store.connection("kept");
            long gone = store.connection("gone");
            store.texts(kept, ticks(0, 300));
            store.texts(gone, ticks(0, 300));
            store.texts(kept, "shared-term kept");
            store.texts(gone, "shared-term gone");
            store.end(gone);
            assertEquals(2, same(store, find("shared-term")).size());
            long next = store.count("SELECT next_block FROM search_state");
            assertEquals(3, next, "kept: one complete block; gone: two");

            new Sessions(store.db).delete("gone");
            assertEquals(0, store.count("SELECT COUNT(*) FROM search_block WHERE connection_id = " + gone));
            assertEquals(List.of(store.search(find("shared-term kept")).get(0)), same(store, find("shared-term")));

            store.texts(kept, ticks(300, 300));
            store.end(kept);
            same(store, find("shared-term"));
            assertEquals(0, store.count("SELECT COUNT(*) FROM search_block WHERE block < " + next + " AND connection_id <> " + kept));
            assertEquals(next + 2, store.count("SELECT next_block FROM search_state"), "numbers continue, never reused");
        }
    }

    @Test
    void persistsFullSegmentsAndRebuildsTheCurrentOneAfterReopening() throws Exception {
        long crashed;
        try (IndexedStore store = IndexedStore.open(dir)) {
            store.db.searchIndex().scanShare(1.0);
            for (int i = 0; i < 300; i++) {
                long c = store.connection("many");
                store.texts(c, "short-lived " + i, i % 97 == 0 ? "rare-needle-" + i : "nothing special", "bye");
                store.end(c);
            }
            crashed = store.connection("many");
            store.texts(crashed, ticks(0, 100));
            store.texts(crashed, "rare-needle in a connection cut short");
            assertEquals(5, same(store, find("rare-needle")).size());
            assertEquals(300, store.count("SELECT COUNT(*) FROM search_block"));
            assertEquals(2, store.count("SELECT COUNT(DISTINCT segment) FROM search_slice"), "two full segments of 128 blocks");
            assertEquals(1, store.count("SELECT MAX(segment) FROM search_slice"));
        }
        try (IndexedStore store = IndexedStore.open(dir)) {
            store.db.searchIndex().scanShare(1.0);
            assertTrue(store.narrows(find("rare-needle")));
            assertEquals(5, same(store, find("rare-needle")).size());
            assertEquals(List.of(), same(store, find("rare-needle-1 ")));
            assertEquals(1, same(store, find("RARE-NEEDLE-291")).size(), "in a block of the rebuilt current segment");
            assertEquals(1, same(store, find("rare-needle-0")).size(), "in the first persisted segment");
            assertEquals(301, store.count("SELECT COUNT(*) FROM search_block"),
                    "nothing re-indexed; the connection cut short by the previous process is sealed and indexed");
            assertEquals(1, store.count("SELECT COUNT(*) FROM search_block WHERE last_of_connection AND connection_id = " + crashed));
        }
        try (IndexedStore store = IndexedStore.open(dir)) {
            store.db.searchIndex().scanShare(1.0);
            for (int i = 0; i < 90; i++) {
                long c = store.connection("many");
                store.texts(c, "later " + i);
                store.end(c);
            }
            store.queries.prepareIndex(); // fills segment 2, begun before the reopen: its older blocks must be in it
            assertEquals(3, store.count("SELECT COUNT(DISTINCT segment) FROM search_slice"));
        }
        try (IndexedStore store = IndexedStore.open(dir)) {
            store.db.searchIndex().scanShare(1.0);
            assertEquals(1, same(store, find("rare-needle-291")).size(), "now in the third persisted segment");
            assertEquals(1, same(store, find("later 89")).size());
        }
    }

    @Test
    void indexesAPayloadStoredAsALargeObject() throws Exception {
        try (IndexedStore store = IndexedStore.open(dir)) {
            store.db.searchIndex().scanShare(1.0);
            long c = store.connection("s1");
            store.texts(c, ticks(0, 300));
            byte[] big = ("x".repeat(1_200_000) + " needle-in-a-blob").getBytes(StandardCharsets.UTF_8);
            store.frame(c, Direction.RECEIVE, Opcode.TEXT, big);
            store.texts(c, ticks(300, 300));
            store.end(c);
            assertEquals(1, store.count("SELECT COUNT(*) FROM frame WHERE payload_large IS NOT NULL"));
            assertEquals(1, same(store, find("NEEDLE-IN-A-BLOB")).size());
            assertTrue(store.narrows(find("needle-in-a-blob")));
        }
    }

    @Test
    void readsConnectionsRecordedAfterThePlanWasMade() throws Exception {
        try (IndexedStore store = IndexedStore.open(dir)) {
            store.db.searchIndex().scanShare(1.0);
            long first = store.connection("s1");
            store.texts(first, "late-term early");
            SearchQuery query = find("late-term");
            try (Connection c = store.db.connect()) {
                SearchIndex.Plan plan = store.db.searchIndex().plan(c, query.text(), null).orElseThrow();
                long later = store.connection("s1");
                store.texts(later, "late-term later");
                List<String> found = new ArrayList<>();
                store.queries.scan(c, query, plan, f -> found.add(IndexedStore.line(f)));
                assertEquals(store.scan(query), found);
                assertEquals(2, found.size());
            }
        }
    }

    @Test
    void aReadOnlySnapshotSearchesWhatIsIndexedAndScansTheRest() throws Exception {
        try (IndexedStore store = IndexedStore.open(dir)) {
            long a = store.connection("s1");
            store.texts(a, ticks(0, 600));
            store.texts(a, "snap-term one");
            store.end(a);
            same(store, find("snap-term"));
            long b = store.connection("s1");
            store.texts(b, ticks(0, 600));
            store.texts(b, "snap-term two");
        }
        try (IndexedStore snapshot = new IndexedStore(Database.openReadOnly(dir))) {
            snapshot.db.searchIndex().scanShare(1.0);
            assertTrue(snapshot.narrows(find("snap-term")));
            assertEquals(2, same(snapshot, find("snap-term")).size());
        }
    }
}
