package dev.sockscope.store;

import dev.sockscope.core.SessionSummary;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Sessions: find or create by name, list with counts. Queries run on the caller's thread. */
public final class Sessions {
    private final Database database;

    public Sessions(Database database) {
        this.database = database;
    }

    /** The id of the session with this name, created when missing. */
    public long idOf(String name) {
        try (Connection c = database.connect()) {
            return idOf(c, name);
        } catch (SQLException e) {
            throw Database.translate(e, database.file());
        }
    }

    static long idOf(Connection c, String name) throws SQLException {
        try (PreparedStatement find = c.prepareStatement("SELECT id FROM session WHERE name = ?")) {
            find.setString(1, name);
            try (ResultSet rs = find.executeQuery()) {
                if (rs.next()) {
                    return rs.getLong(1);
                }
            }
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO session(name, created_us) VALUES (?, ?)",
                PreparedStatement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, name);
            insert.setLong(2, System.currentTimeMillis() * 1000);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** Every session, newest first, with its connection and frame counts. */
    public List<SessionSummary> list() {
        String sql = "SELECT s.id, s.name, s.notes, s.created_us,"
                + " (SELECT COUNT(*) FROM connection c WHERE c.session_id = s.id),"
                + " (SELECT COUNT(*) FROM frame f JOIN connection c ON f.connection_id = c.id WHERE c.session_id = s.id),"
                + " (SELECT COALESCE(SUM(f.size), 0) FROM frame f JOIN connection c ON f.connection_id = c.id WHERE c.session_id = s.id)"
                + " FROM session s ORDER BY s.created_us DESC, s.id DESC";
        List<SessionSummary> out = new ArrayList<>();
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new SessionSummary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6), rs.getLong(7)));
            }
        } catch (SQLException e) {
            throw Database.translate(e, database.file());
        }
        return out;
    }
}
