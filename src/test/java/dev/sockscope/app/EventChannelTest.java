package dev.sockscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockscope.core.ClosedBy;
import dev.sockscope.core.ConnectRequest;
import dev.sockscope.core.Direction;
import dev.sockscope.core.Frame;
import dev.sockscope.core.Opcode;
import dev.sockscope.core.Origin;
import dev.sockscope.core.RecordedConnection;
import dev.sockscope.core.SessionEvent;
import dev.sockscope.core.WsUrl;
import dev.sockscope.testing.EchoServer;
import dev.sockscope.testing.Eventually;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one event channel: any producer publishes, every observer hears it, and none can break the others. */
class EventChannelTest {
    @TempDir
    Path dir;

    @Test
    void aThrowingSubscriberDoesNotStopEventsOfTwoProducersReachingTheRecorderAndTheLiveList() throws Exception {
        try (AppContext app = new AppContext(dir); EchoServer server = EchoServer.plain()) {
            AtomicInteger thrown = new AtomicInteger();
            app.registry().subscribe(event -> {
                thrown.incrementAndGet();
                throw new IllegalStateException("a broken observer");
            });
            Set<Origin> seenLive = ConcurrentHashMap.newKeySet();
            app.live().showProxied(); // as the window does
            app.live().listen(c -> seenLive.add(c.origin()));

            // Producer one: a connection tab, through the app's client.
            TabConnections.Opened tab = app.tabs().open(ConnectRequest.of(WsUrl.parse("ws://127.0.0.1:" + server.boundPort() + "/tab")));
            Eventually.eventually(Duration.ofSeconds(10), "the tab's connection open",
                    () -> tab.live().opened() != null);
            tab.connection().sendText("from the tab");
            Eventually.eventually(Duration.ofSeconds(10), "the echo in the tab's log",
                    () -> tab.live().log().count(Direction.RECEIVE) == 1);
            tab.connection().close(1000, "");

            // Producer two: anything that publishes, as the proxy will: its own origin and session.
            long id = app.registry().newConnectionId();
            WsUrl target = WsUrl.parse("wss://api.example/feed");
            app.registry().publish(new SessionEvent.Started(id, Origin.PROXY, "proxied", target, 1));
            app.registry().publish(new SessionEvent.Opened(id, target, new dev.sockscope.core.Handshake("GET /feed HTTP/1.1\r\n\r\n",
                    "HTTP/1.1 101 Switching Protocols\r\n\r\n", null), null, "", dev.sockscope.core.Timings.NONE, 2));
            app.registry().publish(new SessionEvent.FrameEvent(id, Frame.message(Direction.RECEIVE, Opcode.TEXT,
                    "proxied".getBytes(StandardCharsets.UTF_8), 3)));
            app.registry().publish(new SessionEvent.Closed(id, 1000, "", ClosedBy.SERVER, 4));

            Eventually.eventually(Duration.ofSeconds(10), "both connections recorded, each in its session",
                    () -> ended(app.queries().connectionsOf("default")) && ended(app.queries().connectionsOf("proxied")));
            RecordedConnection fromTab = app.queries().connectionsOf("default").get(0);
            assertEquals(Origin.TAB, fromTab.origin());
            assertEquals(4, fromTab.frames(), "sent, echoed, the tab's close and the server's reply");
            RecordedConnection proxied = app.queries().connectionsOf("proxied").get(0);
            assertEquals(Origin.PROXY, proxied.origin());
            assertEquals(1, proxied.frames());
            assertEquals(Set.of(Origin.TAB, Origin.PROXY), seenLive, "the live list heard both producers");
            LiveConnection shown = app.live().get(id);
            assertNotNull(shown, "a proxied connection stays listed for the window");
            assertEquals(1, shown.log().count(Direction.RECEIVE));
            assertTrue(thrown.get() >= 8, "the broken observer was called for every event: " + thrown.get());
        }
    }

    private static boolean ended(List<RecordedConnection> connections) {
        return connections.size() == 1 && connections.get(0).end() != null;
    }

    @Test
    void aSubscriberThatIsBehindHoldsEveryProducerOfFramesOnItsOwnThread() throws Exception {
        SessionRegistry registry = new SessionRegistry();
        CountDownLatch caughtUp = new CountDownLatch(1);
        AtomicInteger heard = new AtomicInteger();
        registry.subscribe(event -> heard.incrementAndGet(), () -> {
            try {
                caughtUp.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Thread sender = new Thread(() -> registry.publish(new SessionEvent.FrameEvent(1, Frame.message(Direction.SEND,
                Opcode.TEXT, new byte[0], 0))));
        Thread receiver = new Thread(() -> registry.publish(new SessionEvent.FrameEvent(2, Frame.message(Direction.RECEIVE,
                Opcode.TEXT, new byte[0], 0))));
        sender.start();
        receiver.start();
        registry.publish(new SessionEvent.Started(3, Origin.CLI, "default", WsUrl.parse("ws://x/"), 0));
        assertEquals(1, heard.get(), "lifecycle events are not held back, frames in both directions are");
        Eventually.eventually(Duration.ofSeconds(5), "both producers waiting",
                () -> sender.getState() == Thread.State.WAITING && receiver.getState() == Thread.State.WAITING);
        caughtUp.countDown();
        sender.join(5000);
        receiver.join(5000);
        assertEquals(3, heard.get());
    }
}
