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

    /**
     * Renames a session.
     *
     * @throws IllegalArgumentException when the name is taken or the session does not exist
     */
    public void rename(String from, String to) {
        update("UPDATE session SET name = ? WHERE name = ?", to, from, "no session named " + from);
    }

    public void setNotes(String name, String notes) {
        update("UPDATE session SET notes = ? WHERE name = ?", notes, name, "no session named " + name);
    }

    /**
     * Deletes a session with its connections (the schema cascades), their blocks (by key range:
     * blocks have no foreign key, which would cost every insert a check) and the index's record of
     * them (the slices' bits for them stay and simply lead to no rows).
     */
    public void delete(String name) {
        try (Connection c = database.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement connections = c.prepareStatement(
                         "SELECT c.id FROM connection c JOIN session s ON c.session_id = s.id WHERE s.name = ?");
                 PreparedStatement blocks = c.prepareStatement("DELETE FROM block WHERE id BETWEEN ? AND ?");
                 PreparedStatement indexed = c.prepareStatement("DELETE FROM search_block WHERE connection_id = ?");
                 PreparedStatement progress = c.prepareStatement("DELETE FROM search_progress WHERE connection_id = ?");
                 PreparedStatement session = c.prepareStatement("DELETE FROM session WHERE name = ?")) {
                refuseWhileRecording(c, name);
                List<Long> ids = new ArrayList<>();
                connections.setString(1, name);
                try (ResultSet rs = connections.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
                session.setString(1, name);
                if (session.executeUpdate() == 0) {
                    throw new IllegalArgumentException("no session named " + name);
                }
                for (long id : ids) {
                    blocks.setLong(1, FrameKey.first(id));
                    blocks.setLong(2, FrameKey.last(id));
                    blocks.executeUpdate();
                    indexed.setLong(1, id);
                    indexed.executeUpdate();
                    progress.setLong(1, id);
                    progress.executeUpdate();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw Database.translate(e, database.file());
        }
    }

    /**
     * A connection this process is still recording would go on writing frames for a session that
     * is gone: the user closes it first.
     */
    private void refuseWhileRecording(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT c.url FROM connection c JOIN session s ON c.session_id = s.id"
                + " WHERE s.name = ? AND c.ended_us IS NULL AND c.id > ?")) {
            ps.setString(1, name);
            ps.setLong(2, database.lastConnectionAtOpen());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    throw new IllegalArgumentException("\u201c" + name + "\u201d is still recording " + rs.getString(1)
                            + ": disconnect it first");
                }
            }
        }
    }

    private void update(String sql, String first, String name, String missing) {
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, first);
            ps.setString(2, name);
            if (ps.executeUpdate() == 0) {
                throw new IllegalArgumentException(missing);
            }
        } catch (SQLException e) {
            if (e.getErrorCode() == org.h2.api.ErrorCode.DUPLICATE_KEY_1) {
                throw new IllegalArgumentException("a session named " + first + " exists already", e);
            }
            throw Database.translate(e, database.file());
        }
    }

    /**
     * Every session, newest first, with its connection and message counts and the bytes of its
     * frames: summed from the counters on its connections, never from the frames.
     */
    public List<SessionSummary> list() {
        String sql = "SELECT s.id, s.name, s.notes, s.created_us, COUNT(c.id),"
                + " COALESCE(SUM(CASE WHEN c.failure_kind IS NOT NULL AND c.opened_us IS NULL THEN 1 ELSE 0 END), 0),"
                + " COALESCE(SUM(c.messages), 0), COALESCE(SUM(c.bytes), 0), COALESCE(MAX(c.started_us), s.created_us)"
                + " FROM session s LEFT JOIN connection c ON c.session_id = s.id"
                + " GROUP BY s.id, s.name, s.notes, s.created_us ORDER BY s.created_us DESC, s.id DESC";
        List<SessionSummary> out = new ArrayList<>();
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new SessionSummary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9)));
            }
        } catch (SQLException e) {
            throw Database.translate(e, database.file());
        }
        return out;
    }
}
