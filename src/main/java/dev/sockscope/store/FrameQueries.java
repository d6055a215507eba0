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
import java.util.regex.Pattern;

/**
 * Reads recorded frames back: a whole session in order (for export) or the ones matching a
 * search. Matching is done in Java on the decoded text, one pass over the rows, streamed: the
 * results are handed to the caller as they are found, never collected whole.
 */
public final class FrameQueries {
    private static final String SELECT = "SELECT s.name, c.id, c.url, f.direction, f.opcode, f.fin, f.rsv, f.ts_us,"
            + " f.payload, f.payload_large FROM frame f JOIN connection c ON f.connection_id = c.id"
            + " JOIN session s ON c.session_id = s.id";

    private final Database database;

    public FrameQueries(Database database) {
        this.database = database;
    }

    /** Calls {@code sink} for each matching frame, oldest first; returns how many matched. */
    public int search(SearchQuery query, java.util.function.Consumer<RecordedFrame> sink) {
        Predicate<String> matches = matcher(query);
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE 1=1");
        List<Object> params = new ArrayList<>();
        if (query.session() != null) {
            sql.append(" AND s.name = ?");
            params.add(query.session());
        }
        if (query.direction() != null) {
            sql.append(" AND f.direction = ?");
            params.add(query.direction().ordinal());
        }
        sql.append(" ORDER BY f.ts_us, c.id, f.seq");
        int found = 0;
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next() && (query.limit() <= 0 || found < query.limit())) {
                    RecordedFrame frame = read(rs);
                    if (query.text().isEmpty() || matches.test(searchable(frame.frame()))) {
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
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(SELECT + " WHERE c.id = ? ORDER BY f.seq")) {
            ps.setLong(1, connectionId);
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sink.accept(read(rs));
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

    private static Predicate<String> matcher(SearchQuery query) {
        if (query.regex()) {
            Pattern pattern = Pattern.compile(query.text());
            return text -> pattern.matcher(text).find();
        }
        String needle = query.text().toLowerCase(Locale.ROOT);
        return text -> text.toLowerCase(Locale.ROOT).contains(needle);
    }

    /** Text frames and control frames by their text; binary frames by their hex. */
    private static String searchable(Frame frame) {
        return frame.opcode() == Opcode.BINARY ? dev.sockscope.core.Bytes.hex(frame.payload()) : Utf8.decode(frame.payload());
    }

    private static RecordedFrame read(ResultSet rs) throws SQLException {
        byte[] payload = rs.getBytes(9);
        if (payload == null) {
            try (InputStream in = rs.getBinaryStream(10)) {
                payload = in == null ? new byte[0] : in.readAllBytes();
            } catch (IOException e) {
                throw new SQLException("cannot read a large payload: " + e.getMessage(), e);
            }
        }
        Frame frame = new Frame(Direction.values()[rs.getInt(4)], Opcode.of(rs.getInt(5)), rs.getBoolean(6), rs.getInt(7),
                payload, rs.getLong(8));
        return new RecordedFrame(rs.getString(1), rs.getLong(2), rs.getString(3), frame);
    }
}
