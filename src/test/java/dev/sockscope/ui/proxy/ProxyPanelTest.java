package dev.sockscope.ui.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sockscope.app.AppContext;
import dev.sockscope.app.LocalAuthority;
import dev.sockscope.core.ConnectionState;
import dev.sockscope.core.Direction;
import dev.sockscope.testing.PythonPeer;
import dev.sockscope.testing.TestWindows;
import dev.sockscope.ui.MainWindow;
import dev.sockscope.ui.connection.ConnectionTabView;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The proxy started from the header's switch: python3-websockets goes through it to a
 * python3-websockets echo server, its connection appears in the proxy's list, and "Open as client
 * tab" makes a tab that connects to the same server directly and sends.
 */
@ExtendWith(ApplicationExtension.class)
class ProxyPanelTest {
    private AppContext app;
    private MainWindow window;
    private Path dataDir;

    @BeforeAll
    static void peers() {
        if (System.getenv("CI") != null) {
            assertTrue(PythonPeer.available(), "CI must install python3-websockets (see .ci/run)");
        }
        assumeTrue(PythonPeer.available(), "python3-websockets is not installed");
    }

    @Start
    void start(Stage stage) throws Exception {
        dataDir = Files.createTempDirectory("sockscope-proxy-panel-test");
        app = new AppContext(dataDir);
        window = TestWindows.show(stage, app);
        window.proxy().setPort(0);
    }

    @AfterEach
    void tearDown() throws Exception {
        TestWindows.closeAsTheAppDoes(window, app);
    }

    @Test
    void theSwitchStartsTheProxyAndItsConnectionsShowAndOpenAsAClientTab(FxRobot robot) throws Exception {
        try (PythonPeer server = PythonPeer.start(null, null)) {
            robot.clickOn("#proxyToggle");
            Label address = robot.lookup("#proxyAddress").queryAs(Label.class);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> address.getText().matches("127\\.0\\.0\\.1:\\d+"));
            int proxyPort = Integer.parseInt(address.getText().substring(address.getText().indexOf(':') + 1));

            String url = "ws://127.0.0.1:" + server.port() + "/through";
            Process client = new ProcessBuilder(PythonPeer.PYTHON.toString(),
                    Path.of("src/test/resources/peers/proxied_client.py").toAbsolutePath().toString(),
                    String.valueOf(proxyPort), url, "--cafile", LocalAuthority.in(dataDir).info().certificateFile().toString())
                    .redirectErrorStream(true).start();
            String out = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(client.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, client.exitValue(), out);

            ListView<ProxiedRow> list = robot.lookup("#proxyConnections").queryListView();
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> list.getItems().size() == 1
                    && list.getItems().get(0).state() == ConnectionState.CLOSED);
            ProxiedRow row = list.getItems().get(0);
            assertEquals("127.0.0.1:" + server.port(), row.host());
            assertEquals("/through", row.path());
            assertTrue(row.messagesSent() >= 2 && row.messagesReceived() >= 2, row.toString());
            String shown = ProxyLegsTest.firstRow(robot, list).getText();
            assertTrue(shown.contains("127.0.0.1:" + server.port()), shown);

