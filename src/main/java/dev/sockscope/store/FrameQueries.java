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
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Reads recorded frames back: a connection's frames in order (to reopen it), or the messages of a
 * session or a search (search and export work on messages: a fragmented message is found and
 * written once, whole). Matching is done in Java on the decoded text, one pass over the rows,
 * streamed: the results are handed to the caller as they are found, never collected whole.
 */
public final class FrameQueries {
    /** Frames alone, in primary-key order: H2 streams it without sorting; names come from a small cache. */
    private static final String SELECT = "SELECT f.connection_id, f.seq, " + StoredFrames.COLUMNS + " FROM frame f";

    private final Database database;

    public FrameQueries(Database database) {
        this.database = database;
    }

    /**
     * Calls {@code sink} for each matching frame, oldest first; returns how many matched. A plain
     * substring of three chars or more is narrowed by the {@link SearchIndex} to the frame ranges
     * that can hold it; everything else, or a term in too many places, is one streaming scan.
     */
    public int search(SearchQuery query, java.util.function.Consumer<RecordedFrame> sink) {
        try (Connection c = database.connect()) {
            if (SearchIndex.canNarrow(query.text(), query.regex())) {
                Optional<SearchIndex.Plan> plan = database.searchIndex().plan(c, query.text(), query.session());
                if (plan.isPresent()) {
                    return scan(c, query, plan.get(), sink);
                }
            }
            return scan(c, query, sink);
        } catch (SQLException e) {
            throw Database.translate(e, database.file());
        }
    }

    /** The search without the index: one pass over every frame. For tests and the benchmark's baseline. */
    int searchByFullScan(SearchQuery query, java.util.function.Consumer<RecordedFrame> sink) {
        try (Connection c = database.connect()) {
            return scan(c, query, sink);
        } catch (SQLException e) {
            throw Database.translate(e, database.file());
        }
    }

    /**
     * Brings the search index up to date with what was recorded since the last search, so the
     * next search does not pay for it. Blocking: call it on a background thread when idle.
     */
    public void prepareIndex() {
        database.searchIndex().catchUp();
    }

