package dev.sockscope.ui.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockscope.app.AppContext;
import dev.sockscope.core.ConnectionState;
import dev.sockscope.core.Direction;
import dev.sockscope.testing.DirectUiThread;
import dev.sockscope.testing.EchoServer;
import dev.sockscope.testing.Eventually;
import dev.sockscope.ui.fx.Background;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A connection tab's model, without the JavaFX toolkit: its commands, and what it says when they cannot be done. */
class ClientTabModelTest {
    @TempDir
    Path dir;

    @Test
    void refusesAnInvalidRequestInPlaceWithoutConnecting() {
        try (AppContext app = new AppContext(dir)) {
            ClientTabModel tab = new ClientTabModel(app.tabs(), DirectUiThread.synchronous().ui());
            tab.request().urlProperty().set("ftp://example.com");
            assertFalse(tab.connect());
            assertTrue(tab.request().urlProblemProperty().get().contains("unsupported scheme"),
                    tab.request().urlProblemProperty().get());
            tab.request().urlProperty().set("127.0.0.1:9/feed");
            tab.request().build();
            assertEquals("ws://127.0.0.1:9/feed", tab.request().urlProperty().get(), "a bare address is taken as ws://");
            tab.request().urlProperty().set("ws://127.0.0.1:9/");
            tab.request().headers().add(new HeaderRowModel("X-A", "b\r\nX-Injected: 1", true));
            assertFalse(tab.connect(), "a header value cannot smuggle another header onto the wire");
            assertTrue(tab.request().urlProblemProperty().get().contains("line break"), tab.request().urlProblemProperty().get());
            assertEquals(ConnectionState.IDLE, tab.connection().stateProperty().get());
            assertFalse(tab.send());
            assertEquals("Not connected: connect first", tab.actionProblemProperty().get());
        }
    }

    @Test
    void connectsSendsAndClosesAndCountsWhatCrossedTheWire() throws Exception {
        Background background = DirectUiThread.synchronous();
        try (AppContext app = new AppContext(dir); EchoServer server = EchoServer.plain()) {
            ClientTabModel tab = new ClientTabModel(app.tabs(), background.ui());
            tab.request().urlProperty().set("ws://127.0.0.1:" + server.boundPort() + "/chat");
            assertTrue(tab.connect());
            Eventually.eventually(Duration.ofSeconds(10), "open", () -> tab.connection().stateProperty().get()
                    == ConnectionState.OPEN);
            tab.composer().draftProperty().set("hello");
            assertTrue(tab.send());
            assertFalse(tab.ping("x".repeat(126)), "a ping payload is at most 125 bytes");
            assertTrue(tab.actionProblemProperty().get().contains("125"), tab.actionProblemProperty().get());
            Eventually.eventually(Duration.ofSeconds(10), "the echo", () -> tab.connection().log().count(Direction.RECEIVE) == 1);
            assertFalse(tab.close(1005, ""), "1005 is never sent");
            assertTrue(tab.close(4000, "done"));
            // CLOSING until the server's close comes back, which on loopback may already have happened.
            ConnectionState afterClose = tab.connection().stateProperty().get();
            assertTrue(afterClose == ConnectionState.CLOSING || afterClose == ConnectionState.CLOSED, afterClose.toString());
            Eventually.eventually(Duration.ofSeconds(10), "closed", () -> tab.connection().stateProperty().get()
                    == ConnectionState.CLOSED);
            tab.connection().pulse();
            assertEquals(2, tab.connection().sentCountProperty().get(), "the message and the close");
            assertEquals(4000, tab.connection().closedProperty().get().code());
            long first = tab.connection().connectionId();
            assertTrue(tab.connect(), "connect again");
            assertTrue(tab.connection().connectionId() != first);
            assertEquals(null, app.live().get(first), "the tab let the old connection go");
            tab.dispose();
        }
    }
}
