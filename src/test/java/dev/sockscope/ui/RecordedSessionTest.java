package dev.sockscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockscope.app.AppContext;
import dev.sockscope.core.ConnectionState;
import dev.sockscope.core.Direction;
import dev.sockscope.core.RecordedConnection;
import dev.sockscope.core.RecordedFrame;
import dev.sockscope.core.SessionEvent;
import dev.sockscope.testing.EchoServer;
import dev.sockscope.ui.connection.ClientTabModel;
import dev.sockscope.ui.connection.ConnectionView;
import dev.sockscope.ui.fx.Background;
import dev.sockscope.ui.fx.FxThread;
import dev.sockscope.ui.model.ConnectionModel;
import dev.sockscope.ui.connection.ConnectionTabView;
import dev.sockscope.ui.connection.LogRow;
import dev.sockscope.ui.sessions.RecordedSessionView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Records a real connection, reopens its session read-only, and jumps there from a search result. */
@ExtendWith(ApplicationExtension.class)
class RecordedSessionTest {
    private AppContext app;
    private MainWindow window;
    private EchoServer server;
    private Background background;

    @Start
    void start(Stage stage) throws Exception {
        Path dataDir = Files.createTempDirectory("sockscope-recorded-test");
        app = new AppContext(dataDir);
        server = EchoServer.plain();
        background = new Background(app.background(), new FxThread());
        window = dev.sockscope.testing.TestWindows.show(stage, app, background);
    }

    @AfterEach
    void tearDown() throws Exception {
        app.close();
        server.close();
    }

    /** Connects the first tab, sends three messages, waits for their echoes, closes, and waits for the recording. */
    private void recordOneConnection(FxRobot robot) throws Exception {
        recordOneConnection(robot, List.of("alpha", "beta", "gamma-needle"));
    }

