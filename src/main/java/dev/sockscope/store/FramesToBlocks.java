package dev.sockscope.store;

import dev.sockscope.core.Direction;
import dev.sockscope.core.Frame;
import dev.sockscope.core.Leg;
import dev.sockscope.core.Message;
import dev.sockscope.core.Opcode;
import dev.sockscope.core.Utf8;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The migration step that moves frames recorded one row each (the frame table of V1-V5, see
 * V5__wire_frames.sql) into blocks. One transaction per connection: a run cut short (the app
 * killed) leaves whole connections moved, and the next run skips those and goes on. The frame
 * table itself is dropped by the next step, once every connection is moved.
 */
final class FramesToBlocks {
    private static final Logger LOG = LoggerFactory.getLogger(FramesToBlocks.class);
    /** The V5 message_opcode of a fragment that does not end a message, and the flag of a compressed one. */
    private static final int NOT_A_MESSAGE = -1;
    private static final int COMPRESSED = 16;
    private static final String COLUMNS = "direction, opcode, fin, rsv, ts_us, payload, payload_large, header,"
            + " message_opcode, message_payload, message_payload_large, message_frames, leg";

    private FramesToBlocks() {
    }

    static void run(Connection db, Database.Progress progress) throws SQLException {
        if (!hasFrameTable(db)) {
            return; // cut short after the table was dropped: everything was moved
        }
        List<Long> connections = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement("SELECT id FROM connection ORDER BY id"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                connections.add(rs.getLong(1));
            }
        }
        boolean autoCommit = db.getAutoCommit();
        db.setAutoCommit(false);
        try (PreparedStatement moved = db.prepareStatement("SELECT 1 FROM block WHERE id BETWEEN ? AND ? LIMIT 1");
             PreparedStatement frames = db.prepareStatement("SELECT " + COLUMNS + " FROM frame WHERE id BETWEEN ? AND ? ORDER BY id");
             PreparedStatement count = db.prepareStatement(StoredBlocks.COUNT);
             StoredBlocks blocks = new StoredBlocks(db)) {
            long done = 0;
            for (long connection : connections) {
                progress.step("Connections moved into the new storage", done++, connections.size());
                moved.setLong(1, FrameKey.first(connection));
                moved.setLong(2, FrameKey.last(connection));
                try (ResultSet rs = moved.executeQuery()) {
                    if (rs.next()) {
                        continue;
                    }
                }
                try {
                    move(connection, frames, count, blocks);
                    db.commit();
                } catch (SQLException | RuntimeException e) {
                    db.rollback();
                    throw e;
                }
            }
            progress.step("Connections moved into the new storage", done, connections.size());
        } finally {
            db.setAutoCommit(autoCommit);
        }
        if (!connections.isEmpty()) {
            LOG.info("moved the frames of {} connections into blocks", connections.size());
        }
    }

    private static void move(long connection, PreparedStatement frames, PreparedStatement count, StoredBlocks blocks)
            throws SQLException {
        ConnectionBlocks moved = new ConnectionBlocks(connection);
        frames.setLong(1, FrameKey.first(connection));
        frames.setLong(2, FrameKey.last(connection));
        frames.setFetchSize(1000);
        try (ResultSet rs = frames.executeQuery()) {
            while (rs.next()) {
                Frame frame = frame(rs);
                Integer leg = (Integer) rs.getObject(13);
                moved.open.add(leg != null && leg == 0 ? Leg.CLIENT : Leg.UPSTREAM, frame, message(rs, frame), null);
                if (moved.open.isFull()) {
                    moved.flush(blocks);
                }
            }
        }
        moved.flush(blocks);
        if (moved.frames() > 0) {
            moved.count(count);
        }
    }

    private static Frame frame(ResultSet rs) throws SQLException {
        return new Frame(Direction.values()[rs.getInt(1)], Opcode.of(rs.getInt(2)), rs.getBoolean(3), rs.getInt(4),
                StoredBlocks.inlineOrLarge(rs, 6, 7), rs.getLong(5), rs.getBytes(8));
    }

    /** The message the row completes: the frame itself (NULL), none (-1), or its own payload. */
    private static Message message(ResultSet rs, Frame frame) throws SQLException {
        int code = rs.getInt(9);
        if (rs.wasNull()) {
            return frame.opcode() == Opcode.CONTINUATION ? null : Message.of(frame);
        }
        if (code == NOT_A_MESSAGE) {
            return null;
        }
        byte[] payload = StoredBlocks.inlineOrLarge(rs, 10, 11);
        Opcode opcode = Opcode.of(code & 0x0F);
        int invalid = opcode == Opcode.TEXT ? Utf8.firstInvalid(payload) : -1;
        return new Message(frame.direction(), opcode, payload, frame.timestampMicros(), Math.max(1, rs.getInt(12)),
                (code & COMPRESSED) != 0, invalid);
    }

    private static boolean hasFrameTable(Connection db) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(
                "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'FRAME' AND TABLE_SCHEMA = 'PUBLIC'");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getInt(1) == 1;
        }
    }
}
