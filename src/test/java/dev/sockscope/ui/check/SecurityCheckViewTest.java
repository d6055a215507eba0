package dev.sockscope.ui.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockscope.app.AppContext;
import dev.sockscope.testing.GuardedServer;
import dev.sockscope.testing.TestWindows;
import dev.sockscope.ui.MainWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Check button of a tab runs the security check on its URL and shows the report, worst first; it exports. */
@ExtendWith(ApplicationExtension.class)
class SecurityCheckViewTest {
    private AppContext app;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        app = new AppContext(Files.createTempDirectory("sockscope-check-view-test"));
        window = TestWindows.show(stage, app);
    }

    @AfterEach
    void tearDown() throws Exception {
        TestWindows.closeAsTheAppDoes(window, app);
    }

    @Test
    void theCheckButtonReportsOnTheTabsEndpointAndTheReportExports(FxRobot robot) throws Exception {
        try (GuardedServer server = GuardedServer.start(Set.of(), null, null, null)) {
            robot.clickOn("#urlField").write("ws://127.0.0.1:" + server.boundPort() + "/feed");
            robot.clickOn("#checkSecurityButton");
            VBox items = robot.lookup("#checkItems").queryAs(VBox.class);
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> items.getChildren().size() == 9);
            WaitForAsyncUtils.waitForFxEvents();
            List<String> badges = robot.lookup("#checkItems .check-badge").queryAllAs(Label.class).stream()
                    .map(Label::getText).toList();
            assertEquals("WARN", badges.get(0), "worst first: " + badges);
            assertTrue(badges.contains("SKIPPED") && !badges.contains("FAIL"), badges.toString());
            assertTrue(robot.lookup("#checkExamples").tryQuery().isPresent(), "a plaintext endpoint is shown how to serve wss://");
            String status = robot.lookup("#checkStatus").queryAs(Label.class).getText();
            assertTrue(status.startsWith("Checked ws://127.0.0.1:" + server.boundPort() + "/feed: 2 warn"), status);

            SecurityCheckView view = robot.lookup("#securityCheckView").queryAs(SecurityCheckView.class);
            Path markdown = Files.createTempDirectory("sockscope-check-export").resolve("report.md");
            robot.interact(() -> view.model().exportTo(markdown, true));
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(markdown));
            String text = Files.readString(markdown);
            assertTrue(text.contains("| `origin` | WARN |") && text.contains("| `plaintext` | WARN |"), text);
        }
    }

    @Test
    void aTabWhoseUrlIsWrongSaysSoInsteadOfChecking(FxRobot robot) {
        robot.clickOn("#urlField").write("ftp://example.com/");
        robot.clickOn("#checkSecurityButton");
        WaitForAsyncUtils.waitForFxEvents();
        String status = robot.lookup("#checkStatus").queryAs(Label.class).getText();
        assertTrue(status.startsWith("Cannot check: "), status);
    }
}
