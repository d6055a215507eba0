package dev.sockscope.store;

import dev.sockscope.core.Direction;
import dev.sockscope.core.Frame;
import dev.sockscope.core.Opcode;
import dev.sockscope.core.RecordedFrame;
import dev.sockscope.core.SearchQuery;
import dev.sockscope.core.Utf8;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Reads recorded frames back: a whole session in order (for export) or the ones matching a
 * search. Matching is done in Java on the decoded text, one pass over the rows, streamed: the
 * results are handed to the caller as they are found, never collected whole.
 */
public final class FrameQueries {
    /** Frames alone, in primary-key order: H2 streams it without sorting; names come from a small cache. */
    private static final String SELECT = "SELECT f.connection_id, f.direction, f.opcode, f.fin, f.rsv, f.ts_us,"
            + " f.payload, f.payload_large, f.seq FROM frame f";

    private final Database database;

    public FrameQueries(Database database) {
        this.database = database;
    }

    /** Calls {@code sink} for each matching frame, oldest first; returns how many matched. */
    public int search(SearchQuery query, java.util.function.Consumer<RecordedFrame> sink) {
        Predicate<String> matches = query.textMatcher();
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE 1=1");
        List<Object> params = new ArrayList<>();
        if (query.session() != null) {
            sql.append(" AND f.connection_id IN (SELECT c.id FROM connection c JOIN session s ON c.session_id = s.id"
                    + " WHERE s.name = ?)");
            params.add(query.session());
        }
        if (query.direction() != null) {
            sql.append(" AND f.direction = ?");
            params.add(query.direction().ordinal());
        }
        if (!query.regex() && !query.text().isEmpty()) {
            // A substring is narrowed down inside the database (H2 scans ~5x faster than rows
            // shipped to Java); the Java predicate below still decides, so semantics stay one.
            String like = "%" + query.text().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%";
            sql.append(" AND (f.payload IS NULL OR LOWER(UTF8TOSTRING(f.payload)) LIKE ? ESCAPE '\\'"
                    + " OR (f.opcode = 2 AND LOWER(RAWTOHEX(f.payload)) LIKE ? ESCAPE '\\'))");
            params.add(like);
            params.add(like);
        }
        // Primary-key order streams without sorting: connections in the order they were recorded,
        // each one's frames in sequence.
        sql.append(" ORDER BY f.connection_id, f.seq");
        int found = 0;
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            Names names = new Names(c);
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next() && (query.limit() <= 0 || found < query.limit())) {
                    RecordedFrame frame = read(rs, names);
                    if (query.accepts(frame.session(), frame.url(), frame.frame())
                            && (query.text().isEmpty() || matches.test(searchable(frame.frame())))) {
                        sink.accept(frame);
                        found++;
                    }
                }
            }
        } catch (SQLException e) {
            throw Database.translate(e, database.file());
        }
        return found;
    }

    /** Every frame of one connection, in order. */
    public int byConnection(long connectionId, java.util.function.Consumer<RecordedFrame> sink) {
        int found = 0;
        try (Connection c = database.connect();
             PreparedStatement ps = c.prepareStatement(SELECT + " WHERE f.connection_id = ? ORDER BY f.seq")) {
            Names names = new Names(c);
            ps.setLong(1, connectionId);
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

    /** Every frame of a session (or all sessions when null), in recording order. */
    public int export(String session, java.util.function.Consumer<RecordedFrame> sink) {
        return search(new SearchQuery("", false, session, null, 0), sink);
    }

    /** Text frames and control frames by their text; binary frames by their hex. */
    private static String searchable(Frame frame) {
        return frame.opcode() == Opcode.BINARY ? dev.sockscope.core.Bytes.hex(frame.payload()) : Utf8.decode(frame.payload());
    }

    private static RecordedFrame read(ResultSet rs, Names names) throws SQLException {
        byte[] payload = rs.getBytes(7);
        if (payload == null) {
            try (InputStream in = rs.getBinaryStream(8)) {
                payload = in == null ? new byte[0] : in.readAllBytes();
            } catch (IOException e) {
                throw new SQLException("cannot read a large payload: " + e.getMessage(), e);
            }
        }
        Frame frame = new Frame(Direction.values()[rs.getInt(2)], Opcode.of(rs.getInt(3)), rs.getBoolean(4), rs.getInt(5),
                payload, rs.getLong(6));
        long connection = rs.getLong(1);
        String[] name = names.of(connection);
        return new RecordedFrame(name[0], connection, rs.getInt(9), name[1], frame);
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
