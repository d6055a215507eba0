package dev.sockscope.ui.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sockscope.app.AppContext;
import dev.sockscope.core.RecordedConnection;
import dev.sockscope.testing.PythonPeer;
import dev.sockscope.testing.TestWindows;
import dev.sockscope.ui.MainWindow;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
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
 * Replay, mock and compare as a user clicks them: a conversation recorded through the window's
 * proxy (python3-websockets both sides), its session opened, "Serve as mock…" answered and Node's
 * {@code ws} served by it; then "Replay…" to a changed server, "Compare with the original", and the
 * one changed field found once the volatile ones are ignored.
 */
@ExtendWith(ApplicationExtension.class)
class ReproduceWindowTest {
    private static final Path CLIENT = Path.of("src/test/resources/peers/conversation_client.py").toAbsolutePath();
    private static final Path NODE_CLIENT = Path.of("src/test/peers/node/conversation_client.js").toAbsolutePath();
    private AppContext app;
    private MainWindow window;

    @BeforeAll
    static void peers() {
        PythonPeer.requireInCi();
    }

    @Start
    void start(Stage stage) throws Exception {
        app = new AppContext(Files.createTempDirectory("sockscope-reproduce-test"));
        window = TestWindows.show(stage, app);
    }

    @AfterEach
    void tearDown() throws Exception {
        TestWindows.closeAsTheAppDoes(window, app);
    }

    @Test
    void aRecordingIsServedAsAMockThenReplayedAndCompared(FxRobot robot) throws Exception {
        assumeTrue(Files.isDirectory(NODE_CLIENT.getParent().resolve("node_modules")) || System.getenv("CI") != null,
                "the Node peers are not installed (npm ci --prefix src/test/peers/node)");
        try (PythonPeer server = PythonPeer.script("scripted_server.py");
                PythonPeer changed = PythonPeer.script("scripted_server.py", "--changed")) {
            robot.interact(() -> {
                window.proxy().preferencesProperty().set(window.proxy().preferencesProperty().get().withPort(0)
                        .withReverse("ws://127.0.0.1:" + server.port(), false));
                window.proxy().start();
            });
            Label proxy = robot.lookup("#proxyAddress").queryAs(Label.class);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> proxy.getText().matches("127\\.0\\.0\\.1:\\d+"));
            run(List.of(PythonPeer.PYTHON.toString(), CLIENT.toString(), "ws://" + proxy.getText() + "/feed", "recorded"));
            String session = app.sessions().currentSession();
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.queries().connectionsOf(session).stream()
                    .anyMatch(c -> c.end() != null));
            robot.interact(() -> window.openRecordedSession(session));
            ListView<RecordedConnection> list = robot.lookup("#recordedConnections").queryListView();
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> list.getSelectionModel().getSelectedItem() != null);

            robot.clickOn("#serveAsMock");
            robot.clickOn("OK");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#mockAddress").tryQuery().isPresent());
            String mockUrl = robot.lookup("#mockAddress").queryAs(Label.class).getText();
            assertTrue(mockUrl.matches("ws://127\\.0\\.0\\.1:\\d+/feed"), mockUrl);
            String served = run(List.of("node", NODE_CLIENT.toString(), mockUrl, "recorded"));
            assertTrue(served.contains("\\\"ask\\\": 11") && served.contains("{\"closed\":1000,\"subprotocol\":\"feed.v1\"}"),
                    served);
            Label state = robot.lookup("#mockState").queryAs(Label.class);
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> state.getText().startsWith("0 clients connected, 1 in all."));
            robot.clickOn("#stopMock");
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#mockAddress").tryQuery().isEmpty());

            robot.clickOn("#replayConnection");
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#replayUrl").tryQuery().isPresent());
            TextField url = robot.lookup("#replayUrl").queryAs(TextField.class);
            robot.interact(() -> {
                url.setText("ws://127.0.0.1:" + changed.port() + "/feed");
                robot.lookup("#replayInto").queryAs(TextField.class).setText(session);
                robot.lookup("#replayPace").queryAs(ChoiceBox.class).getSelectionModel().select(3);
            });
            robot.clickOn("OK");
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#compareReplay").tryQuery().isPresent());
            robot.clickOn("#compareReplay");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#comparisonSummary").tryQuery().isPresent());
            Label summary = robot.lookup("#comparisonSummary").queryAs(Label.class);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> summary.getText().contains("differ"));
            robot.interact(() -> robot.lookup("#compareIgnore").queryAs(TextField.class).setText("/id /ts"));
            robot.clickOn("#compareAgain");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                    () -> summary.getText().equals("2 of 10 messages differ: 1 changed, 1 only in A, 0 only in B."));
            Label detail = robot.lookup("#comparisonDetail").queryAs(Label.class);
            assertEquals("Receive message #3 of A against #3 of B:\n  /quote/ask changed: 11 -> 12", detail.getText());

            // The replay went into the same session: select both there and compare the two.
            robot.interact(() -> window.openRecordedSession(session).refresh());
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> list.getItems().size() == 2);
            robot.interact(() -> list.getSelectionModel().selectAll());
            javafx.scene.control.Button compare = robot.lookup("#compareConnection").queryButton();
            assertEquals("Compare the two", compare.getText());
            robot.clickOn(compare);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#comparisonSummary").queryAll().stream()
                    .filter(n -> n.getScene() != null && n.isVisible()).map(n -> ((Label) n).getText())
                    .anyMatch(t -> t.startsWith("4 of 10 messages differ")));
        }
    }

    private static String run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out;
    }
}
