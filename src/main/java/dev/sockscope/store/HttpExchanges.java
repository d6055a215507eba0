package dev.sockscope.store;

import dev.sockscope.core.HttpExchange;
import dev.sockscope.core.Origin;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The plain HTTP exchanges the proxy relayed, per session: written by the recorder, read by views and commands. */
public final class HttpExchanges {
    private final Database database;

    public HttpExchanges(Database database) {
        this.database = database;
    }

    /** The session's exchanges in the order they started; empty for an unknown session. */
    public List<HttpExchange> of(String session) {
        List<HttpExchange> out = new ArrayList<>();
        try (Connection c = database.connect();
             PreparedStatement ps = c.prepareStatement("SELECT h.origin, h.method, h.url, h.status, h.request_bytes,"
                     + " h.response_bytes, h.started_us, h.response_us, h.ended_us, h.error"
                     + " FROM http_exchange h JOIN session s ON h.session_id = s.id WHERE s.name = ? ORDER BY h.id")) {
            ps.setString(1, session);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new HttpExchange(session, Origin.fromStoredName(rs.getString(1)), rs.getString(2),
                            rs.getString(3), rs.getInt(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8),
                            rs.getLong(9), rs.getString(10)));
                }
            }
        } catch (SQLException e) {
            throw Database.translate(e, database.file());
        }
        return out;
    }

    /** Writes one exchange (on the recorder's thread, inside its transaction). */
    static void insert(Connection db, HttpExchange e) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("INSERT INTO http_exchange(session_id, origin, method, url, status,"
                + " request_bytes, response_bytes, started_us, response_us, ended_us, error)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, Sessions.idOf(db, e.session()));
            ps.setString(2, e.origin().storedName());
            ps.setString(3, ConnectionRows.fit(e.method(), 100));
            ps.setString(4, ConnectionRows.fit(e.url(), 8000));
            ps.setInt(5, e.status());
            ps.setLong(6, e.requestBytes());
            ps.setLong(7, e.responseBytes());
            ps.setLong(8, e.startedMicros());
            ps.setLong(9, e.responseMicros());
            ps.setLong(10, e.endedMicros());
            ps.setString(11, ConnectionRows.fit(e.error(), 1000));
            ps.executeUpdate();
        }
    }
}
