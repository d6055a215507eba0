package dev.sockscope.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sockscope.core.Frame;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database recorded by an older version opens in this one with every frame where it was. */
class MigrationTest {
    @TempDir
    Path dir;

    @Test
    void framesRecordedUnderTheCompositeKeyMoveToTheFrameKeyInOrderEvenAfterAnUpgradeCutShort() throws Exception {
        try (Database old = Database.open(dir, 3); Connection c = old.connect(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO session(id, name, created_us) VALUES (1, 'before', 0)");
            st.execute("INSERT INTO connection(id, session_id, url, origin, started_us) VALUES (1, 1, 'ws://a/', 'client', 0),"
                    + " (2, 1, 'ws://b/', 'client', 0)");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO frame(connection_id, seq, direction, opcode, fin, rsv,"
                    + " ts_us, size, payload) VALUES (?, ?, 1, 1, TRUE, 0, ?, ?, ?)")) {
                for (long connection : new long[] {2, 1}) {
                    for (int seq = 0; seq < 3; seq++) {
                        byte[] text = ("c" + connection + " m" + seq).getBytes(StandardCharsets.UTF_8);
                        ps.setLong(1, connection);
                        ps.setInt(2, seq);
                        ps.setLong(3, seq);
                        ps.setInt(4, text.length);
                        ps.setBytes(5, text);
                        ps.executeUpdate();
                    }
                }
            }
        }
        try (Database cutShort = Database.open(dir, 3); Connection c = cutShort.connect(); Statement st = c.createStatement()) {
            // As if an earlier upgrade was killed after copying part of the frames.
            st.execute("CREATE TABLE frame_keyed (id BIGINT PRIMARY KEY, connection_id BIGINT NOT NULL, seq INT NOT NULL,"
                    + " direction TINYINT NOT NULL, opcode TINYINT NOT NULL, fin BOOLEAN NOT NULL, rsv TINYINT NOT NULL,"
                    + " ts_us BIGINT NOT NULL, size INT NOT NULL, payload VARBINARY(1000000), payload_large BLOB)");
            st.execute("INSERT INTO frame_keyed SELECT connection_id * 4294967296 + seq, * FROM frame WHERE seq = 0");
        }
        try (Database upgraded = Database.open(dir)) {
            List<String> texts = new ArrayList<>();
            new FrameQueries(upgraded).search(new dev.sockscope.core.SearchQuery("", false, null, null, 0),
                    f -> texts.add(f.frame().text()));
            assertEquals(List.of("c1 m0", "c1 m1", "c1 m2", "c2 m0", "c2 m1", "c2 m2"), texts, "connection, then seq order");
            List<Frame> second = new ArrayList<>();
            new FrameQueries(upgraded).byConnection(2, f -> second.add(f.frame()));
            assertEquals(3, second.size());
            assertEquals(6, new Sessions(upgraded).list().get(0).frames());
            new Sessions(upgraded).delete("before");
            try (Connection c = upgraded.connect(); var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM block")) {
                rs.next();
                assertEquals(0, rs.getInt(1), "deleting the session deletes its blocks");
            }
        }
    }
}
