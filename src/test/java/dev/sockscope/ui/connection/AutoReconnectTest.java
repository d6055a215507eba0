package dev.sockscope.ui.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockscope.app.AppContext;
import dev.sockscope.core.ConnectionState;
import dev.sockscope.testing.DirectUiThread;
import dev.sockscope.testing.EchoServer;
import dev.sockscope.testing.Eventually;
import dev.sockscope.testing.RefusingPort;
import dev.sockscope.ui.fx.Background;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reconnecting after a drop, with real connections and a scheduler the test runs by hand (no waiting). */
class AutoReconnectTest {
    @TempDir
    Path dir;

    private final List<Duration> waits = new ArrayList<>();
    private final List<Runnable> due = new ArrayList<>();

    private AutoReconnect.Scheduler scheduler() {
        return (delay, action) -> {
            waits.add(delay);
            due.add(action);
            return () -> due.remove(action);
        };
    }

    @Test
    void waitsLongerAfterEachFailureUpToThirtySeconds() {
        assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 30L, 30L), List.of(1, 2, 3, 4, 5, 6, 20).stream()
                .map(n -> AutoReconnect.waitBefore(n).toSeconds()).toList());
    }

    @Test
    void aServerThatGoesAwayIsConnectedAgainAndTheUsersOwnCloseIsNot() throws Exception {
        Background background = DirectUiThread.synchronous();
        try (AppContext app = new AppContext(dir); RefusingPort nobody = new RefusingPort()) {
            ClientTabModel tab = new ClientTabModel(app.tabs(), background.ui());
            AutoReconnect reconnect = new AutoReconnect(tab, scheduler());
            tab.request().autoReconnectProperty().set(true);
            tab.request().urlProperty().set("ws://127.0.0.1:" + nobody.port() + "/feed");
            assertTrue(tab.connect());
            Eventually.eventually(Duration.ofSeconds(10), "refused", () -> !due.isEmpty());
            assertEquals("reconnecting in 1 s (attempt 1)", reconnect.statusProperty().get());
            due.remove(0).run();
            Eventually.eventually(Duration.ofSeconds(10), "refused again", () -> !due.isEmpty());
            assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), waits, "a longer wait each time");
            reconnect.cancel();
            assertTrue(due.isEmpty(), "the user's own action cancels what was planned");
            assertEquals("", reconnect.statusProperty().get());
        }
        waits.clear();
        try (AppContext app = new AppContext(dir.resolve("b")); EchoServer server = EchoServer.plain()) {
            ClientTabModel tab = new ClientTabModel(app.tabs(), background.ui());
            new AutoReconnect(tab, scheduler());
            tab.request().autoReconnectProperty().set(true);
            tab.request().urlProperty().set("ws://127.0.0.1:" + server.boundPort() + "/feed");
            assertTrue(tab.connect());
            Eventually.eventually(Duration.ofSeconds(10), "open", () -> tab.connection().stateProperty().get()
                    == ConnectionState.OPEN);
            assertTrue(tab.close(4000, "done"));
            Eventually.eventually(Duration.ofSeconds(10), "closed", () -> tab.connection().stateProperty().get()
                    == ConnectionState.CLOSED);
            assertTrue(due.isEmpty(), "a close the user asked for is never reconnected");
            assertTrue(tab.connect());
            Eventually.eventually(Duration.ofSeconds(10), "open again", () -> tab.connection().stateProperty().get()
                    == ConnectionState.OPEN);
            server.close();
            Eventually.eventually(Duration.ofSeconds(10), "the drop noticed", () -> !due.isEmpty());
            assertEquals(List.of(Duration.ofSeconds(1)), waits);
            tab.dispose();
        }
    }
}
