package dev.sockscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockscope.core.Direction;
import dev.sockscope.core.Frame;
import dev.sockscope.core.Opcode;
import dev.sockscope.core.Origin;
import dev.sockscope.core.SessionEvent;
import dev.sockscope.core.WsUrl;
import dev.sockscope.testing.Eventually;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A recording that stops is never silent: the reason is said, and whoever listens hears it. */
class RecorderStopTest {
    @TempDir
    Path dir;

    @Test
    void anOverLongUrlIsRecordedCutShortInsteadOfStoppingTheRecording() throws Exception {
        try (AppContext app = new AppContext(dir)) {
            WsUrl url = WsUrl.parse("ws://example.test/" + "a".repeat(9000));
            app.registry().publish(new SessionEvent.Started(1, Origin.CLI, "default", url, 1));
            app.registry().publish(new SessionEvent.Closed(1, 1000, "", dev.sockscope.core.ClosedBy.CLIENT, 2));
            Eventually.eventually(Duration.ofSeconds(10), "recorded", () -> !app.queries().connectionsOf("default").isEmpty());
            assertEquals(8000, app.queries().connectionsOf("default").get(0).url().length());
            assertTrue(app.recording().problem().isEmpty(), "still recording");
        }
    }

    @Test
    void aRefusalWithAHugeBodyIsRecordedCutShortAndRecordingGoesOn() throws Exception {
        String body = "x".repeat(2_000_000);
        try (AppContext app = new AppContext(dir); dev.sockscope.testing.RawServer server = dev.sockscope.testing.RawServer.answering(
                "HTTP/1.1 404 Not Found\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)) {
            app.connections().open(dev.sockscope.core.ConnectRequest.of(WsUrl.parse("ws://127.0.0.1:" + server.port() + "/")),
                    Origin.CLI, "default");
            Eventually.eventually(Duration.ofSeconds(15), "the refusal recorded",
                    () -> !app.queries().connectionsOf("default").isEmpty()
                            && app.queries().connectionsOf("default").get(0).end() != null);
            assertTrue(app.recording().problem().isEmpty(), "still recording: " + app.recording().problem());
            var failed = (SessionEvent.Failed) app.queries().connectionsOf("default").get(0).end();
            assertEquals(1_000_000, failed.failure().handshake().responseBody().length);
        }
    }

    @Test
    void aWriterThatFailsSaysWhyAndNoLongerHoldsProducersBack() throws Exception {
        try (AppContext app = new AppContext(dir)) {
            AtomicInteger heard = new AtomicInteger();
            app.recording().onChange(heard::incrementAndGet);
            // Break the database under the writer, from a second connection to the same open file.
            try (Connection sabotage = DriverManager.getConnection("jdbc:h2:file:" + dir.toAbsolutePath().resolve("sockscope")
                    + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;LAZY_QUERY_EXECUTION=TRUE", "sockscope", "")) {
                sabotage.createStatement().execute("DROP TABLE block");
            }
            WsUrl url = WsUrl.parse("ws://example.test/");
            app.registry().publish(new SessionEvent.Started(1, Origin.CLI, "default", url, 1));
            app.registry().publish(new SessionEvent.FrameEvent(1, Frame.message(Direction.RECEIVE, Opcode.TEXT, new byte[] {'x'}, 2)));
            Eventually.eventually(Duration.ofSeconds(10), "the recorder stopped", () -> app.recording().stoppedBecause().isPresent());
            assertTrue(app.recording().problem().orElseThrow().startsWith("recording stopped: "),
                    app.recording().problem().orElseThrow());
            assertTrue(app.recording().stoppedBecause().orElseThrow().contains("sockscope.mv.db"),
                    "names the database: " + app.recording().stoppedBecause().orElseThrow());
            assertTrue(heard.get() >= 1, "listeners (the window's header) heard it");
            for (int i = 0; i < 100_000; i++) {
                // A stopped writer must not hold a flood back: these return at once.
                app.registry().publish(new SessionEvent.FrameEvent(1, Frame.message(Direction.RECEIVE, Opcode.TEXT,
                        new byte[] {'y'}, 3)));
            }
            assertEquals(RecordingStore.Trouble.OTHER, app.recording().trouble().orElseThrow());
        }
    }
}
