package dev.sockscope.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Answers "where can this substring be?" from the index {@link SearchIndexer} persists: the blocks
 * whose trigram signature holds every trigram of the needle, plus every frame not indexed yet
 * (read directly). {@link FrameQueries} reads those ranges and its matcher decides, so results are
 * exactly those of a full scan, in the same order. Reads only: a search never builds anything, so
 * a new process (the CLI) pays nothing but a few index reads.
 *
 * <p>The order of the reads is what keeps results exact while the indexer commits (H2 takes a
 * table's snapshot when a transaction first reads it, not one snapshot for all tables): progress
 * first, then the block count and the slices, then the blocks. A frame indexed after the progress
 * was read is in a tail anyway; one indexed before is in the slices; a frame in both is merged
 * away, so none is missed and none is read twice.
 */
final class SearchIndex {
    /**
     * Above this share of the blocks as candidates the index narrows nothing worth its reads and
     * a plain scan is used. Below it the candidates are read even for a frequent term: a term in
     * most blocks of some connections and none of others (one feed's symbol) is found without
     * reading the others first; neighbouring candidates merge into one range, so a dense set
     * costs no more than a scan.
     */
    static final double SCAN_SHARE = 0.9;
    /** Up to this many candidates are looked up one by one; more, and search_block is read in one pass. */
    private static final int LOOKUPS = 2_000;

    /** Frames {@code fromSeq..toSeq} of one connection. */
    record FrameRange(long connection, int fromSeq, int toSeq) {
    }

    private SearchIndex() {
    }

    /**
     * True when a query can be narrowed by the index: a plain substring of three chars or more. Not
     * a regex, and not a whole word either: those match with Unicode case folding, which makes more
     * chars equal than lowercasing does (ſ and s), so the needle's trigrams could miss a match.
     */
    static boolean canNarrow(dev.sockscope.core.SearchQuery query) {
        return !query.regex() && !query.wholeWord() && query.text().toLowerCase(Locale.ROOT).length() >= TrigramSignature.MIN_NEEDLE;
    }

    /**
     * The frame ranges that can hold {@code needle}, in (connection, seq) order, within
     * {@code scope} (connection ids; null for all); empty when a full scan is the better way (a
     * frequent term) or the index cannot tell.
     */
    static Optional<List<FrameRange>> plan(Connection db, String needle, Set<Long> scope, double scanShare) throws SQLException {
        return plan(db, needle, scope, scanShare, LOOKUPS);
    }

    /** The same, looking candidates up one by one only up to {@code lookups} of them (for tests of both ways). */
    static Optional<List<FrameRange>> plan(Connection db, String needle, Set<Long> scope, double scanShare, int lookups)
            throws SQLException {
        int[] grams = TrigramSignature.needleGrams(needle);
        if (grams.length == 0 || !hasTables(db)) {
            return Optional.empty();
        }
        List<FrameRange> ranges = tails(db, scope);
        int indexed;
        try (PreparedStatement ps = db.prepareStatement("SELECT next_block FROM search_state WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            indexed = rs.next() ? rs.getInt(1) : 0;
        }
        BitSet candidates = candidates(db, grams, indexed);
        if (candidates.cardinality() > scanShare * indexed) {
            return Optional.empty();
        }
        if (candidates.cardinality() <= lookups) {
            try (PreparedStatement ps = db.prepareStatement(
                    "SELECT connection_id, first_seq, last_seq FROM search_block WHERE block = ?")) {
                for (int b = candidates.nextSetBit(0); b >= 0; b = candidates.nextSetBit(b + 1)) {
                    ps.setInt(1, b);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next() && (scope == null || scope.contains(rs.getLong(1)))) {
                            ranges.add(new FrameRange(rs.getLong(1), rs.getInt(2), rs.getInt(3)));
                        }
                    }
                }
            }
        } else {
            try (PreparedStatement ps = db.prepareStatement("SELECT block, connection_id, first_seq, last_seq FROM search_block");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (candidates.get(rs.getInt(1)) && (scope == null || scope.contains(rs.getLong(2)))) {
                        ranges.add(new FrameRange(rs.getLong(2), rs.getInt(3), rs.getInt(4)));
                    }
                }
            }
        }
        return Optional.of(merged(ranges));
    }

    /** The frames of each connection (in scope) after what is indexed: all of a connection never indexed. */
    private static List<FrameRange> tails(Connection db, Set<Long> scope) throws SQLException {
        List<FrameRange> tails = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement("SELECT c.id, COALESCE(p.indexed_through, -1) FROM connection c"
                + " LEFT JOIN search_progress p ON p.connection_id = c.id WHERE c.frames > COALESCE(p.indexed_through, -1) + 1");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                if (scope == null || scope.contains(rs.getLong(1))) {
                    tails.add(new FrameRange(rs.getLong(1), rs.getInt(2) + 1, Integer.MAX_VALUE));
                }
            }
        }
        return tails;
    }

    /** Index blocks (below {@code indexed}) whose signature holds every gram. */
    private static BitSet candidates(Connection db, int[] grams, int indexed) throws SQLException {
        int segments = (indexed + SegmentBits.BLOCKS - 1) / SegmentBits.BLOCKS;
        long[] words = null;
        try (PreparedStatement ps = db.prepareStatement("SELECT segment, bits FROM search_slice WHERE gram = ?")) {
            for (int gram : grams) {
                long[] gramWords = new long[segments * 2];
                ps.setInt(1, gram);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        int segment = rs.getInt(1);
                        if (segment < segments) {
                            long[] slice = SegmentBits.fromBytes(rs.getBytes(2));
                            gramWords[segment * 2] = slice[0];
                            gramWords[segment * 2 + 1] = slice[1];
                        }
                    }
                }
                words = words == null ? gramWords : and(words, gramWords);
                if (Arrays.stream(words).allMatch(w -> w == 0)) {
                    break;
                }
            }
        }
        // Block b is bit b: segment s's two longs are words 2s and 2s+1, as BitSet.valueOf reads them.
        BitSet bits = BitSet.valueOf(words == null ? new long[0] : words);
        bits.clear(indexed, Math.max(indexed, bits.length()));
        return bits;
    }

    private static long[] and(long[] a, long[] b) {
        for (int i = 0; i < a.length; i++) {
            a[i] &= b[i];
        }
        return a;
    }

    /** Sorted by (connection, seq), overlapping and neighbouring ranges joined: fewer reads, each frame once. */
    static List<FrameRange> merged(List<FrameRange> ranges) {
        ranges.sort(Comparator.comparingLong(FrameRange::connection).thenComparingInt(FrameRange::fromSeq));
        List<FrameRange> out = new ArrayList<>(ranges.size());
        for (FrameRange r : ranges) {
            FrameRange last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && last.connection() == r.connection() && (long) last.toSeq() + 1 >= r.fromSeq()) {
                out.set(out.size() - 1, new FrameRange(r.connection(), last.fromSeq(), Math.max(last.toSeq(), r.toSeq())));
            } else {
                out.add(r);
            }
        }
        return out;
    }

    private static boolean hasTables(Connection db) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME IN"
                + " ('SEARCH_BLOCK', 'SEARCH_SLICE', 'SEARCH_STATE', 'SEARCH_PROGRESS')");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getInt(1) == 4;
        }
    }
}
