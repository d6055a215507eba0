package dev.sockscope.store;

import dev.sockscope.core.Bytes;
import dev.sockscope.core.Direction;
import dev.sockscope.core.Opcode;
import dev.sockscope.core.RecordedFrame;
import dev.sockscope.core.SearchQuery;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A real H2 file database for search tests, written block by block as the recorder writes, so a
 * test decides exactly which connections are live or ended, where blocks begin and whether the
 * indexer hears of them; and the two ways to search it (through the index, and the full scan it
 * must agree with).
 */
final class IndexedStore implements AutoCloseable {
    final Database db;
    final FrameQueries queries;
    /** Per connection: frames, messages, bytes written. */
    private final Map<Long, long[]> counts = new HashMap<>();
    private boolean holdIndexing;
    private final List<Object[]> queued = new ArrayList<>();
    private long clock;
    private double share = SearchIndex.SCAN_SHARE;

    IndexedStore(Database db) {
        this.db = db;
        this.queries = new FrameQueries(db);
    }

    static IndexedStore open(Path dir) {
        return new IndexedStore(Database.open(dir));
    }

    /** A new live connection (ended_us null) recorded by this process into {@code session}. */
    long connection(String session) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO connection(session_id, url, origin, started_us) VALUES (?, 'ws://test/', 'client', 0)",
                PreparedStatement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, Sessions.idOf(c, session));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    void end(long connection) throws SQLException {
        execute("UPDATE connection SET ended_us = 1 WHERE id = " + connection);
    }

    /** Appends text frames, alternating send and receive. */
    void texts(long connection, String... texts) throws SQLException {
        for (int i = 0; i < texts.length; i++) {
            add(connection, i % 2 == 0 ? Direction.SEND : Direction.RECEIVE, Opcode.TEXT, texts[i].getBytes(StandardCharsets.UTF_8));
        }
        flush();
    }

    void frame(long connection, Direction direction, Opcode opcode, byte[] payload) throws SQLException {
        add(connection, direction, opcode, payload);
        flush();
    }

    /** Queues a frame; written (in one commit with the others queued) by the next {@link #flush}. */
    void add(long connection, Direction direction, Opcode opcode, byte[] payload) {
        queued.add(new Object[] {connection, direction, opcode, payload});
    }

    /**
     * Writes the queued frames as the recorder does: each connection's frames in blocks (a new
     * block per flush, split at the block limits), its counters, one commit; then tells the
     * indexer, unless {@link #holdIndexing} asked it not to (the frames then stay unindexed, as
     * after a kill -9 between a commit and its indexing).
     */
    void flush() throws SQLException {
        if (queued.isEmpty()) {
            return;
        }
        Map<Long, FrameBlock.Builder> open = new java.util.LinkedHashMap<>();
        try (Connection c = db.connect(); StoredBlocks blocks = new StoredBlocks(c);
             PreparedStatement counters = c.prepareStatement(StoredBlocks.COUNT)) {
            c.setAutoCommit(false);
            for (Object[] row : queued) {
                long connection = (Long) row[0];
                FrameBlock.Builder block = open.computeIfAbsent(connection, k -> new FrameBlock.Builder());
                dev.sockscope.core.Frame frame = dev.sockscope.core.Frame.message((Direction) row[1], (Opcode) row[2],
                        (byte[]) row[3], ++clock);
                block.add(dev.sockscope.core.Leg.UPSTREAM, frame, dev.sockscope.core.Message.of(frame), null);
                if (block.isFull()) {
                    write(blocks, connection, block);
                }
            }
            for (Map.Entry<Long, FrameBlock.Builder> e : open.entrySet()) {
                write(blocks, e.getKey(), e.getValue());
                long[] count = counts.get(e.getKey());
                StoredBlocks.count(counters, e.getKey(), count[0], count[1], count[2], clock);
            }
            c.commit();
        }
        queued.clear();
        if (!holdIndexing) {
            for (Long connection : open.keySet()) {
                db.indexer().committed(connection, (int) counts.get(connection)[0]);
            }
        }
    }

    private void write(StoredBlocks blocks, long connection, FrameBlock.Builder block) throws SQLException {
        if (block.isEmpty()) {
            return;
        }
        long[] count = counts.computeIfAbsent(connection, k -> new long[3]);
        blocks.insert(connection, (int) count[0], block);
        count[0] += block.frames();
        count[1] += block.messages();
        count[2] += block.bytes();
        block.clear();
    }

    /** Frames from now on are committed without telling the indexer (true), or told again (false). */
    void holdIndexing(boolean hold) {
        this.holdIndexing = hold;
    }

    /** Waits until the indexer has indexed and persisted everything it was told. */
    void awaitIndexed() {
        dev.sockscope.testing.Eventually.eventually(java.time.Duration.ofSeconds(30), "the indexer caught up", db::isIndexed);
    }

    void execute(String sql) throws SQLException {
        try (Connection c = db.connect()) {
            c.createStatement().execute(sql);
        }
    }

    long count(String sql) throws SQLException {
        try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Results through the index (or its own fallback), one line per frame. */
    List<String> search(SearchQuery query) {
        List<String> out = new ArrayList<>();
        queries.search(query, f -> out.add(line(f)));
        return out;
    }

    /** Results of today's full scan, the reference. */
    List<String> scan(SearchQuery query) {
        List<String> out = new ArrayList<>();
        queries.searchByFullScan(query, f -> out.add(line(f)));
        return out;
    }

    /** For the next searches: the candidate share above which the index gives way to a full scan. */
    void scanShare(double share) {
        this.share = share;
        queries.scanShare(share);
    }

    /** True when the index narrows this query instead of leaving it to a full scan. */
    boolean narrows(SearchQuery query) throws SQLException {
        return SearchIndex.canNarrow(query) && plan(query, Integer.MAX_VALUE).isPresent();
    }

    /** The index's ranges for a substring query, candidates looked up one by one up to {@code lookups}. */
    java.util.Optional<List<SearchIndex.FrameRange>> plan(SearchQuery query, int lookups) throws SQLException {
        try (Connection c = db.connect()) {
            java.util.Set<Long> scope = null;
            if (query.session() != null) {
                scope = new java.util.HashSet<>();
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT c.id FROM connection c JOIN session s ON c.session_id = s.id WHERE s.name = ?")) {
                    ps.setString(1, query.session());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            scope.add(rs.getLong(1));
                        }
                    }
                }
            }
            return SearchIndex.plan(c, query.text(), scope, share, lookups);
        }
    }

    static String line(RecordedFrame f) {
        return f.session() + " c" + f.connectionId() + " t" + f.frame().timestampMicros() + " " + f.frame().direction()
                + " " + f.frame().opcode() + " " + Bytes.hex(f.frame().payload());
    }

    @Override
    public void close() {
        db.close();
    }
}
