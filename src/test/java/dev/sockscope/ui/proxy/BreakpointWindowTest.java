package dev.sockscope.ui.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockscope.app.AppContext;
import dev.sockscope.app.LocalAuthority;
import dev.sockscope.app.PausedMessage;
import dev.sockscope.intercept.Rule;
import dev.sockscope.testing.PythonPeer;
import dev.sockscope.testing.TestWindows;
import dev.sockscope.ui.MainWindow;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
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
 * A breakpoint in the window: the saved rules hold the server's answer to python3-websockets
 * going through the proxy; it shows in the queue with its payload, is edited there and forwarded,
 * and the app receives the edited message. A rules edit with an error is refused with its line.
 */
@ExtendWith(ApplicationExtension.class)
class BreakpointWindowTest {
    private AppContext app;
    private MainWindow window;
    private Path dataDir;

    @BeforeAll
    static void peers() {
        PythonPeer.requireInCi();
    }

    @Start
    void start(Stage stage) throws Exception {
        dataDir = Files.createTempDirectory("sockscope-breakpoint-test");
        Files.writeString(dataDir.resolve("rules.json"), "[{\"name\": \"hold hello\", \"match\": {\"direction\": \"receive\","
                + " \"contains\": \"hello\"}, \"action\": {\"pause\": true}}]");
        app = new AppContext(dataDir);
        window = TestWindows.show(stage, app);
        window.proxy().setPort(0);
    }

    @AfterEach
    void tearDown() throws Exception {
        TestWindows.closeAsTheAppDoes(window, app);
    }

    @Test
    void aHeldMessageIsEditedAndForwardedFromTheQueue(FxRobot robot) throws Exception {
        robot.interact(() -> window.showProxyTab());
        ListView<Rule> rules = robot.lookup("#rulesList").queryListView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> rules.getItems().size() == 1);
        try (PythonPeer server = PythonPeer.start(null, null)) {
            robot.clickOn("#proxyToggle");
            Label address = robot.lookup("#proxyAddress").queryAs(Label.class);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> address.getText().matches("127\\.0\\.0\\.1:\\d+"));
            int proxyPort = Integer.parseInt(address.getText().substring(address.getText().indexOf(':') + 1));
            Process client = new ProcessBuilder(PythonPeer.PYTHON.toString(),
                    Path.of("src/test/resources/peers/proxied_client.py").toAbsolutePath().toString(), String.valueOf(proxyPort),
                    "ws://127.0.0.1:" + server.port() + "/held", "--cafile",
                    LocalAuthority.in(dataDir).info().certificateFile().toString()).redirectErrorStream(true).start();

            ListView<PausedMessage> held = robot.lookup("#heldMessages").queryListView();
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> held.getItems().size() == 1);
            TextArea payload = robot.lookup("#heldPayload").queryAs(TextArea.class);
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> payload.getText().equals("hello through the proxy"));
            assertTrue(InterceptPane.heldLine(held.getItems().get(0)).contains("server → app"));
            robot.interact(() -> payload.setText("edited in the window"));
            robot.clickOn("#heldForwardEdited");

            String out = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(client.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, client.exitValue(), out);
            assertTrue(out.contains("{\"text\": \"edited in the window\"}"), out);
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> held.getItems().isEmpty());
            robot.clickOn("#proxyToggle");
        }
    }

    @Test
    void aRulesEditWithAnErrorIsRefusedWithItsLine(FxRobot robot) throws Exception {
        robot.interact(() -> window.showProxyTab());
        ListView<Rule> rules = robot.lookup("#rulesList").queryListView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> rules.getItems().size() == 1);
        robot.interact(() -> robot.lookup("#interceptPane").queryAs(javafx.scene.control.TitledPane.class).setExpanded(true));
        robot.clickOn("#editRules");
        TextArea editor = robot.lookup("#rulesEditor").queryAs(TextArea.class);
        robot.interact(() -> editor.setText("[\n  {\"action\": {\"explode\": true}}\n]"));
        robot.clickOn("#applyRules");
        Label problem = robot.lookup("#rulesProblem").queryAs(Label.class);
        assertEquals("line 2: unknown action \"explode\"; an action is one of drop, replace, delayMs, duplicate, inject, close,"
                + " pause", problem.getText());
        assertEquals("hold hello", rules.getItems().get(0).name(), "the rules in force are kept");
        robot.interact(() -> editor.setText("[{\"name\": \"lossy\", \"action\": {\"drop\": true}}]"));
        robot.clickOn("#applyRules");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> rules.getItems().size() == 1
                && rules.getItems().get(0).name().equals("lossy"));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> Files.readString(dataDir.resolve("rules.json")).contains("lossy"));
        assertEquals("", problem.getText());
    }
}
