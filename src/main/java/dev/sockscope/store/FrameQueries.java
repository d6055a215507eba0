package dev.sockscope.store;

import dev.sockscope.core.Message;
import dev.sockscope.core.Opcode;
import dev.sockscope.core.RecordedFrame;
import dev.sockscope.core.SearchQuery;
import dev.sockscope.core.Utf8;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Reads recorded frames back from their blocks: a connection's frames in order (to reopen it, a
 * page at a time), or the messages of a session or a search (search and export work on messages:
 * a fragmented message is found and written once, whole). Matching is done in Java on the decoded
 * text, streamed: results go to the caller as they are found, never collected whole.
 */
public final class FrameQueries {
    private static final String SELECT = "SELECT " + StoredBlocks.COLUMNS + " FROM block b";

    private final Database database;
    private double scanShare = SearchIndex.SCAN_SHARE;
    /** What searches and exports through this instance left out because it was damaged, one line each. */
    private final List<String> damaged = new ArrayList<>();

    public FrameQueries(Database database) {
        this.database = database;
    }

    /** For tests: the candidate share above which a search gives up the index for a full scan. */
    void scanShare(double share) {
        this.scanShare = share;
    }

    /**
     * Calls {@code sink} for each matching message, oldest first (by connection, then position);
     * returns how many matched. A plain substring of three chars or more is narrowed by the
     * {@link SearchIndex} to the blocks that can hold it; everything else is one streaming scan.
     */
    public int search(SearchQuery query, Consumer<RecordedFrame> sink) {
        return read(c -> {
            Set<Long> scope = query.session() == null ? null : connectionsOf(c, query.session());
            if (SearchIndex.canNarrow(query)) {
                Optional<List<SearchIndex.FrameRange>> plan = SearchIndex.plan(c, query.text(), scope, scanShare);
                if (plan.isPresent()) {
                    return scan(c, query, plan.get(), sink);
                }
            }
            return scan(c, query, scope, sink);
        });
    }

    /**
     * The blocks a search or an export through this instance could not read (a damaged file) and
     * left out, in words for the user; empty when everything was read. The caller says so once it
     * has delivered the rest.
     */
    public List<String> damaged() {
        return List.copyOf(damaged);
    }

    /** A block's frames; a damaged block is noted and read as none, so one bad block does not lose the rest. */
    private List<FrameBlock.Row> readOrSkip(ResultSet rs) throws SQLException {
        try {
            return StoredBlocks.read(rs, 1, database.file());
        } catch (StoreException e) {
            if (!(e.getCause() instanceof DamagedBlockException)) {
                throw e;
            }
            damaged.add(e.getMessage());
            return List.of();
        }
    }

    /** The search without the index: one pass over every block. For tests and the benchmark's baseline. */
    int searchByFullScan(SearchQuery query, Consumer<RecordedFrame> sink) {
        return read(c -> scan(c, query, query.session() == null ? null : connectionsOf(c, query.session()), sink));
    }