    private int scan(Connection c, SearchQuery query, java.util.function.Consumer<RecordedFrame> sink) throws SQLException {
        Filter filter = new Filter(query);
        // Primary-key order streams without sorting: connections in the order they were recorded,
        // each one's frames in sequence.
        if (query.session() != null) {
            // No index covers "connection in this session": read the session's connections by key range.
            List<SearchIndex.FrameRange> ranges = new ArrayList<>();
            try (PreparedStatement ids = c.prepareStatement("SELECT c.id FROM connection c JOIN session s ON c.session_id = s.id"
                    + " WHERE s.name = ? ORDER BY c.id")) {
                ids.setString(1, query.session());
                try (ResultSet rs = ids.executeQuery()) {
                    while (rs.next()) {
                        ranges.add(new SearchIndex.FrameRange(rs.getLong(1), 0, Integer.MAX_VALUE));
                    }
                }
            }
            return scanRanges(c, query, ranges, sink);
        }
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE " + StoredFrames.IS_MESSAGE + filter.sql
                + " ORDER BY f.id")) {
            filter.bind(ps, 1);
            return new Matches(c, query, sink).drain(ps);
        }
    }

    /** Reads only the plan's ranges, in the same order a full scan would, with the same filters and matcher. */
    int scan(Connection c, SearchQuery query, SearchIndex.Plan plan, java.util.function.Consumer<RecordedFrame> sink)
            throws SQLException {
        // One statement per range, each a seek on the frame key (connection, seq). Connections recorded
        // since the index last looked come last (higher ids), read whole; they are looked up first
        // because H2 plans a parameterized "connection_id > ?" on frame as a scan of the table.
        List<SearchIndex.FrameRange> ranges = new ArrayList<>(plan.ranges());
        try (PreparedStatement newer = c.prepareStatement("SELECT id FROM connection WHERE id > ? ORDER BY id")) {
            newer.setLong(1, plan.newConnectionsAfter());
            try (ResultSet rs = newer.executeQuery()) {
                while (rs.next()) {
                    ranges.add(new SearchIndex.FrameRange(rs.getLong(1), 0, Integer.MAX_VALUE));
                }
            }
        }
        return scanRanges(c, query, ranges, sink);
    }

    /** Reads the frames of these key ranges in order, with the query's filters and matcher. */
    private int scanRanges(Connection c, SearchQuery query, List<SearchIndex.FrameRange> ranges,
            java.util.function.Consumer<RecordedFrame> sink) throws SQLException {
        Filter filter = new Filter(query);
        Matches matches = new Matches(c, query, sink);
        try (PreparedStatement range = c.prepareStatement(SELECT + " WHERE f.id BETWEEN ? AND ? AND " + StoredFrames.IS_MESSAGE
                + filter.sql + " ORDER BY f.id")) {
            for (SearchIndex.FrameRange r : ranges) {
                if (matches.full()) {
                    break;
                }
                range.setLong(1, FrameKey.of(r.connection(), r.fromSeq()));
                range.setLong(2, FrameKey.of(r.connection(), r.toSeq()));
                filter.bind(range, 3);
                matches.drain(range);
            }
        }
        return matches.found;
    }

    /** The query's conditions as SQL, shared by the full scan and the ranges of the index. */
    private static final class Filter {
        private final StringBuilder sql = new StringBuilder();
        private final List<Object> params = new ArrayList<>();

        Filter(SearchQuery query) {
            if (query.session() != null) {
                sql.append(" AND f.connection_id IN (SELECT c.id FROM connection c JOIN session s ON c.session_id = s.id"
                        + " WHERE s.name = ?)");
                params.add(query.session());
            }
            if (query.direction() != null) {
                sql.append(" AND f.direction = ?");
                params.add(query.direction().ordinal());
            }
            // Type, size and time are plain columns: narrowed in SQL, and checked again in Java. A row
            // whose message differs from its frame (message_opcode set) is left to Java.
            if (!query.opcodes().isEmpty()) {
                sql.append(" AND (f.message_opcode IS NOT NULL OR f.opcode IN (").append(String.join(", ",
                        query.opcodes().stream().map(o -> String.valueOf(o.code())).toList())).append("))");
            }
            if (query.minSize() > 0) {
                sql.append(" AND (f.message_opcode IS NOT NULL OR f.size >= ?)");
                params.add(query.minSize());
            }
            if (query.maxSize() >= 0) {
                sql.append(" AND (f.message_opcode IS NOT NULL OR f.size <= ?)");
                params.add(query.maxSize());
            }
            if (query.fromMicros() >= 0) {
                sql.append(" AND f.ts_us >= ?");
                params.add(query.fromMicros());
            }
            if (query.toMicros() >= 0) {
                sql.append(" AND f.ts_us < ?");
                params.add(query.toMicros());
            }
            if (!query.regex() && !query.text().isEmpty()) {
                // A substring is narrowed down inside the database (H2 scans ~5x faster than rows
                // shipped to Java); the Java predicate still decides, so semantics stay one.
                String like = "%" + query.text().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                        .replace("_", "\\_") + "%";
                sql.append(" AND (f.message_opcode IS NOT NULL OR f.payload IS NULL OR LOWER(UTF8TOSTRING(f.payload)) LIKE ? ESCAPE '\\'"
                        + " OR (f.opcode = 2 AND LOWER(RAWTOHEX(f.payload)) LIKE ? ESCAPE '\\'))");
                params.add(like);
                params.add(like);
            }
        }

        void bind(PreparedStatement ps, int first) throws SQLException {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(first + i, params.get(i));
            }
        }
    }

    /** Decides each frame read with the query's matcher and counts what went to the sink, up to the limit. */
    private static final class Matches {
        private final SearchQuery query;
        private final Predicate<String> matches;
        private final java.util.function.Consumer<RecordedFrame> sink;
        private final Names names;
        private int found;

        Matches(Connection c, SearchQuery query, java.util.function.Consumer<RecordedFrame> sink) {
            this.query = query;
            this.matches = query.textMatcher();
            this.sink = sink;
            this.names = new Names(c);
        }

        boolean full() {
            return query.limit() > 0 && found >= query.limit();
        }

        int drain(PreparedStatement ps) throws SQLException {
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                while (!full() && rs.next()) {
                    RecordedFrame frame = read(rs, names);
                    Message message = frame.message();
                    if (message != null && query.accepts(frame.session(), frame.url(), message)
                            && (query.text().isEmpty() || matches.test(searchable(message.opcode(), message.payload())))) {
                        sink.accept(frame);
                        found++;
                    }
                }
            }
            return found;
        }
    }

    /** Every frame of one connection, in order, each with the message it completes. */
    public int byConnection(long connectionId, java.util.function.Consumer<RecordedFrame> sink) {
        return byConnection(connectionId, 0, Integer.MAX_VALUE, sink);
    }

    /** The frames of one connection from position {@code fromSeq} through {@code toSeq}, in order: a page. */
    public int byConnection(long connectionId, int fromSeq, int toSeq, java.util.function.Consumer<RecordedFrame> sink) {
        int found = 0;
        try (Connection c = database.connect();
             PreparedStatement ps = c.prepareStatement(SELECT + " WHERE f.id BETWEEN ? AND ? ORDER BY f.id")) {
            Names names = new Names(c);
            ps.setLong(1, FrameKey.of(connectionId, fromSeq));
            ps.setLong(2, FrameKey.of(connectionId, toSeq));
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sink.accept(read(rs, names));
                    found++;
                }
            }
        } catch (SQLException e) {
            throw Database.translate(e, database.file());
        }
        return found;
    }

    /** Every message of a session (or all sessions when null), in recording order. */
    public int export(String session, java.util.function.Consumer<RecordedFrame> sink) {
        return search(new SearchQuery("", false, session, null, 0), sink);
    }

    /** What the matcher sees of a payload; the search index hashes exactly this, lowercased. */
    static String searchable(Opcode opcode, byte[] payload) {
        return opcode == Opcode.BINARY ? dev.sockscope.core.Bytes.hex(payload) : Utf8.decode(payload);
    }

    private static RecordedFrame read(ResultSet rs, Names names) throws SQLException {
        StoredFrames.Row row = StoredFrames.read(rs, 3);
        long connection = rs.getLong(1);
        String[] name = names.of(connection);
        return new RecordedFrame(name[0], connection, rs.getInt(2), name[1], row.frame(), row.message());
    }

    /** Session name and URL per connection, looked up once each. */
    private static final class Names {
        private final Connection db;
        private final java.util.Map<Long, String[]> cache = new java.util.HashMap<>();

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
