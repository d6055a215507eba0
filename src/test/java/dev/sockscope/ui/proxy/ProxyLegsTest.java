package dev.sockscope.ui.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sockscope.app.AppContext;
import dev.sockscope.app.BrowserLauncher;
import dev.sockscope.app.LocalAuthority;
import dev.sockscope.core.ConnectionState;
import dev.sockscope.testing.EchoServer;
import dev.sockscope.testing.PythonPeer;
import dev.sockscope.testing.TestPki;
import dev.sockscope.testing.TestWindows;
import dev.sockscope.tls.ServerTls;
import dev.sockscope.ui.MainWindow;
import dev.sockscope.ui.ca.CaAssistantView;
import dev.sockscope.ui.certificate.LegCertificatesView;
import dev.sockscope.ui.handshake.HandshakeView;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A proxied wss:// connection seen on both legs (python3-websockets as the app, a server with a
 * private CA upstream, trusted through the proxy's settings); an app that refuses Sockscope's
 * certificate sent to the setup assistant; and headless Chromium launched the way the proxy tab's
 * browser button launches it.
 */
@ExtendWith(ApplicationExtension.class)
class ProxyLegsTest {
    private final TestPki pki = new TestPki();
    private AppContext app;
    private MainWindow window;
    private Path dataDir;

    @Start
    void start(Stage stage) throws Exception {
        dataDir = Files.createTempDirectory("sockscope-proxy-legs-test");
        app = new AppContext(dataDir);
        window = TestWindows.show(stage, app);
        Path root = pki.writeRootPem(Files.createTempDirectory("sockscope-upstream-ca"));
        window.proxy().preferencesProperty().set(window.proxy().preferencesProperty().get().withPort(0)
                .withCaFile(root.toString()));
    }

    @AfterEach
    void tearDown() throws Exception {
        TestWindows.closeAsTheAppDoes(window, app);
    }

