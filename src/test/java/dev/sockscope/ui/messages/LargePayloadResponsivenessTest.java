package dev.sockscope.ui.messages;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockscope.core.Direction;
import dev.sockscope.core.Frame;
import dev.sockscope.core.Opcode;
import dev.sockscope.testing.FxStallProbe;
import dev.sockscope.ui.fx.Background;
import dev.sockscope.ui.fx.FxThread;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Heavy use: a 20 MB JSON message and a 5 MB single-line text message shown in the detail pane,
 * scrolled and clicked, while a probe posted to the FX thread every 5 ms must run within 100 ms.
 */
@ExtendWith(ApplicationExtension.class)
class LargePayloadResponsivenessTest {
    private final ExecutorService pool = Executors.newFixedThreadPool(2);
    private MessageDetailView view;

    @Start
    void start(Stage stage) {
        view = new MessageDetailView(new Background(pool, new FxThread()));
        stage.setScene(new Scene(view, 520, 700));
        stage.show();
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void twentyMegabytesOfJsonShowPrettyPrintedWithoutStallingTheFxThread(FxRobot robot) throws Exception {
        StringBuilder json = new StringBuilder("{\"book\":[");
        while (json.length() < 20_000_000) {
            json.append("{\"price\":64000.5,\"size\":0.25,\"side\":\"bid\",\"venue\":\"example\"},");
        }
        json.append("{}]}");
        assertResponsive(robot, json.toString(), "JSON");
    }

    @Test
    void fiveMegabytesOfOneLineTextShowWithoutStallingTheFxThread(FxRobot robot) throws Exception {
        assertResponsive(robot, "lorem ipsum dolor ".repeat(5_000_000 / 18), "TEXT");
    }

    private void assertResponsive(FxRobot robot, String text, String expectedView) throws Exception {
        // The first large payload a JVM shows loads and compiles the viewer's code and styles its
        // nodes; what is measured is a large payload shown after that, as in a session.
        Frame warmUp = Frame.message(Direction.RECEIVE, Opcode.TEXT, text.substring(0, 200_000).getBytes(StandardCharsets.UTF_8), 0);
        robot.interact(() -> view.show(warmUp));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> view.selectedView() != null && visibleRows(robot) != null);
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        Frame frame = Frame.message(Direction.RECEIVE, Opcode.TEXT, text.getBytes(StandardCharsets.UTF_8), 1);
        try (FxStallProbe probe = new FxStallProbe()) {
            robot.interact(() -> view.show(frame));
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> expectedView.equals(view.selectedView())
                    && visibleRows(robot) != null && visibleRows(robot).rowCount() > 1000);
            LineView rows = visibleRows(robot);
            assertTrue(rows.rowCount() > 1000, "large content is shown as rows: " + rows.rowCount());
            robot.interact(() -> rows.scrollToRow(rows.rowCount() / 2));
            WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
            robot.scroll(3, javafx.geometry.VerticalDirection.DOWN);
            WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
            robot.clickOn(robot.from(rows).lookup(".line-row").nth(3).queryAs(Node.class));
            WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
            robot.clickOn("Hex");
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> "HEX".equals(view.selectedView()) && visibleRows(robot) != null);
            WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
            assertTrue(probe.maxMillis() < 100, "the FX thread stalled " + probe.maxMillis() + " ms");
        }
    }

    private static LineView visibleRows(FxRobot robot) {
        return robot.lookup(".line-view").queryAllAs(LineView.class).stream()
                .filter(r -> r.isVisible() && r.getParent().isVisible()).findFirst().orElse(null);
    }
}
