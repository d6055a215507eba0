package dev.sockscope.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockscope.core.ClosedBy;
import dev.sockscope.core.Direction;
import dev.sockscope.core.Failure;
import dev.sockscope.core.FailureKind;
import dev.sockscope.core.Frame;
import dev.sockscope.core.Handshake;
import dev.sockscope.core.Opcode;
import dev.sockscope.core.Origin;
import dev.sockscope.core.SessionEvent;
import dev.sockscope.core.Timings;
import dev.sockscope.core.WsUrl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreTest {
    @TempDir
    Path dir;

    private static final WsUrl URL = WsUrl.parse("wss://example.test/feed");
    private static final Handshake HANDSHAKE = new Handshake("GET /feed HTTP/1.1\r\nHost: example.test\r\n\r\n",
            "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n", null);

    private static List<Frame> frames(Database db) {
        List<Frame> out = new ArrayList<>();
        new FrameQueries(db).byConnection(1, f -> out.add(f.frame()));
        return out;
    }

    @Test
    void createsTheSchemaInAnEmptyDirectoryAndKeepsRecordingsAcrossReopen() throws Exception {
        byte[] invalidUtf8 = {'a', (byte) 0xc3, 'b'};
        byte[] binary = {0, (byte) 0xff, 0x10};
        byte[] big = new byte[1_500_000];
        big[1_499_999] = 42;
        try (Database db = Database.open(dir); Recorder recorder = new Recorder(db)) {
            recorder.accept(new SessionEvent.Started(1, Origin.TAB, "qa", URL, 0));
            recorder.accept(new SessionEvent.Opened(1, URL, HANDSHAKE, null, "", Timings.NONE, 10));
            recorder.accept(new SessionEvent.FrameEvent(1, Frame.message(Direction.SEND, Opcode.TEXT, invalidUtf8, 11)));
            recorder.accept(new SessionEvent.FrameEvent(1, new Frame(Direction.RECEIVE, Opcode.BINARY, false, 4, binary, 12)));
            recorder.accept(new SessionEvent.FrameEvent(1, Frame.message(Direction.RECEIVE, Opcode.BINARY, big, 13)));
            recorder.accept(new SessionEvent.Closed(1, 1000, "bye", ClosedBy.SERVER, 14));
        }
        try (Database db = Database.open(dir)) {
            List<Frame> stored = frames(db);
            assertEquals(3, stored.size());
            assertArrayEquals(invalidUtf8, stored.get(0).payload(), "bytes as received, invalid UTF-8 kept");
            assertArrayEquals(binary, stored.get(1).payload());
            assertArrayEquals(big, stored.get(2).payload(), "a payload over 1 MB is stored whole");
            assertEquals(false, stored.get(1).fin());
            assertEquals(4, stored.get(1).rsv());
            var sessions = new Sessions(db).list();
            assertEquals(1, sessions.size());
            assertEquals("qa", sessions.get(0).name());
            assertEquals(1, sessions.get(0).connections());
            assertEquals(3, sessions.get(0).frames());
            try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery(
                    "SELECT close_code, close_reason, url, frames, messages, bytes FROM connection")) {
                assertTrue(rs.next());
                assertEquals(1000, rs.getInt(1));
                assertEquals("bye", rs.getString(2));
                assertEquals(URL.toString(), rs.getString(3));
                assertEquals(3, rs.getLong(4), "counters kept by the writer");
                assertEquals(3, rs.getLong(5));
                assertEquals(3 + 3 + 1_500_000, rs.getLong(6));
            }
        }
    }

    @Test
    void recordsAFailedConnectionWithTheServersAnswer() throws Exception {
        Handshake refused = new Handshake("GET / HTTP/1.1\r\n\r\n", "HTTP/1.1 403 Forbidden\r\n\r\n", "no".getBytes());
        try (Database db = Database.open(dir)) {
            try (Recorder recorder = new Recorder(db)) {
                recorder.accept(new SessionEvent.Started(7, Origin.TAB, "qa", URL, 0));
                recorder.accept(new SessionEvent.Failed(7, URL, new Failure(FailureKind.HTTP_STATUS, "HTTP 403 Forbidden", refused), 5));
            }
            try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery(
                    "SELECT error, response_head, response_body, url FROM connection")) {
                assertTrue(rs.next());
                assertEquals("HTTP 403 Forbidden", rs.getString(1));
                assertTrue(rs.getString(2).startsWith("HTTP/1.1 403"));
                assertArrayEquals("no".getBytes(), rs.getBytes(3));
                assertEquals(URL.toString(), rs.getString(4));
            }
        }
    }

    @Test
    void refusesADamagedFileClearlyAndNeverDeletesIt() throws Exception {
        Path file = dir.resolve("sockscope.mv.db");
        byte[] garbage = new byte[8192];
        java.util.Arrays.fill(garbage, (byte) 'x');
        Files.write(file, garbage);
        StoreException e = assertThrows(StoreException.class, () -> Database.open(dir));
        assertEquals(StoreException.Reason.CORRUPT, e.reason());
        assertTrue(e.getMessage().contains("cannot be read"), e.getMessage());
        assertArrayEquals(garbage, Files.readAllBytes(file), "the damaged file is left as it was");
    }
}
