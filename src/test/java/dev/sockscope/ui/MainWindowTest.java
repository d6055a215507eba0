package dev.sockscope.ui;

import dev.sockscope.ui.fx.Background;
import dev.sockscope.ui.fx.FxThread;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockscope.app.AppContext;
import dev.sockscope.app.Settings;
import dev.sockscope.core.ConnectionState;
import dev.sockscope.core.Direction;
import dev.sockscope.testing.EchoServer;
import dev.sockscope.testing.RefusingPort;
import dev.sockscope.ui.connection.ConnectionTabView;
import dev.sockscope.ui.connection.LogRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the real main window headless (Monocle): type a URL, connect, send, see the echo. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private AppContext app;
    private MainWindow window;
    private EchoServer server;

    @Start
    void start(Stage stage) throws Exception {
        Path dataDir = Files.createTempDirectory("sockscope-ui-test");
        app = new AppContext(dataDir);
        server = EchoServer.plain();
        window = dev.sockscope.testing.TestWindows.show(stage, app);
    }

    @AfterEach
    void tearDown() throws Exception {
        app.close();
        server.close();
    }

    private ConnectionTabView currentTab() {
        return (ConnectionTabView) window.tabs().getSelectionModel().getSelectedItem().getContent();
    }

    @Test
    void typesAUrlConnectsSendsAndSeesTheEchoInTheLog(FxRobot robot) throws Exception {
        robot.clickOn("#urlField").write("ws://127.0.0.1:" + server.boundPort() + "/echo");
        robot.clickOn("#connectButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> currentTab().model().connection().stateProperty().get() == ConnectionState.OPEN);

        robot.clickOn("#composer").write("hello sockscope");
        robot.clickOn("#sendButton");

        TableView<LogRow> log = robot.lookup("#messageLog").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> log.getItems().stream()
                .anyMatch(r -> r.direction() == Direction.RECEIVE && r.preview().equals("hello sockscope")));
        assertEquals(Direction.SEND, log.getItems().get(0).direction());
        assertEquals("hello sockscope", log.getItems().get(0).preview());
        assertEquals("127.0.0.1:" + server.boundPort(), window.tabs().getTabs().get(0).getText());
        Label status = robot.lookup("#statusBar .label").queryAs(Label.class);
        assertEquals("Open", status.getText());
    }

    @Test
    void ctrlEnterSendsAndUpRecallsTheLastMessage(FxRobot robot) throws Exception {
        robot.interact(() -> currentTab().model().request().urlProperty().set("ws://127.0.0.1:" + server.boundPort()));
        robot.clickOn("#connectButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> currentTab().model().connection().stateProperty().get() == ConnectionState.OPEN);
        robot.clickOn("#composer").write("first");
        robot.press(KeyCode.CONTROL).press(KeyCode.ENTER).release(KeyCode.ENTER).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> currentTab().model().connection().receivedCountProperty().get() == 1);
        robot.interact(() -> currentTab().model().composer().draftProperty().set(""));
        robot.clickOn("#composer").type(KeyCode.UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("first", currentTab().model().composer().draftProperty().get());
    }

    @Test
    void showsAnInvalidUrlInlineWithoutConnecting(FxRobot robot) {
        robot.clickOn("#urlField").write("ftp://example.com");
        robot.clickOn("#connectButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(ConnectionState.IDLE, currentTab().model().connection().stateProperty().get());
        assertTrue(currentTab().model().request().urlProblemProperty().get().contains("unsupported scheme"));
    }

    @Test
    void showsARefusedConnectionInPlaceAndCanConnectAgain(FxRobot robot) throws Exception {
        try (RefusingPort refusing = new RefusingPort()) {
            robot.interact(() -> currentTab().model().request().urlProperty().set("ws://127.0.0.1:" + refusing.port()));
            robot.clickOn("#connectButton");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                    () -> currentTab().model().connection().stateProperty().get() == ConnectionState.FAILED);
            assertTrue(robot.lookup(".failure-banner .label").queryAs(Label.class).getText().startsWith("Connection refused"));
        }
        robot.interact(() -> currentTab().model().request().urlProperty().set("ws://127.0.0.1:" + server.boundPort()));
        robot.clickOn("#connectButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> currentTab().model().connection().stateProperty().get() == ConnectionState.OPEN);
    }

    @Test
    void restoresOpenTabsWithTheirRequestAndDraftAtTheNextLaunch(FxRobot robot) {
        robot.interact(() -> {
            var model = currentTab().model();
            model.request().urlProperty().set("wss://example.com/feed");
            model.request().headers().add(new dev.sockscope.ui.connection.HeaderRowModel("Authorization", "Bearer t", true));
            model.request().subprotocolsProperty().set("graphql-ws");
            model.composer().modeProperty().set(dev.sockscope.ui.connection.ComposerMode.JSON);
            model.composer().draftProperty().set("{\"op\":\"ping\"}");
            window.openTab(dev.sockscope.app.TabState.blank()).model().request().urlProperty().set("ws://localhost:9000");
        });
        robot.interact(() -> currentTab().connectionView().logShareProperty().set(0.45));
        app.sessions().useSession("qa-7");
        Settings saved = window.snapshot();
        assertEquals(0.45, saved.logShare(), 0.001, "the divider the user set is saved");
        assertEquals("qa-7", saved.session(), "the session in use is saved with the tabs");
        app.sessions().useSession("default");
        robot.interact(() -> {
            MainWindow next = new MainWindow(app, saved, new Background(app.background(), new FxThread()));
            assertEquals(2, next.tabs().getTabs().size());
            var restored = ((ConnectionTabView) next.tabs().getTabs().get(0).getContent()).model();
            assertEquals("wss://example.com/feed", restored.request().urlProperty().get());
            assertEquals("Authorization", restored.request().headers().get(0).nameProperty().get());
            assertEquals("graphql-ws", restored.request().subprotocolsProperty().get());
            assertEquals("{\"op\":\"ping\"}", restored.composer().draftProperty().get());
            assertEquals(dev.sockscope.ui.connection.ComposerMode.JSON, restored.composer().modeProperty().get());
            assertEquals(1, next.tabs().getSelectionModel().getSelectedIndex());
            assertEquals(0.45, ((ConnectionTabView) next.tabs().getTabs().get(0).getContent()).connectionView()
                    .logShareProperty().get(), 0.001, "and given back at the next launch");
            assertEquals("qa-7", app.sessions().currentSession(), "and recording resumes into it");
            next.disposeAll();
        });
    }

    @Test
    void offersToTrustARefusedSelfSignedCertificateForThisTabOnly(FxRobot robot) throws Exception {
        var selfSigned = new dev.sockscope.tls.CertificateBuilder().addSubjectAltName("localhost").build();
        try (EchoServer tls = EchoServer.tls(dev.sockscope.tls.ServerTls.context(selfSigned))) {
            robot.interact(() -> currentTab().model().request().urlProperty().set("wss://localhost:" + tls.boundPort()));
            robot.clickOn("#connectButton");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                    () -> currentTab().model().connection().stateProperty().get() == ConnectionState.FAILED);
            assertEquals(dev.sockscope.core.FailureKind.TLS_UNTRUSTED, currentTab().model().connection().failureProperty().get().kind());
            robot.clickOn("#trustCertificateButton");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                    () -> currentTab().model().connection().stateProperty().get() == ConnectionState.OPEN);
            assertEquals(java.util.List.of(selfSigned.sha256()), currentTab().model().request().pins());
        }
    }

    @Test
    void showsTheLeafSubjectAndFingerprintInTheCertificateViewOfALiveWssConnection(FxRobot robot) throws Exception {
        dev.sockscope.testing.TestPki pki = new dev.sockscope.testing.TestPki();
        var leaf = pki.leafUnderIntermediate();
        Path ca = pki.writeRootPem(Files.createTempDirectory("sockscope-ca"));
        try (EchoServer tls = EchoServer.tls(dev.sockscope.tls.ServerTls.context(leaf, pki.intermediate().certificate()))) {
            robot.interact(() -> {
                currentTab().model().request().caFileProperty().set(ca.toString());
                currentTab().model().request().urlProperty().set("wss://localhost:" + tls.boundPort() + "/");
            });
            robot.clickOn("#connectButton");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> currentTab().model().connection().stateProperty().get() == ConnectionState.OPEN);
            robot.clickOn("Certificate");
            String fingerprint = dev.sockscope.core.Digests.colons(leaf.sha256());
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#certificateView .label")
                    .queryAllAs(Label.class).stream().anyMatch(l -> fingerprint.equals(l.getText())));
            var labels = robot.lookup("#certificateView .label").queryAllAs(Label.class).stream().map(Label::getText).toList();
            assertTrue(labels.contains("CN=localhost"), labels.toString());
            assertTrue(labels.contains("Trusted"), labels.toString());
            assertTrue(labels.stream().anyMatch(t -> t.contains("Sockscope Test Root")), "the anchor is named: " + labels);
        }
    }

    @Test
    void showsTheRefusedChainAndWhyInTheCertificateView(FxRobot robot) throws Exception {
        dev.sockscope.testing.TestPki pki = new dev.sockscope.testing.TestPki();
        Path ca = pki.writeRootPem(Files.createTempDirectory("sockscope-ca"));
        try (EchoServer tls = EchoServer.tls(dev.sockscope.tls.ServerTls.context(pki.expiredLeaf()))) {
            robot.interact(() -> {
                currentTab().model().request().caFileProperty().set(ca.toString());
                currentTab().model().request().urlProperty().set("wss://localhost:" + tls.boundPort() + "/");
            });
            robot.clickOn("#connectButton");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> currentTab().model().connection().stateProperty().get() == ConnectionState.FAILED);
            robot.clickOn("Certificate");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#certificateView .label")
                    .queryAllAs(Label.class).stream().anyMatch(l -> "Not trusted".equals(l.getText())));
            var labels = robot.lookup("#certificateView .label").queryAllAs(Label.class).stream().map(Label::getText).toList();
            assertTrue(labels.stream().anyMatch(t -> t.startsWith("Expired: CN=localhost expired on")), labels.toString());
            assertTrue(labels.contains("CN=localhost"), "the refused chain is still shown: " + labels);
        }
    }

    @Test
    void findsARecordedMessageFromTheSearchField(FxRobot robot) throws Exception {
        robot.interact(() -> currentTab().model().request().urlProperty().set("ws://127.0.0.1:" + server.boundPort()));
        robot.clickOn("#connectButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> currentTab().model().connection().stateProperty().get() == ConnectionState.OPEN);
        robot.clickOn("#composer").write("a needle in the haystack");
        robot.clickOn("#sendButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> currentTab().model().connection().receivedCountProperty().get() == 1);
        robot.clickOn("#searchField").write("NEEDLE");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> {
            robot.clickOn("#searchField").type(KeyCode.ENTER);
            WaitForAsyncUtils.waitForFxEvents();
            return robot.lookup("#searchResults").tryQuery().isPresent()
                    && robot.lookup("#searchResults").queryTableView().getItems().size() == 2;
        });
        TableView<dev.sockscope.core.RecordedFrame> results = robot.lookup("#searchResults").queryTableView();
        assertEquals("a needle in the haystack", results.getItems().get(0).message().text());
        assertEquals("default", results.getItems().get(0).session());
        assertEquals("Search", window.tabs().getSelectionModel().getSelectedItem().getText());

        robot.doubleClickOn("#searchField").eraseText(6).write("no such hay");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> results.getItems().isEmpty()
                && "No message matches.".equals(((javafx.scene.control.Label) results.getPlaceholder()).getText()));
    }

    @Test
    void listsRecordedSessionsInTheSessionMenuAndSwitchesBetweenThem(FxRobot robot) throws Exception {
        robot.interact(() -> currentTab().model().request().urlProperty().set("ws://127.0.0.1:" + server.boundPort()));
        robot.clickOn("#connectButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> currentTab().model().connection().stateProperty().get() == ConnectionState.OPEN);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.sessions().sessions().size() == 1);
        javafx.scene.control.MenuButton menu = robot.lookup("#sessionMenu").queryAs(javafx.scene.control.MenuButton.class);
        robot.clickOn(menu);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> menu.getItems().stream()
                .anyMatch(i -> String.valueOf(i.getText()).startsWith("\u2713 default   1 connection \u00b7 ")));
        assertTrue(menu.getItems().stream().anyMatch(i -> "Export current session…".equals(i.getText())));
        robot.interact(menu::hide);
        app.sessions().useSession("qa-run");
        robot.interact(() -> window.refreshRecordingStatus());
        assertEquals("Recording into session \u201cqa-run\u201d", robot.lookup("#recordingStatus").queryAs(Label.class).getText());
    }

    @Test
    void opensAndClosesTabsWithTheKeyboardAndPlusButton(FxRobot robot) throws Exception {
        assertEquals(1, window.tabs().getTabs().size());
        robot.clickOn("#newTabButton");
        awaitTabCount(2);
        robot.press(KeyCode.CONTROL).press(KeyCode.T).release(KeyCode.T).release(KeyCode.CONTROL);
        awaitTabCount(3);
        robot.press(KeyCode.CONTROL).press(KeyCode.W).release(KeyCode.W).release(KeyCode.CONTROL);
        awaitTabCount(2);
    }

    @Test
    void theKeyboardGoesToTheUrlAtLaunchAndOnANewTabThenToTheComposerOnceConnected(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> "urlField".equals(focusedId()));
        robot.write("ws://127.0.0.1:" + server.boundPort() + "/typed").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> currentTab().model().connection().stateProperty().get()
                == ConnectionState.OPEN);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> "composer".equals(focusedId()));
        robot.write("typed at once").press(KeyCode.CONTROL).press(KeyCode.ENTER).release(KeyCode.ENTER).release(KeyCode.CONTROL);
        TableView<LogRow> log = robot.lookup("#messageLog").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> log.getItems().stream()
                .anyMatch(r -> r.direction() == Direction.RECEIVE && r.preview().equals("typed at once")));

        robot.press(KeyCode.CONTROL).press(KeyCode.T).release(KeyCode.T).release(KeyCode.CONTROL);
        awaitTabCount(2);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> "urlField".equals(focusedId())
                && currentTab().lookup("#urlField").isFocused());
    }

    @Test
    void aLogRowIsCopiedWithCtrlCAndSentAgainOrEditedFromItsMenu(FxRobot robot) throws Exception {
        ClientTabModelAccess.connect(robot, currentTab().model(), "ws://127.0.0.1:" + server.boundPort() + "/rows");
        robot.interact(() -> {
            currentTab().model().composer().draftProperty().set("{\"op\":\"row\"}");
            currentTab().model().send();
        });
        TableView<LogRow> log = robot.lookup("#messageLog").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> log.getItems().size() == 2);
        robot.interact(() -> log.getSelectionModel().select(1));
        robot.clickOn(robot.from(log).lookup(".table-row-cell").nth(1).queryAs(javafx.scene.Node.class));
        robot.press(KeyCode.CONTROL).press(KeyCode.C).release(KeyCode.C).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        String[] copied = new String[1];
        robot.interact(() -> copied[0] = javafx.scene.input.Clipboard.getSystemClipboard().getString());
        assertEquals("{\"op\":\"row\"}", copied[0], "Ctrl+C copies the payload as text");

        openContextMenu(robot, log);
        robot.clickOn("Resend");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> log.getItems().size() == 4);
        assertEquals(Direction.SEND, log.getItems().get(2).direction(), "sent again as it was");

        openContextMenu(robot, log);
        robot.clickOn("Edit and resend…");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("{\"op\":\"row\"}", currentTab().model().composer().draftProperty().get());
        assertEquals("composer", focusedId(), "ready to edit");
    }

    @Test
    void aSavedMessageIsSentWithADoubleClickAndKeptWithTheTabAtTheNextLaunch(FxRobot robot) throws Exception {
        ClientTabModelAccess.connect(robot, currentTab().model(), "ws://127.0.0.1:" + server.boundPort() + "/saved");
        robot.clickOn("#composer").write("{\"op\":\"subscribe\"}");
        robot.clickOn("#saveDraftButton");
        javafx.scene.control.ListView<?> saved = robot.lookup("#savedMessages").queryListView();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> saved.getItems().size() == 1);
        robot.interact(() -> currentTab().model().composer().draftProperty().set(""));
        robot.doubleClickOn(robot.from(saved).lookup(".list-cell").nth(0).queryAs(javafx.scene.Node.class));
        TableView<LogRow> log = robot.lookup("#messageLog").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> log.getItems().stream()
                .anyMatch(r -> r.direction() == Direction.RECEIVE && r.preview().equals("{\"op\":\"subscribe\"}")));
        assertEquals("", currentTab().model().composer().draftProperty().get(), "sending a saved message leaves the draft");
        dev.sockscope.app.TabState kept = currentTab().model().toState();
        assertEquals(List.of(new dev.sockscope.app.TabState.SavedMessage("{\"op\":\"subscribe\"}", "text",
                "{\"op\":\"subscribe\"}")), kept.saved(), "kept with the tab");
    }

    @Test
    void aMessageSavedForAllTabsIsOfferedInEveryTabAndKeptWithTheSettings(FxRobot robot) throws Exception {
        ConnectionTabView first = currentTab();
        robot.interact(() -> {
            first.model().composer().draftProperty().set("{\"op\":\"ping\"}");
            robot.from(first).lookup("#savedScopeAll").queryAs(javafx.scene.control.ToggleButton.class).fire();
            robot.from(first).lookup("#saveNamedDraftButton").queryButton().fire();
        });
        assertEquals(List.of(), first.model().saved(), "saved into the shared list, not the tab's");
        robot.interact(() -> window.openTab(dev.sockscope.app.TabState.blank()));
        ConnectionTabView second = currentTab();
        assertTrue(second != first);
        robot.interact(() -> robot.from(second).lookup("#savedScopeAll").queryAs(javafx.scene.control.ToggleButton.class).fire());
        javafx.scene.control.ListView<?> offered = robot.from(second).lookup("#savedMessages").queryListView();
        assertEquals(1, offered.getItems().size(), "offered in the new tab");
        assertEquals("All tabs (1)", robot.from(second).lookup("#savedScopeAll")
                .queryAs(javafx.scene.control.ToggleButton.class).getText());
        assertEquals(List.of(new dev.sockscope.app.TabState.SavedMessage("{\"op\":\"ping\"}", "text", "{\"op\":\"ping\"}")),
                window.snapshot().sharedMessages(), "kept with the settings");
    }

    @Test
    void aTabNotInFrontKeepsItsCountsButRedrawsItsLogOnlyWhenShown(FxRobot robot) throws Exception {
        ConnectionTabView busy = currentTab();
        ClientTabModelAccess.connect(robot, busy.model(), "ws://127.0.0.1:" + server.boundPort() + "/busy");
        robot.interact(() -> window.openTab(dev.sockscope.app.TabState.blank()));
        int shownRows = busy.log().table().getItems().size();
        robot.interact(() -> {
            for (int i = 0; i < 5; i++) {
                busy.model().composer().draftProperty().set("in the background " + i);
                busy.model().send();
            }
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> busy.model().connection().receivedCountProperty().get() == 5);
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        assertEquals(shownRows, busy.log().table().getItems().size(), "no redraw while hidden");
        robot.interact(() -> window.tabs().getSelectionModel().select(0));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> busy.log().table().getItems().size() == shownRows + 10);
    }

    /** Asks for the row's menu as a right click does (Monocle's robot does not turn clicks into menu requests). */
    private static void openContextMenu(FxRobot robot, TableView<LogRow> log) {
        javafx.scene.Node row = robot.from(log).lookup(".table-row-cell").nth(1).queryAs(javafx.scene.Node.class);
        robot.interact(() -> {
            javafx.geometry.Bounds b = row.localToScreen(row.getBoundsInLocal());
            row.fireEvent(new javafx.scene.input.ContextMenuEvent(javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                    10, 10, b.getMinX() + 10, b.getMinY() + 10, false, null));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Connects a tab through its model and waits until it is open. */
    private static final class ClientTabModelAccess {
        static void connect(FxRobot robot, dev.sockscope.ui.connection.ClientTabModel model, String url) throws Exception {
            robot.interact(() -> {
                model.request().urlProperty().set(url);
                model.connect();
            });
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.connection().stateProperty().get() == ConnectionState.OPEN);
        }
    }

    private String focusedId() {
        javafx.scene.Node owner = window.getScene().getFocusOwner();
        return owner == null ? null : owner.getId();
    }

    /** Robot input reaches the FX thread asynchronously: wait for its effect rather than read it at once. */
    private void awaitTabCount(int expected) throws InterruptedException {
        try {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> window.tabs().getTabs().size() == expected);
        } catch (TimeoutException e) {
            assertEquals(expected, window.tabs().getTabs().size(), "tabs after 5 s");
        }
    }
}