    private void recordOneConnection(FxRobot robot, List<String> messages) throws Exception {
        ClientTabModel live = ((ConnectionTabView) window.tabs().getTabs().get(0).getContent()).model();
        robot.interact(() -> live.request().urlProperty().set("ws://127.0.0.1:" + server.boundPort() + "/feed"));
        robot.interact(live::connect);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> live.connection().stateProperty().get() == ConnectionState.OPEN);
        for (String text : messages) {
            robot.interact(() -> live.composer().draftProperty().set(text));
            robot.interact(live::send);
        }
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> live.connection().log().count(Direction.RECEIVE) == messages.size());
        robot.interact(() -> live.close(4000, "done"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            List<RecordedConnection> recorded = app.queries().connectionsOf("default");
            return recorded.size() == 1 && recorded.get(0).end() != null;
        });
    }

    @Test
    void reopensASessionReadOnlyWithItsMessagesHandshakeAndClose(FxRobot robot) throws Exception {
        recordOneConnection(robot);
        AtomicReference<RecordedSessionView> view = new AtomicReference<>();
        robot.interact(() -> view.set(window.openRecordedSession("default")));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.get().shownConnection() != null);
        ConnectionView shown = view.get().shownConnection();
        TableView<LogRow> log = shown.log().table();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> log.getItems().size() >= 8);

        assertEquals(List.of("alpha", "alpha", "beta", "beta", "gamma-needle", "gamma-needle"),
                log.getItems().subList(0, 6).stream().map(LogRow::preview).toList(), "every message, in order");
        ConnectionModel model = shown.model();
        assertTrue(model.isRecorded());
        assertEquals(ConnectionState.CLOSED, model.stateProperty().get());
        assertEquals(101, model.openedProperty().get().handshake().status());
        assertTrue(model.openedProperty().get().handshake().requestHead().startsWith("GET /feed HTTP/1.1"));
        SessionEvent.Closed closed = model.closedProperty().get();
        assertEquals(4000, closed.code());
        assertEquals(null, view.get().lookup("#connectButton"), "a recorded connection cannot be connected");
        assertEquals(3, model.sentCountProperty().get() - 1, "three messages and the close were sent");
        assertNotNull(shown.lookup("#handshakeView"));
        assertEquals(null, shown.lookup("#composer"), "nothing can be sent from a recording");
    }

    @Test
    void aTabLeftOpenAcrossASessionSwitchKeepsItsSessionAndItsRecordingSaysItIsStillOpen(FxRobot robot) throws Exception {
        ClientTabModel live = ((ConnectionTabView) window.tabs().getTabs().get(0).getContent()).model();
        robot.interact(() -> {
            live.request().urlProperty().set("ws://127.0.0.1:" + server.boundPort() + "/kept");
            live.connect();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> live.connection().stateProperty().get() == ConnectionState.OPEN);
        robot.interact(() -> app.sessions().useSession("after-switch"));
        robot.interact(() -> {
            live.composer().draftProperty().set("after the switch");
            live.send();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> live.connection().log().count(Direction.RECEIVE) == 1);
        javafx.scene.control.Label session = robot.lookup("#recordingSession").queryAs(javafx.scene.control.Label.class);
        assertEquals("default", session.getText(), "the tab says the session it still records into");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.queries().connectionsOf("default").size() == 1);

        AtomicReference<RecordedSessionView> view = new AtomicReference<>();
        robot.interact(() -> view.set(window.openRecordedSession("default")));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.get().shownConnection() != null);
        assertEquals(ConnectionState.OPEN, view.get().shownConnection().model().stateProperty().get(),
                "shown as open, not as a recording that stopped");
        assertTrue(robot.from(view.get()).lookup(".label").queryAllAs(javafx.scene.control.Label.class).stream()
                .anyMatch(l -> l.getText() != null && l.getText().contains("still open, recording")));

        // Sent after the list was read: the view keeps to the counts it lists until refreshed, then all agree again.
        long listed = view.get().connections().getItems().get(0).frames();
        robot.interact(() -> {
            live.composer().draftProperty().set("later still");
            live.send();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> live.connection().log().count(Direction.RECEIVE) == 2);
        long total = live.connection().log().count(Direction.SEND) + live.connection().log().count(Direction.RECEIVE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.queries().connectionsOf("default").get(0).frames() == total);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(listed, messagesShown(view.get()), "the shown page holds what the list counts");
        assertTrue(listed < total);
        robot.clickOn("#refreshRecording");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.get().connections().getItems().size() == 1
                && view.get().connections().getItems().get(0).frames() == total
                && view.get().shownConnection() != null && messagesShown(view.get()) == total);
        assertEquals(app.queries().connectionsOf("default").get(0).id(),
                view.get().connections().getSelectionModel().getSelectedItem().id(), "the same connection stays selected");
    }

    private static long messagesShown(RecordedSessionView view) {
        var log = view.shownConnection().model().log();
        return log.count(Direction.SEND) + log.count(Direction.RECEIVE);
    }

    @Test
    void aRecordedWssConnectionShowsItsCertificateChainAsRecorded(FxRobot robot) throws Exception {
        dev.sockscope.testing.TestPki pki = new dev.sockscope.testing.TestPki();
        Path caFile = pki.writeRootPem(Files.createTempDirectory("sockscope-ca"));
        try (EchoServer secure = EchoServer.tls(dev.sockscope.tls.ServerTls.context(pki.localhostLeaf()))) {
            ClientTabModel live = ((ConnectionTabView) window.tabs().getTabs().get(0).getContent()).model();
            robot.interact(() -> {
                live.request().caFileProperty().set(caFile.toString());
                live.request().urlProperty().set("wss://localhost:" + secure.boundPort() + "/feed");
                live.connect();
            });
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> live.connection().stateProperty().get() == ConnectionState.OPEN);
            robot.interact(() -> live.close(1000, "done"));
            // The close completes before the server goes away, as before.
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> live.connection().stateProperty().get() == ConnectionState.CLOSED);
        }
        javafx.scene.Node certificates = recordedCertificateView(robot);
        assertNotNull(certificates);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.from(certificates).lookup(".label").queryAll().stream()
                .anyMatch(l -> ((javafx.scene.control.Labeled) l).getText() != null
                        && ((javafx.scene.control.Labeled) l).getText().contains("Sockscope Test Root")));
        assertTrue(robot.from(certificates).lookup(".label").queryAll().stream().noneMatch(l ->
                String.valueOf(((javafx.scene.control.Labeled) l).getText()).startsWith("Connect to a wss://")),
                "a recording's certificates are shown, not a prompt to connect");
    }

    /** Once the one connection of session "default" has ended in the recording: its certificate view, reopened from it. */
    private javafx.scene.Node recordedCertificateView(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            List<RecordedConnection> recorded = app.queries().connectionsOf("default");
            return recorded.size() == 1 && recorded.get(0).end() != null;
        });
        AtomicReference<RecordedSessionView> view = new AtomicReference<>();
        robot.interact(() -> view.set(window.openRecordedSession("default")));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.get().shownConnection() != null);
        return view.get().shownConnection().lookup("#certificateView");
    }

    @Test
    void aRecordedRefusedWssConnectionShowsTheChainItRefusedAndWhy(FxRobot robot) throws Exception {
        dev.sockscope.testing.TestPki pki = new dev.sockscope.testing.TestPki();
        try (EchoServer secure = EchoServer.tls(dev.sockscope.tls.ServerTls.context(pki.localhostLeaf()))) {
            ClientTabModel live = ((ConnectionTabView) window.tabs().getTabs().get(0).getContent()).model();
            robot.interact(() -> {
                live.request().urlProperty().set("wss://localhost:" + secure.boundPort() + "/refused");
                live.connect();
            });
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> live.connection().stateProperty().get() == ConnectionState.FAILED);
        }
        javafx.scene.Node certificates = recordedCertificateView(robot);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> labels(robot, certificates).contains("Not trusted"));
        List<String> labels = labels(robot, certificates);
        assertTrue(labels.stream().anyMatch(t -> t.startsWith("Unknown issuer:") || t.startsWith("Self-signed:")
                || t.contains("does not trust")), "why, in words: " + labels);
        assertTrue(labels.contains("CN=localhost"), "the refused chain as it was recorded: " + labels);
    }

    private static List<String> labels(FxRobot robot, javafx.scene.Node root) {
        return robot.from(root).lookup(".label").queryAllAs(javafx.scene.control.Label.class).stream()
                .map(l -> String.valueOf(l.getText())).toList();
    }

    @Test
    void atTenTwentyFourBySevenHundredTheLogAndTheDetailPaneFitWhole(FxRobot robot) throws Exception {
        recordOneConnection(robot);
        robot.interact(() -> {
            Stage stage = (Stage) window.getScene().getWindow();
            stage.setWidth(1024);
            stage.setHeight(700);
        });
        ConnectionTabView liveTab = (ConnectionTabView) window.tabs().getTabs().get(0).getContent();
        assertFits(robot, liveTab.lookup(".connection-view"), "the live tab");
        AtomicReference<RecordedSessionView> view = new AtomicReference<>();
        robot.interact(() -> view.set(window.openRecordedSession("default")));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.get().shownConnection() != null);
        assertFits(robot, view.get().shownConnection(), "the recorded view");
    }

    /** The detail pane is whole on screen and at least its minimum wide; the log's toolbar is not cut. */
    private void assertFits(FxRobot robot, javafx.scene.Node connectionView, String which) {
        robot.interact(() -> {
            window.getScene().getRoot().applyCss();
            window.getScene().getRoot().layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
        double sceneWidth = window.getScene().getWidth();
        javafx.geometry.Bounds detail = bounds(connectionView.lookup(".detail-tabs"));
        assertTrue(detail.getMaxX() <= sceneWidth + 0.5, which + ": the detail pane ends at " + detail.getMaxX()
                + ", past the window's " + sceneWidth);
        assertTrue(detail.getWidth() >= 379, which + ": the detail pane is squeezed to " + detail.getWidth());
        javafx.geometry.Bounds log = bounds(connectionView.lookup(".message-log"));
        javafx.geometry.Bounds follow = bounds(connectionView.lookup("#followToggle"));
        assertTrue(follow.getMaxX() <= log.getMaxX() + 0.5, which + ": the log's toolbar is cut (its last button ends at "
                + follow.getMaxX() + ", the log at " + log.getMaxX() + ")");
    }

    private static javafx.geometry.Bounds bounds(javafx.scene.Node node) {
        assertNotNull(node);
        // Layout bounds: the node's own box, not widened by children that overflow it.
        return node.localToScene(node.getLayoutBounds());
    }

    @Test
    void aSearchResultOpensItsSessionAtThatMessage(FxRobot robot) throws Exception {
        recordOneConnection(robot);
        robot.clickOn("#searchField").write("gamma-needle").type(javafx.scene.input.KeyCode.ENTER);
        TableView<RecordedFrame> results = robot.lookup("#searchResults").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> results.getItems().size() == 2);
        RecordedFrame echo = results.getItems().stream().filter(f -> f.message().direction() == Direction.RECEIVE)
                .findFirst().orElseThrow();
        robot.interact(() -> results.getSelectionModel().select(echo));
        robot.clickOn("Show in its session");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.tabs().getSelectionModel().getSelectedItem()
                .getContent() instanceof RecordedSessionView v && v.shownConnection() != null
                && v.shownConnection().log().table().getSelectionModel().getSelectedItem() != null);
        RecordedSessionView view = (RecordedSessionView) window.tabs().getSelectionModel().getSelectedItem().getContent();
        LogRow selected = view.shownConnection().log().table().getSelectionModel().getSelectedItem();
        assertEquals("gamma-needle", selected.preview());
        assertEquals(Direction.RECEIVE, selected.direction());
        assertEquals(echo.seq(), selected.index());
    }

    @Test
    void aLongConnectionIsReadFromTheRecordingAPageAtATime(FxRobot robot) throws Exception {
        List<String> thirty = java.util.stream.IntStream.range(0, 30).mapToObj(i -> "m" + i).toList();
        recordOneConnection(robot, thirty);
        AtomicReference<RecordedSessionView> view = new AtomicReference<>();
        robot.interact(() -> {
            view.set(new RecordedSessionView(app.queries(), app.transfers(), app.tlsInspection(), background, "default",
                    new javafx.beans.property.SimpleBooleanProperty(), 20));
            window.tabs().getTabs().add(new javafx.scene.control.Tab("paged", view.get()));
            window.tabs().getSelectionModel().selectLast();
        });
        // 30 sent, 30 echoed, our close and the server's: 62 frames, in pages of 20; the newest page first.
        javafx.scene.control.Label page = (javafx.scene.control.Label) view.get().lookup("#recordedPage");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.get().shownConnection() != null
                && view.get().shownConnection().log().table().getItems().size() == 20);
        assertTrue(page.isVisible());
        assertTrue(page.getText().startsWith("Messages 43\u201362 of 62"), page.getText());
        assertEquals(20, view.get().shownConnection().model().log().size(), "only the page is held");

        long id = view.get().connections().getItems().get(0).id();
        robot.interact(() -> view.get().reveal(id, 25));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.get().shownConnection().log().table().getSelectionModel()
                .getSelectedItem() != null);
        assertTrue(page.getText().startsWith("Messages 16\u201335 of 62"), page.getText());
        assertEquals(20, view.get().shownConnection().model().log().size());
        assertEquals(10, view.get().shownConnection().log().table().getSelectionModel().getSelectedItem().index(),
                "message 25 of the connection is in the middle of its page");
    }

    @Test
    void messagesATabLetGoFromMemoryOpenFromTheRecording(FxRobot robot) throws Exception {
        app.live().useLogs(() -> new dev.sockscope.app.FrameLog(8, 1 << 20));
        ClientTabModel small = new ClientTabModel(app.tabs(), background.ui());
        AtomicReference<ConnectionTabView> tab = new AtomicReference<>();
        robot.interact(() -> {
            tab.set(new ConnectionTabView(small, background, new javafx.beans.property.SimpleBooleanProperty(),
                    app.tlsInspection()));
            tab.get().setOpenInRecording(seq -> window.openInRecording(small.connection().connectionId(), seq));
            window.tabs().getTabs().add(new javafx.scene.control.Tab("small", tab.get()));
            window.tabs().getSelectionModel().selectLast();
            small.request().urlProperty().set("ws://127.0.0.1:" + server.boundPort() + "/long");
            small.connect();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> small.connection().stateProperty().get() == ConnectionState.OPEN);
        for (int i = 0; i < 10; i++) {
            String text = "n" + i;
            robot.interact(() -> small.composer().draftProperty().set(text));
            robot.interact(small::send);
        }
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> small.connection().log().count(Direction.RECEIVE) == 10);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.queries().recordedFrames() >= 20);
        javafx.scene.control.Hyperlink open = (javafx.scene.control.Hyperlink) tab.get().lookup("#openOlderInRecording");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> open.getParent().isVisible());
        int newestLetGo = small.connection().log().firstRetained() - 1;
        assertTrue(newestLetGo >= 0);

        robot.interact(open::fire);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.tabs().getSelectionModel().getSelectedItem()
                .getContent() instanceof RecordedSessionView v && v.shownConnection() != null
                && v.shownConnection().log().table().getSelectionModel().getSelectedItem() != null);
        RecordedSessionView view = (RecordedSessionView) window.tabs().getSelectionModel().getSelectedItem().getContent();
        assertEquals(newestLetGo, view.shownConnection().log().table().getSelectionModel().getSelectedItem().index(),
                "the newest message the tab let go, selected in the recording");
        assertEquals("ws://127.0.0.1:" + server.boundPort() + "/long", view.shownConnection().model().recorded().url());
    }
}
