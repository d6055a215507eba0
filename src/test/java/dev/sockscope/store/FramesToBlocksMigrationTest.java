package dev.sockscope.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.sockscope.codec.FrameEncoder;
import dev.sockscope.core.RecordedConnection;
import dev.sockscope.core.RecordedFrame;
import dev.sockscope.core.SearchQuery;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recording made with one row per frame (schema V5: wire frames with their headers, fragments,
 * compressed messages and legs) opens in the block store with every frame, message, header and
 * counter as it was; an upgrade cut short goes on where it stopped.
 */
class FramesToBlocksMigrationTest {
    @TempDir
    Path dir;

    private static final String INSERT = "INSERT INTO frame(id, connection_id, seq, direction, opcode, fin, rsv, ts_us, size,"
            + " payload, payload_large, header, message_opcode, message_payload, message_frames, leg)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** One V5 row: the frame, and what it says of its message and leg (nulls as V5 wrote them). */
    private record Row(long connection, int seq, int direction, int opcode, boolean fin, int rsv, byte[] payload, byte[] header,
            Integer messageOpcode, byte[] messagePayload, Integer messageFrames, Integer leg) {
        static Row plain(long connection, int seq, int opcode, boolean fin, byte[] payload, byte[] header) {
            return new Row(connection, seq, 1, opcode, fin, 0, payload, header, null, null, null, null);
        }

        void insert(PreparedStatement ps) throws Exception {
            ps.setLong(1, FrameKey.of(connection, seq));
            ps.setLong(2, connection);
            ps.setInt(3, seq);
            ps.setInt(4, direction);
            ps.setInt(5, opcode);
            ps.setBoolean(6, fin);
            ps.setInt(7, rsv);
            ps.setLong(8, 1_000 + seq);
            ps.setInt(9, payload.length);
            if (payload.length <= 1_000_000) {
                ps.setBytes(10, payload);
                ps.setNull(11, java.sql.Types.BLOB);
            } else {
                ps.setNull(10, java.sql.Types.VARBINARY);
                ps.setBytes(11, payload);
            }
            ps.setBytes(12, header);
            ps.setObject(13, messageOpcode);
            ps.setBytes(14, messagePayload);
            ps.setObject(15, messageFrames);
            ps.setObject(16, leg);
            ps.executeUpdate();
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A V5 file: connection 1 with every kind of row, connection 2 with 3,000 plain frames. */
    private void recordUnderV5() throws Exception {
        try (Database old = Database.open(dir, 5); Connection c = old.connect(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO session(id, name, created_us) VALUES (1, 'old', 0)");
            st.execute("INSERT INTO connection(id, session_id, url, origin, started_us, ended_us, close_code)"
                    + " VALUES (1, 1, 'ws://a/', 'client', 0, 9, 1000), (2, 1, 'ws://b/', 'client', 0, 9, 1000)");
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                new Row(1, 0, 0, 1, true, 0, utf8("sent masked"), FrameEncoder.header(true, 0, 1, 11, 0x11223344L), null, null,
                        null, null).insert(ps);
                new Row(1, 1, 1, 1, false, 0, utf8("frag-"), FrameEncoder.header(false, 0, 1, 5, -1), -1, null, null, null).insert(ps);
                new Row(1, 2, 1, 0, true, 0, utf8("ment"), FrameEncoder.header(true, 0, 0, 4, -1), 1, utf8("frag-ment"), 2, null)
                        .insert(ps);
                byte[] deflated = {(byte) 0xf2, 0x48, (byte) 0xcd, (byte) 0xc9, (byte) 0xc9, 0x07, 0x00};
                new Row(1, 3, 1, 1, true, 4, deflated, FrameEncoder.header(true, 4, 1, 7, -1), 1 + 16, utf8("Hello"), 1, null)
                        .insert(ps);
                new Row(1, 4, 1, 2, true, 0, new byte[1_200_000], null, null, null, null, 0).insert(ps);
                Row.plain(1, 5, 1, true, utf8("recorded before headers were kept"), null).insert(ps);
                for (int seq = 0; seq < 3000; seq++) {
                    Row.plain(2, seq, 1, true, utf8("b" + seq), null).insert(ps);
                }
            }
        }
    }

    @Test
    void everyRowBecomesTheSameFrameInABlock() throws Exception {
        recordUnderV5();
        try (Database upgraded = Database.open(dir)) {
            List<RecordedFrame> first = new ArrayList<>();
            new FrameQueries(upgraded).byConnection(1, first::add);
            assertEquals(6, first.size());
            assertArrayEquals(FrameEncoder.header(true, 0, 1, 11, 0x11223344L), first.get(0).frame().header(), "mask key kept");
            assertEquals("sent masked", first.get(0).message().text());
            assertNull(first.get(1).message(), "a fragment completes nothing");
            assertEquals("frag-ment", first.get(2).message().text());
            assertEquals(2, first.get(2).message().frames());
            assertEquals("Hello", first.get(3).message().text());
            assertEquals(true, first.get(3).message().compressed());
            assertEquals(4, first.get(3).frame().rsv());
            assertEquals(1_200_000, first.get(4).frame().size(), "a payload that was a BLOB");
            assertEquals(0, first.get(5).frame().header().length, "unknown headers stay unknown");

            List<RecordedFrame> second = new ArrayList<>();
            new FrameQueries(upgraded).byConnection(2, second::add);
            assertEquals(3000, second.size());
            assertEquals("b2999", second.get(2999).frame().text());

            List<RecordedConnection> connections = new RecordedConnections(upgraded).of("old");
            assertEquals(5, connections.get(0).frames(), "messages, from the counters");
            assertEquals(6, connections.get(0).wireFrames());
            assertEquals(3000, connections.get(1).frames());
            assertEquals(3005, new Sessions(upgraded).list().get(0).frames());
            assertFalse(tableExists(upgraded, "FRAME"), "the old table is gone");
            upgraded.indexer(); // the app starts indexing what the upgrade moved
            dev.sockscope.testing.Eventually.eventually(java.time.Duration.ofSeconds(30), "indexed", upgraded::isIndexed);
            List<RecordedFrame> found = new ArrayList<>();
            new FrameQueries(upgraded).search(new SearchQuery("FRAG-MENT", false, null, null, 0), found::add);
            assertEquals(1, found.size());
        }
    }

    @Test
    void anUpgradeCutShortGoesOnWithTheConnectionsNotYetMoved() throws Exception {
        recordUnderV5();
        // Run the upgrade through the move, then undo it for connection 2 and forget that it ran:
        // as if the app was killed after moving connection 1.
        try (Database partly = Database.open(dir, 7); Connection c = partly.connect(); Statement st = c.createStatement()) {
            st.execute("DELETE FROM block WHERE id >= " + FrameKey.first(2));
            st.execute("UPDATE connection SET frames = 0, messages = 0, bytes = 0 WHERE id = 2");
            st.execute("DELETE FROM schema_version WHERE name = 'V6__frames_to_blocks'");
        }
        List<String> steps = new ArrayList<>();
        try (Database upgraded = Database.open(dir, (what, done, total) -> steps.add(done + "/" + total))) {
            List<RecordedFrame> first = new ArrayList<>();
            new FrameQueries(upgraded).byConnection(1, first::add);
            assertEquals(6, first.size(), "moved once, not twice");
            List<RecordedFrame> second = new ArrayList<>();
            new FrameQueries(upgraded).byConnection(2, second::add);
            assertEquals(3000, second.size());
            assertEquals(3005, new Sessions(upgraded).list().get(0).frames());
        }
        assertEquals(List.of("0/2", "1/2", "2/2"), steps, "progress is told as it goes");
    }

    private static boolean tableExists(Database db, String name) throws Exception {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = ? AND TABLE_SCHEMA = 'PUBLIC'")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) == 1;
            }
        }
    }
}
