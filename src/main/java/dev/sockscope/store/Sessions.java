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
     * Deletes a session with its connections (the schema cascades), their frames, and the search
     * index's record of where their blocks were (an index seek; the slices' bits for them stay
     * and simply lead to no rows).
     */
    public void delete(String name) {
        try (Connection c = database.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement blocks = c.prepareStatement("DELETE FROM search_block WHERE connection_id IN"
                    + " (SELECT c.id FROM connection c JOIN session s ON c.session_id = s.id WHERE s.name = ?)");
                 PreparedStatement connections = c.prepareStatement(
                         "SELECT c.id FROM connection c JOIN session s ON c.session_id = s.id WHERE s.name = ?");
                 PreparedStatement frames = c.prepareStatement("DELETE FROM frame WHERE id BETWEEN ? AND ?");
                 PreparedStatement session = c.prepareStatement("DELETE FROM session WHERE name = ?")) {
                refuseWhileRecording(c, name);
                blocks.setString(1, name);
                blocks.executeUpdate();
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
                // Frames have no foreign key (it would cost every insert a check): each
                // connection's frames go by their key range.
                for (long id : ids) {
                    frames.setLong(1, FrameKey.first(id));
                    frames.setLong(2, FrameKey.last(id));
                    frames.executeUpdate();
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

    /** Every session, newest first, with its connection and message counts and the bytes of its frames. */
    public List<SessionSummary> list() {
        String sql = "SELECT s.id, s.name, s.notes, s.created_us,"
                + " (SELECT COUNT(*) FROM connection c WHERE c.session_id = s.id),"
                + " (SELECT COUNT(*) FROM connection c JOIN frame f ON f.id BETWEEN c.id" + FrameKey.FIRST_SQL + " AND c.id"
                + FrameKey.LAST_SQL + " WHERE c.session_id = s.id AND " + StoredFrames.IS_MESSAGE + "),"
                + " (SELECT COALESCE(SUM(f.size), 0) FROM connection c JOIN frame f ON f.id BETWEEN c.id" + FrameKey.FIRST_SQL
                + " AND c.id" + FrameKey.LAST_SQL + " WHERE c.session_id = s.id),"
                + " (SELECT COALESCE(MAX(c.started_us), s.created_us) FROM connection c WHERE c.session_id = s.id)"
                + " FROM session s ORDER BY s.created_us DESC, s.id DESC";
        List<SessionSummary> out = new ArrayList<>();
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new SessionSummary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6), rs.getLong(7), rs.getLong(8)));
            }
        } catch (SQLException e) {
            throw Database.translate(e, database.file());
        }
        return out;
    }
}