    private int startProxy(FxRobot robot) throws Exception {
        robot.clickOn("#proxyToggle");
        Label address = robot.lookup("#proxyAddress").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> address.getText().matches("127\\.0\\.0\\.1:\\d+"));
        return Integer.parseInt(address.getText().substring(address.getText().indexOf(':') + 1));
    }

    private static Process pythonApp(int proxyPort, String url, Path caFile) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(PythonPeer.PYTHON.toString(),
                Path.of("src/test/resources/peers/proxied_client.py").toAbsolutePath().toString(), String.valueOf(proxyPort), url));
        if (caFile != null) {
            command.addAll(List.of("--cafile", caFile.toString()));
        }
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    @Test
    void aProxiedWssConnectionShowsBothLegsHandshakesAndCertificates(FxRobot robot) throws Exception {
        PythonPeer.requireInCi();
        try (EchoServer server = EchoServer.tls(ServerTls.context(pki.localhostLeaf()))) {
            int proxyPort = startProxy(robot);
            Process client = pythonApp(proxyPort, "wss://localhost:" + server.boundPort() + "/legs",
                    LocalAuthority.in(dataDir).info().certificateFile());
            String out = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(client.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, client.exitValue(), out);

            ListView<ProxiedRow> list = robot.lookup("#proxyConnections").queryListView();
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> list.getItems().size() == 1
                    && list.getItems().get(0).state() == ConnectionState.CLOSED);
            assertEquals(ProxiedTls.INTERCEPTED, list.getItems().get(0).tls());
            WaitForAsyncUtils.waitForFxEvents();
            robot.clickOn(firstRow(robot, list));
            robot.clickOn("#openProxied");
            ProxiedConnectionView proxied = (ProxiedConnectionView) window.tabs().getSelectionModel().getSelectedItem()
                    .getContent();

            robot.clickOn("Handshake");
            HandshakeView handshake = robot.lookup("#handshakeView").queryAs(HandshakeView.class);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> handshake.shownHandshake() != null);
            assertTrue(robot.lookup("#handshakeAppLeg").query().isVisible(), "a proxied connection has a leg switch");
            String upstreamHead = handshake.shownHandshake().requestHead();
            robot.clickOn("#handshakeAppLeg");
            String appHead = handshake.shownHandshake().requestHead();
            assertTrue(appHead.contains("Python/") || appHead.contains("websockets"), "the app's own request: " + appHead);
            assertTrue(upstreamHead.startsWith("GET /legs HTTP/1.1"), upstreamHead);

            robot.clickOn("Certificate");
            LegCertificatesView certificates = proxied.lookup(".leg-certificates") == null ? null
                    : (LegCertificatesView) proxied.lookup(".leg-certificates").getParent();
            assertTrue(certificates != null && certificates.showsBothLegs(), "both legs side by side");
            try {
                WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> labels(robot, "#certificateViewAppLeg").contains("Trusted")
                        && labels(robot, "#certificateView").contains("Trusted"));
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError("app leg " + labels(robot, "#certificateViewAppLeg") + " server leg "
                        + labels(robot, "#certificateView"));
            }
            assertTrue(labels(robot, "#certificateViewAppLeg").stream().anyMatch(t -> t.contains("Sockscope")),
                    "the app saw a chain from Sockscope's CA: " + labels(robot, "#certificateViewAppLeg"));
            assertTrue(labels(robot, "#certificateView").stream().anyMatch(t -> t.contains("Sockscope Test Root")),
                    "the server's chain is anchored at its own CA: " + labels(robot, "#certificateView"));
        }
    }

    /** The first cell that shows a connection (the list keeps empty cells too). */
    static javafx.scene.control.ListCell<?> firstRow(FxRobot robot, ListView<?> list) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.from(list).lookup(".list-cell").queryAllAs(javafx.scene.control.ListCell.class).stream()
                .filter(c -> c.getItem() != null && c.getIndex() == 0).findFirst().orElseThrow();
    }

    private static List<String> labels(FxRobot robot, String view) {
        return robot.lookup(view + " .label").queryAllAs(Label.class).stream().map(Label::getText).toList();
    }

    @Test
    void anAppThatRefusesOurCertificateIsShownWithAWayToTheSetupAssistant(FxRobot robot) throws Exception {
        PythonPeer.requireInCi();
        try (EchoServer server = EchoServer.tls(ServerTls.context(pki.localhostLeaf()))) {
            int proxyPort = startProxy(robot);
            Process client = pythonApp(proxyPort, "wss://localhost:" + server.boundPort() + "/refused", null);
            client.getInputStream().readAllBytes();
            assertTrue(client.waitFor(30, TimeUnit.SECONDS));
            assertTrue(client.exitValue() != 0, "the app does not trust Sockscope's CA");

            ListView<ProxiedRow> list = robot.lookup("#proxyConnections").queryListView();
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> list.getItems().stream()
                    .anyMatch(r -> r.tls() == ProxiedTls.APP_REFUSED));
            WaitForAsyncUtils.waitForFxEvents();
            String shown = firstRow(robot, list).getText();
            assertTrue(shown.contains("localhost:" + server.boundPort()) && shown.contains("app refused our certificate"), shown);
            assertTrue(robot.lookup("#appRefusedBanner").query().isVisible());
            robot.clickOn("#appRefusedSetUpTrust");
            CaAssistantView assistant = robot.lookup("#caAssistant").queryAs(CaAssistantView.class);
            ListView<?> targets = robot.lookup("#caTargets").queryListView();
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> targets.getItems().size() >= 12);
            String caFile = LocalAuthority.in(dataDir).info().certificateFile().toString();
            robot.interact(() -> assistant.select("Java (keytool)"));
            List<String> commands = robot.lookup("#caSteps .text-field").queryAllAs(javafx.scene.control.TextField.class)
                    .stream().map(javafx.scene.control.TextField::getText).toList();
            assertTrue(commands.stream().anyMatch(c -> c.contains("keytool -importcert") && c.contains(caFile)), commands.toString());
            assertTrue(commands.stream().anyMatch(c -> c.contains("-Dhttps.proxyPort=" + proxyPort)), commands.toString());

            Path exported = Files.createTempDirectory("sockscope-ca-export").resolve("ca.pem");
            robot.interact(() -> assistant.exportTo(exported, false));
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(exported) && Files.size(exported) > 0);
            assertEquals(Files.readString(Path.of(caFile)), Files.readString(exported));

            robot.clickOn("#checkTrustStores");
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#trustStoreResults .label")
                    .queryAllAs(Label.class).stream().anyMatch(l -> l.getText().startsWith("The JDK's trust store")));
            List<String> verdicts = labels(robot, "#trustStoreResults");
            assertTrue(verdicts.stream().anyMatch(t -> t.startsWith("The JDK's trust store") && t.contains("does not trust it")),
                    verdicts.toString());
        }
    }

    @Test
    void theBrowserButtonOpensChromiumThroughTheProxyAndItsWssConnectionShows(FxRobot robot) throws Exception {
        if (System.getenv("CI") != null) {
            assertTrue(BrowserLauncher.find().isPresent(), "CI must install chromium (see .ci/run)");
        }
        assumeTrue(BrowserLauncher.find().isPresent(), "no Chromium or Chrome here");
        try (EchoServer server = EchoServer.tls(ServerTls.context(pki.localhostLeaf()))) {
            String page = "<script>const ws = new WebSocket('wss://localhost:" + server.boundPort() + "/browser');"
                    + " ws.onopen = () => ws.send('hello from the browser button');"
                    + " ws.onmessage = () => ws.close(1000, 'done');</script>";
            String url = "data:text/html;base64," + Base64.getEncoder().encodeToString(page.getBytes(StandardCharsets.UTF_8));
            robot.interact(() -> {
                window.showProxyTab();
                window.proxy().openBrowser(List.of("--headless=new", "--disable-gpu"), url);
            });
            ListView<ProxiedRow> list = robot.lookup("#proxyConnections").queryListView();
            try {
                WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> list.getItems().stream().anyMatch(r -> r.host().equals(
                        "localhost:" + server.boundPort()) && r.state() == ConnectionState.CLOSED && r.messagesReceived() >= 1));
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError("no browser connection: " + window.proxy().noticeProperty().get() + " " + list.getItems());
            }
            ProxiedRow row = list.getItems().stream().filter(r -> r.path().equals("/browser")).findFirst().orElseThrow();
            assertEquals(ProxiedTls.INTERCEPTED, row.tls());
            assertTrue(row.live().opened().client().handshake().requestHead().contains("Chrome/"), "the browser's own upgrade");
            List<BrowserLauncher.Launched> browsers = window.proxy().browsers();
            assertEquals(1, browsers.size());
            Path profile = browsers.get(0).profile();
            browsers.get(0).stop();
            WaitForAsyncUtils.waitFor(40, TimeUnit.SECONDS, () -> !Files.exists(profile));
        }
    }
}
