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
 * A real H2 file database for search tests, written with plain SQL so a test decides exactly
 * which connections are live or ended and where each frame lies; and the two ways to search it
 * (through the index, and the full scan it must agree with).
 */
final class IndexedStore implements AutoCloseable {
    final Database db;
    final FrameQueries queries;
    private final Map<Long, Integer> nextSeq = new HashMap<>();
    private final List<Object[]> queued = new ArrayList<>();
    private long clock;

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

    void flush() throws SQLException {
        if (queued.isEmpty()) {
            return;
        }
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("INSERT INTO frame(connection_id, seq,"
                + " direction, opcode, fin, rsv, ts_us, size, payload, payload_large, id) VALUES (?, ?, ?, ?, TRUE, 0, ?, ?, ?, ?, ?)")) {
            c.setAutoCommit(false);
            for (Object[] row : queued) {
                long connection = (Long) row[0];
                byte[] payload = (byte[]) row[3];
                int seq = nextSeq.merge(connection, 1, Integer::sum) - 1;
                ps.setLong(1, connection);
                ps.setInt(2, seq);
                ps.setLong(9, FrameKey.of(connection, seq));
                ps.setInt(3, ((Direction) row[1]).ordinal());
                ps.setInt(4, ((Opcode) row[2]).code());
                ps.setLong(5, ++clock);
                ps.setInt(6, payload.length);
                if (payload.length <= 1_000_000) {
                    ps.setBytes(7, payload);
                    ps.setNull(8, java.sql.Types.BLOB);
                } else {
                    ps.setNull(7, java.sql.Types.VARBINARY);
                    ps.setBytes(8, payload);
                }
                ps.addBatch();
            }
            ps.executeBatch();
            c.commit();
        }
        queued.clear();
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

    /** True when the index narrows this query instead of leaving it to a full scan. */
    boolean narrows(SearchQuery query) throws SQLException {
        try (Connection c = db.connect()) {
            return db.searchIndex().plan(c, query.text(), query.session()).isPresent();
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