    private int scan(Connection c, SearchQuery query, Set<Long> scope, Consumer<RecordedFrame> sink) throws SQLException {
        if (scope != null) {
            List<SearchIndex.FrameRange> ranges = new ArrayList<>();
            for (long id : scope.stream().sorted().toList()) {
                ranges.add(new SearchIndex.FrameRange(id, 0, Integer.MAX_VALUE));
            }
            return scan(c, query, ranges, sink);
        }
        Matches matches = new Matches(c, query, sink);
        // Primary-key order streams without sorting: connections in the order they were
        // recorded, each one's blocks in sequence.
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE b.max_us >= ? AND b.min_us < ? ORDER BY b.id")) {
            bindTime(ps, 1, query);
            matches.drain(ps, 0, Integer.MAX_VALUE);
        }
        return matches.found;
    }

    /** Reads only these ranges, in order, with the query's filters and matcher. */
    private int scan(Connection c, SearchQuery query, List<SearchIndex.FrameRange> ranges, Consumer<RecordedFrame> sink)
            throws SQLException {
        Matches matches = new Matches(c, query, sink);
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE b.id BETWEEN ? AND ? AND b.max_us >= ? AND b.min_us < ?"
                + " ORDER BY b.id")) {
            for (SearchIndex.FrameRange r : ranges) {
                if (matches.full()) {
                    break;
                }
                // Ranges start at a block's first frame (the index and the tails are block-aligned).
                ps.setLong(1, FrameKey.of(r.connection(), r.fromSeq()));
                ps.setLong(2, FrameKey.of(r.connection(), r.toSeq()));
                bindTime(ps, 3, query);
                matches.drain(ps, r.fromSeq(), r.toSeq());
            }
        }
        return matches.found;
    }

    /** A block holds no message of the query's time range when it ends before it or starts after it. */
    private static void bindTime(PreparedStatement ps, int first, SearchQuery query) throws SQLException {
        ps.setLong(first, query.fromMicros() >= 0 ? query.fromMicros() : Long.MIN_VALUE);
        ps.setLong(first + 1, query.toMicros() >= 0 ? query.toMicros() : Long.MAX_VALUE);
    }

    /** Decides each message read with the query's filters and matcher, and counts what went to the sink. */
    private final class Matches {
        private final SearchQuery query;
        private final Predicate<String> matches;
        private final AsciiNeedle ascii;
        private final Consumer<RecordedFrame> sink;
        private final Names names;
        private int found;

        Matches(Connection c, SearchQuery query, Consumer<RecordedFrame> sink) {
            this.query = query;
            this.matches = query.textMatcher();
            this.ascii = AsciiNeedle.of(query);
            this.sink = sink;
            this.names = new Names(c);
        }

        boolean full() {
            return query.limit() > 0 && found >= query.limit();
        }

        private boolean textMatches(Message message) {
            if (query.text().isEmpty()) {
                return true;
            }
            if (ascii != null && message.opcode() != Opcode.BINARY) {
                int answer = ascii.find(message.payload());
                if (answer != AsciiNeedle.UNDECIDED) {
                    return answer == AsciiNeedle.YES;
                }
            }
            return matches.test(searchable(message.opcode(), message.payload()));
        }

        void drain(PreparedStatement ps, int fromSeq, int toSeq) throws SQLException {
            ps.setFetchSize(8);
            try (ResultSet rs = ps.executeQuery()) {
                while (!full() && rs.next()) {
                    long key = rs.getLong(1);
                    long connection = FrameKey.connection(key);
                    String[] name = names.of(connection);
                    int seq = FrameKey.seq(key);
                    for (FrameBlock.Row row : readOrSkip(rs)) {
                        Message message = row.message();
                        if (seq >= fromSeq && seq <= toSeq && message != null && query.accepts(name[0], name[1], message)
                                && (!query.modifiedOnly() || row.interception() != null && row.interception().modified())
                                && textMatches(message)) {
                            sink.accept(new RecordedFrame(name[0], connection, seq, name[1], row.frame(), message, row.interception()));
                            if (++found == query.limit()) {
                                return;
                            }
                        }
                        seq++;
                    }
                }
            }
        }
    }

    /** Every frame of one connection, in order, each with the message it completes. */
    public int byConnection(long connectionId, Consumer<RecordedFrame> sink) {
        return byConnection(connectionId, 0, Integer.MAX_VALUE, sink);
    }

    /** The frames of one connection from position {@code fromSeq} through {@code toSeq}, in order: a page. */
    public int byConnection(long connectionId, int from, int toSeq, Consumer<RecordedFrame> sink) {
        int fromSeq = Math.max(0, from);
        if (fromSeq > toSeq) {
            return 0;
        }
        return read(c -> {
            Names names = new Names(c);
            String[] name = names.of(connectionId);
            int found = 0;
            // The block holding fromSeq starts at or before it: the last one that does, then the rest.
            try (PreparedStatement first = c.prepareStatement(SELECT + " WHERE b.id BETWEEN ? AND ? ORDER BY b.id DESC LIMIT 1");
                 PreparedStatement rest = c.prepareStatement(SELECT + " WHERE b.id BETWEEN ? AND ? ORDER BY b.id")) {
                first.setLong(1, FrameKey.first(connectionId));
                first.setLong(2, FrameKey.of(connectionId, fromSeq));
                found += emit(first, connectionId, fromSeq, toSeq, name, sink);
                if (fromSeq < toSeq) {
                    rest.setLong(1, FrameKey.of(connectionId, fromSeq) + 1);
                    rest.setLong(2, FrameKey.of(connectionId, toSeq));
                    rest.setFetchSize(8);
                    found += emit(rest, connectionId, fromSeq, toSeq, name, sink);
                }
            }
            return found;
        });
    }

    private int emit(PreparedStatement ps, long connection, int fromSeq, int toSeq, String[] name, Consumer<RecordedFrame> sink)
            throws SQLException {
        int found = 0;
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                int seq = FrameKey.seq(rs.getLong(1));
                for (FrameBlock.Row row : readOrSkip(rs)) {
                    if (seq >= fromSeq && seq <= toSeq) {
                        sink.accept(new RecordedFrame(name[0], connection, seq, name[1], row.frame(), row.message(),
                                row.interception()));
                        found++;
                    }
                    seq++;
                }
            }
        }
        return found;
    }

    /** Every message of a session (or all sessions when null), in recording order. */
    public int export(String session, Consumer<RecordedFrame> sink) {
        return search(new SearchQuery("", false, session, null, 0), sink);
    }

    /** What the matcher sees of a payload; the search index hashes exactly this, lowercased. */
    static String searchable(Opcode opcode, byte[] payload) {
        return opcode == Opcode.BINARY ? dev.sockscope.core.Bytes.hex(payload) : Utf8.decode(payload);
    }

    /** The ids of a session's connections; empty for an unknown session. */
    private static Set<Long> connectionsOf(Connection c, String session) throws SQLException {
        Set<Long> ids = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT c.id FROM connection c JOIN session s ON c.session_id = s.id"
                + " WHERE s.name = ?")) {
            ps.setString(1, session);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    /**
     * A read in one transaction at REPEATABLE_READ: each table is seen as it was when the read first
     * touched it (H2 takes a table's snapshot then), so a page or a search never sees a block
     * appear halfway; the search index relies on the order of its reads (see SearchIndex).
     */
    private int read(Reading reading) {
        try (Connection c = database.connect()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                return reading.read(c);
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw Database.translate(e, database.file());
        }
    }

    @FunctionalInterface
    private interface Reading {
        int read(Connection c) throws SQLException;
    }

    /** Session name and URL per connection, looked up once each. */
    private static final class Names {
        private final Connection db;
        private final Map<Long, String[]> cache = new HashMap<>();

        Names(Connection db) {
            this.db = db;
        }

        String[] of(long connection) throws SQLException {
            String[] known = cache.get(connection);
            if (known != null) {
                return known;
            }
            try (PreparedStatement ps = db.prepareStatement(
                    "SELECT s.name, c.url FROM connection c JOIN session s ON c.session_id = s.id WHERE c.id = ?")) {
                ps.setLong(1, connection);
                try (ResultSet rs = ps.executeQuery()) {
                    String[] found = rs.next() ? new String[] {rs.getString(1), rs.getString(2)} : new String[] {"", ""};
                    cache.put(connection, found);
                    return found;
                }
            }
        }
    }
}
