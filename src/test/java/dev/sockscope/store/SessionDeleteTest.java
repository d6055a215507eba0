package dev.sockscope.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockscope.core.ClosedBy;
import dev.sockscope.core.Direction;
import dev.sockscope.core.Frame;
import dev.sockscope.core.Handshake;
import dev.sockscope.core.Opcode;
import dev.sockscope.core.Origin;
import dev.sockscope.core.SessionEvent;
import dev.sockscope.core.Timings;
import dev.sockscope.core.WsUrl;
import dev.sockscope.testing.Eventually;
import java.nio.file.Path;
import java.time.Duration;
import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deleting a session takes its frames with it, and waits until nothing records into it. */
class SessionDeleteTest {
    @TempDir
    Path dir;

    @Test
    void aSessionStillRecordingIsKeptAndOnceClosedGoesWithEveryFrame() throws Exception {
        try (Database db = Database.open(dir); Recorder recorder = new Recorder(db)) {
            recorder.accept(new SessionEvent.Started(1, Origin.TAB, "live", WsUrl.parse("ws://live.test/"), 0));
            recorder.accept(new SessionEvent.Opened(1, WsUrl.parse("ws://live.test/"), new Handshake("", "", null), null, "",
                    Timings.NONE, 1));
            recorder.accept(new SessionEvent.FrameEvent(1, Frame.message(Direction.RECEIVE, Opcode.TEXT, new byte[] {'a'}, 2)));
            Eventually.eventually(Duration.ofSeconds(10), "the frame recorded", () -> recorder.recordedFrames() >= 1);
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> new Sessions(db).delete("live"));
            assertTrue(refused.getMessage().contains("still recording ws://live.test/"), refused.getMessage());

            recorder.accept(new SessionEvent.Closed(1, 1000, "", ClosedBy.CLIENT, 3));
            Eventually.eventually(Duration.ofSeconds(10), "the close recorded",
                    () -> new RecordedConnections(db).of("live").get(0).end() != null);
            new Sessions(db).delete("live");
            try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM block")) {
                rs.next();
                assertEquals(0, rs.getInt(1), "no frame outlives its session");
            }
        }
    }
}
