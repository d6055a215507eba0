package dev.sockscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockscope.core.Direction;
import dev.sockscope.core.Frame;
import dev.sockscope.core.Opcode;
import dev.sockscope.core.Origin;
import dev.sockscope.core.SearchQuery;
import dev.sockscope.core.SessionEvent;
import dev.sockscope.core.WsUrl;
import dev.sockscope.testing.Eventually;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stored block damaged on disk is reported as what it is, naming the connection and where in
 * it, to the user, never as a bug; and it loses only itself: searches and exports deliver the
 * rest, then fail saying what was left out.
 */
class DamagedRecordingTest {
    @TempDir
    Path dir;

    @Test
    void aDamagedBlockIsNamedAndLosesOnlyItself() throws Exception {
        WsUrl url = WsUrl.parse("ws://damaged.test/");
        try (AppContext app = new AppContext(dir)) {
            for (long id = 1; id <= 2; id++) {
                app.registry().publish(new SessionEvent.Started(app.registry().newConnectionId(), Origin.CLI, "qa", url, 1));
                for (int i = 0; i < 10; i++) {
                    app.registry().publish(new SessionEvent.FrameEvent(id, Frame.message(Direction.RECEIVE, Opcode.TEXT,
                            ("message " + id + "." + i).getBytes(), 2 + i)));
                }
                app.registry().publish(new SessionEvent.Closed(id, 1000, "", dev.sockscope.core.ClosedBy.CLIENT, 20));
            }
            Eventually.eventually(Duration.ofSeconds(10), "recorded", () -> app.queries().recordedFrames() >= 20);
        }
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.toAbsolutePath().resolve("sockscope"), "sockscope", "")) {
            c.createStatement().executeUpdate("UPDATE block SET body = X'0102030405', codec = 1 WHERE id < 4294967296 * 2");
        }
        try (AppContext app = AppContext.forReading(dir)) {
            java.util.List<String> found = new java.util.ArrayList<>();
            UserFacingException search = assertThrows(UserFacingException.class,
                    () -> app.queries().search(new SearchQuery("message", false, null, null, 0), f -> found.add(f.message().text())));
            assertEquals(10, found.size(), "the other connection's messages were delivered");
            assertTrue(found.stream().allMatch(t -> t.startsWith("message 2.")), found.toString());
            assertTrue(search.getMessage().startsWith("10 messages found, but left out what could not be read: the frames of"
                    + " connection 1 from #0"), search.getMessage());
            assertTrue(search.getMessage().contains("are damaged"), search.getMessage());

            Path out = dir.resolve("out.jsonl");
            UserFacingException export = assertThrows(UserFacingException.class,
                    () -> app.transfers().export("qa", Transfers.Format.JSONL, out));
            assertTrue(export.getMessage().startsWith("exported 10 messages to " + out + ", but left out"), export.getMessage());
            assertEquals(10, Files.readAllLines(out).size(), "everything readable is in the file");
            try (var files = Files.list(dir)) {
                assertEquals(0, files.filter(f -> f.getFileName().toString().endsWith(".tmp")).count(), "no temporary file left");
            }
            assertEquals(20, app.sessions().sessions().get(0).frames(), "the counters still say what was recorded");
        }
    }
}
