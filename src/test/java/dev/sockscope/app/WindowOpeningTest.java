package dev.sockscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockscope.core.ClosedBy;
import dev.sockscope.core.Direction;
import dev.sockscope.core.Frame;
import dev.sockscope.core.Opcode;
import dev.sockscope.core.Origin;
import dev.sockscope.core.SessionEvent;
import dev.sockscope.core.WsUrl;
import dev.sockscope.testing.Eventually;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window's context opens the recording beside the window: what is published before the
 * database is open is recorded all the same, queries wait for it, and a database another instance
 * holds is said once the attempt is over.
 */
class WindowOpeningTest {
    @TempDir
    Path dir;

    @Test
    void eventsPublishedWhileTheRecordingOpensAreRecordedInOrder() throws Exception {
        try (AppContext app = AppContext.forWindow(dir, OpeningProgress.NONE)) {
            WsUrl url = WsUrl.parse("ws://example.test/early");
            app.registry().publish(new SessionEvent.Started(1, Origin.TAB, "default", url, 1));
            for (int i = 0; i < 50; i++) {
                app.registry().publish(new SessionEvent.FrameEvent(1, Frame.message(Direction.SEND, Opcode.TEXT,
                        ("early " + i).getBytes(StandardCharsets.UTF_8), 2 + i)));
            }
            app.registry().publish(new SessionEvent.Closed(1, 1000, "", ClosedBy.CLIENT, 100));
            // A query made at once waits for the database instead of failing.
            var connections = app.queries().connectionsOf("default");
            Eventually.eventually(Duration.ofSeconds(10), "recorded", () -> !app.queries().connectionsOf("default").isEmpty()
                    && app.queries().connectionsOf("default").get(0).end() != null);
            assertTrue(connections.size() <= 1);
            assertTrue(!app.recording().isOpening());
            java.util.List<String> texts = new java.util.ArrayList<>();
            long id = app.queries().connectionsOf("default").get(0).id();
            app.queries().framesOf(id, 0, 100, f -> texts.add(new String(f.frame().payload(), StandardCharsets.UTF_8)));
            assertEquals(50, texts.size());
            assertEquals("early 0", texts.get(0));
            assertEquals("early 49", texts.get(49));
        }
    }

    @Test
    void aDamagedDatabaseIsSaidOnceTheOpeningIsOverAndNothingIsHeldForever() throws Exception {
        java.nio.file.Files.write(dir.resolve("sockscope.mv.db"), new byte[64 * 1024]);
        try (AppContext app = AppContext.forWindow(dir, OpeningProgress.NONE)) {
            Eventually.eventually(Duration.ofSeconds(20), "the opening ended", () -> !app.recording().isOpening());
            assertEquals(RecordingStore.Trouble.CORRUPT, app.recording().trouble().orElseThrow());
            assertTrue(app.recording().problem().isPresent());
        }
    }

    @Test
    void producersWaitWhenTooManyEventsAreHeldAndGoOnWhenTheOpeningFails() throws Exception {
        HeldEvents held = new HeldEvents();
        SessionEvent event = new SessionEvent.Started(1, Origin.TAB, "default", WsUrl.parse("ws://x.test/"), 1);
        for (int i = 0; i < HeldEvents.MAX_HELD; i++) {
            held.accept(event);
        }
        Thread producer = new Thread(held::awaitCapacity);
        producer.start();
        producer.join(300);
        assertTrue(producer.isAlive(), "a producer waits while the database opens and too much is held");
        held.drop();
        producer.join(5000);
        assertTrue(!producer.isAlive(), "and goes on once nothing will be recorded");
        held.accept(event);
        held.awaitCapacity();
    }
}