            robot.clickOn(ProxyLegsTest.firstRow(robot, list));
            robot.clickOn("#openProxied");
            ProxiedConnectionView proxied = (ProxiedConnectionView) window.tabs().getSelectionModel().getSelectedItem().getContent();
            var log = proxied.connectionView().log().table();
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> log.getItems().stream()
                    .anyMatch(r -> r.preview().equals("hello through the proxy")));
            assertEquals(null, proxied.lookup("#composer"), "nothing is sent from a proxied connection's view");

            robot.interact(() -> window.showProxyTab());
            robot.clickOn(ProxyLegsTest.firstRow(robot, list));
            robot.clickOn("#openAsClientTab");
            ConnectionTabView tab = (ConnectionTabView) window.tabs().getSelectionModel().getSelectedItem().getContent();
            assertEquals(url, tab.model().request().urlProperty().get());
            robot.interact(() -> tab.model().connect());
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                    () -> tab.model().connection().stateProperty().get() == ConnectionState.OPEN);
            robot.interact(() -> {
                tab.model().composer().draftProperty().set("sent from the tab");
                tab.model().send();
            });
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> tab.model().connection().log().count(Direction.RECEIVE) == 1);
            // What the app sent is offered again ("Resend"): its text and its binary message, in order.
            var saved = tab.model().saved();
            assertEquals(2, saved.size(), saved.toString());
            assertEquals("hello through the proxy", saved.get(0).text());
            assertEquals("hex", saved.get(1).mode());
            robot.interact(() -> tab.model().sendSaved(saved.get(1)));
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> tab.model().connection().log().count(Direction.RECEIVE) == 2);

            robot.clickOn("#proxyToggle");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> address.getText().isEmpty());
        }
    }

    @Test
    void aPortInUseIsSaidInPlaceAndAnotherPortStartsIt(FxRobot robot) throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            robot.interact(() -> window.proxy().setPort(taken.getLocalPort()));
            robot.clickOn("#proxyToggle");
            Label problem = robot.lookup("#proxyProblem").queryAs(Label.class);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> problem.getText().startsWith("Port " + taken.getLocalPort()
                    + " is in use by another program"));
            javafx.scene.control.ToggleButton toggle = robot.lookup("#proxyToggle").queryAs(javafx.scene.control.ToggleButton.class);
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !toggle.isSelected());
            robot.doubleClickOn("#proxyPort").eraseText(6).write("0");
            robot.clickOn("#proxyToggle");
            Label address = robot.lookup("#proxyAddress").queryAs(Label.class);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> address.getText().matches("127\\.0\\.0\\.1:\\d+"));
            assertEquals("", problem.getText());
            robot.clickOn("#proxyToggle");
        }
    }

    @Test
    void aSettingThatCannotBeTakenKeepsTheProxyFromStartingOtherwiseThanShown(FxRobot robot) throws Exception {
        robot.interact(() -> window.showProxyTab());
        robot.clickOn("Settings");
        robot.clickOn("#proxyModeReverse");
        Label settingsProblem = robot.lookup("#proxySettingsProblem").queryAs(Label.class);
        assertTrue(settingsProblem.getText().startsWith("Not taken: "), settingsProblem.getText());
        robot.clickOn("#proxyToggle");
        Label problem = robot.lookup("#proxyProblem").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> problem.getText().startsWith("Fix the settings first"));
        assertEquals("", robot.lookup("#proxyAddress").queryAs(Label.class).getText(), "it did not start as an explicit proxy");
        assertTrue(!robot.lookup("#proxyToggle").queryAs(javafx.scene.control.ToggleButton.class).isSelected(),
                "the switch says it is off");

        robot.clickOn("#proxyReverseUrl").write("ws://127.0.0.1:9/");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> settingsProblem.getText().isEmpty());
        assertTrue(window.proxy().preferencesProperty().get().reverse());
        robot.clickOn("#proxyToggle");
        Label address = robot.lookup("#proxyAddress").queryAs(Label.class);
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> address.getText().matches("127\\.0\\.0\\.1:\\d+"));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("not started: " + problem.getText() + " / " + window.proxy().stateProperty().get());
        }
        robot.clickOn("#proxyToggle");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> address.getText().isEmpty());
    }

    @Test
    void endedConnectionsBeyondTheKeptNumberAreLetGoAndClearEndedTakesTheRest(FxRobot robot) throws Exception {
        robot.interact(() -> window.showProxyTab());
        app.live().showProxied();
        int ended = ProxyPanelModel.MAX_ENDED_KEPT + 30;
        for (long id = 1; id <= ended + 1; id++) {
            dev.sockscope.core.WsUrl url = dev.sockscope.core.WsUrl.parse("ws://app" + id + ".test/");
            app.registry().publish(new dev.sockscope.core.SessionEvent.Started(1000 + id, dev.sockscope.core.Origin.PROXY,
                    "default", url, id));
            if (id <= ended) {
                app.registry().publish(new dev.sockscope.core.SessionEvent.Closed(1000 + id, 1000, "",
                        dev.sockscope.core.ClosedBy.CLIENT, id + 1));
            }
        }
        ListView<ProxiedRow> list = robot.lookup("#proxyConnections").queryListView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> list.getItems().size() == ProxyPanelModel.MAX_ENDED_KEPT + 1);
        assertEquals(30, window.proxy().endedLetGoProperty().get());
        assertEquals("app31.test:80", list.getItems().get(0).host(), "the oldest ended ones went first");
        assertEquals(null, app.live().get(1001), "let go of, not only hidden");
        robot.clickOn("#proxyClearEnded");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> list.getItems().size() == 1);
        assertEquals(ConnectionState.CONNECTING, list.getItems().get(0).state(), "the running one stays");
    }

    @Test
    void plainHttpRequestsThroughTheProxyAreListed(FxRobot robot) throws Exception {
        try (dev.sockscope.testing.HttpOrigin origin = dev.sockscope.testing.HttpOrigin.plain("origin")) {
            robot.clickOn("#proxyToggle");
            Label address = robot.lookup("#proxyAddress").queryAs(Label.class);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> address.getText().matches("127\\.0\\.0\\.1:\\d+"));
            int proxyPort = Integer.parseInt(address.getText().substring(address.getText().indexOf(':') + 1));
            java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                    .proxy(java.net.ProxySelector.of(new java.net.InetSocketAddress("127.0.0.1", proxyPort))).build();
            String url = "http://127.0.0.1:" + origin.port() + "/hello";
            var answer = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode());
            ListView<dev.sockscope.core.HttpExchange> http = robot.lookup("#proxyHttp").queryListView();
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> http.getItems().size() == 1);
            assertTrue(http.getItems().get(0).summary().startsWith("GET " + url + " 200 "), http.getItems().get(0).summary());
            robot.clickOn("#proxyToggle");
        }
    }
}
