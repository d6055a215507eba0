package dev.sockscope.ui.connection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockscope.app.AppContext;
import dev.sockscope.app.FrameLog;
import dev.sockscope.app.TabConnections;
import dev.sockscope.core.ConnectRequest;
import dev.sockscope.core.ConnectionState;
import dev.sockscope.core.Direction;
import dev.sockscope.core.Frame;
import dev.sockscope.core.RecordedConnection;
import dev.sockscope.core.WsUrl;
import dev.sockscope.testing.DirectUiThread;
import dev.sockscope.testing.Eventually;
import dev.sockscope.testing.ScriptedServer;
import dev.sockscope.ui.fx.Background;
import dev.sockscope.ui.model.ConnectionModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A connection's messages and its wire frames, live and reopened from the recording, through the
 * view models alone (no JavaFX toolkit): a fragmented message with a ping inside it is four frames
 * in the frame view and one message in the message view, and the recording gives back the same.
 */
class WireViewsTest {
    private static final String FRAGMENTS_AND_PING = "010348656c 00036c6f20 890170 8003796f75 880203e8";

    @TempDir
    Path dir;

    @Test
    void aFragmentedMessageIsFourFramesInWireOrderAndOneMessageLiveAndReopened() throws Exception {
        Background background = DirectUiThread.synchronous();
        try (AppContext app = new AppContext(dir); ScriptedServer server = ScriptedServer.writing(FRAGMENTS_AND_PING)) {
            TabConnections.Opened opened = app.tabs().open(ConnectRequest.of(WsUrl.parse(server.url())));
            ConnectionModel live = new ConnectionModel(background.ui());
            live.follow(opened.live(), ConnectRequest.of(WsUrl.parse(server.url())));
            Eventually.eventually(Duration.ofSeconds(10), "the connection closed", () -> live.stateProperty().get()
                    == ConnectionState.CLOSED);
            MessageLogModel log = new MessageLogModel(live, background);

            List<String> received = rows(log, Direction.RECEIVE);
            assertEquals(List.of("ping p", "text \u00d73 Hello you", "close 1000 Normal Closure"), received,
                    "message view: the ping, then the whole message, then the close");
            log.viewProperty().set(LogView.FRAMES);
            assertEquals(List.of("text \u2026 Hel", "cont. \u2026 lo ", "ping p", "cont. you", "close 1000 Normal Closure"),
                    rows(log, Direction.RECEIVE), "frame view: what crossed the wire, in order, FIN shown");

            Eventually.eventually(Duration.ofSeconds(10), "recorded", () -> !app.queries().connectionsOf("default").isEmpty()
                    && app.queries().connectionsOf("default").get(0).end() != null);
            RecordedConnection recorded = app.queries().connectionsOf("default").get(0);
            ConnectionModel reopened = ConnectionModel.recorded(background.ui(), recorded);
            app.queries().framesOf(recorded.id(), 0, 1000, f -> reopened.log().append(f.frame(), f.message()));
            assertSameFrames(live.log(), reopened.log());
            MessageLogModel again = new MessageLogModel(reopened, background);
            assertEquals(received, rows(again, Direction.RECEIVE), "the recording shows the same messages");
            again.viewProperty().set(LogView.FRAMES);
            assertEquals(rows(log, Direction.RECEIVE), rows(again, Direction.RECEIVE), "and the same frames");
            assertEquals(ConnectionState.CLOSED, reopened.stateProperty().get());
        }
    }

    @Test
    void filtersMessagesAndFramesByText() throws Exception {
        Background background = DirectUiThread.synchronous();
        try (AppContext app = new AppContext(dir); ScriptedServer server = ScriptedServer.writing(FRAGMENTS_AND_PING)) {
            TabConnections.Opened opened = app.tabs().open(ConnectRequest.of(WsUrl.parse(server.url())));
            ConnectionModel live = new ConnectionModel(background.ui());
            live.follow(opened.live(), ConnectRequest.of(WsUrl.parse(server.url())));
            Eventually.eventually(Duration.ofSeconds(10), "closed", () -> live.stateProperty().get() == ConnectionState.CLOSED);
            MessageLogModel log = new MessageLogModel(live, background);
            log.queryProperty().set("hello you");
            log.applyFilter();
            assertEquals(List.of("text \u00d73 Hello you"), rows(log, Direction.RECEIVE), "a message matches across fragments");
            assertTrue(log.countProperty().get().startsWith("1 matching of"), log.countProperty().get());
            log.viewProperty().set(LogView.FRAMES);
            assertEquals(List.of(), rows(log, Direction.RECEIVE), "no single frame holds it");
        }
    }

    /** "type preview" of each row in one direction. */
    private static List<String> rows(MessageLogModel log, Direction direction) {
        List<String> out = new ArrayList<>();
        for (LogRow row : log.rowsProperty().get()) {
            if (row.direction() == direction) {
                out.add(row.type() + " " + row.preview());
            }
        }
        return out;
    }

    private static void assertSameFrames(FrameLog live, FrameLog recorded) {
        assertEquals(live.size(), recorded.size());
        for (int i = 0; i < live.size(); i++) {
            Frame a = live.get(i);
            Frame b = recorded.get(i);
            assertEquals(List.of(a.direction(), a.opcode(), a.fin(), a.rsv(), a.timestampMicros()),
                    List.of(b.direction(), b.opcode(), b.fin(), b.rsv(), b.timestampMicros()), "frame " + i);
            assertArrayEquals(a.payload(), b.payload(), "frame " + i);
            assertArrayEquals(a.header(), b.header(), "frame " + i + ": header bytes, mask key included");
            assertEquals(live.completesMessage(i), recorded.completesMessage(i));
        }
    }
}
