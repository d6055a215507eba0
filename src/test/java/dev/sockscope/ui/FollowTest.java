package dev.sockscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockscope.app.AppContext;
import dev.sockscope.codec.FrameEncoder;
import dev.sockscope.core.ConnectionState;
import dev.sockscope.core.Direction;
import dev.sockscope.core.Opcode;
import dev.sockscope.testing.ScriptedServer;
import dev.sockscope.ui.connection.ClientTabModel;
import dev.sockscope.ui.connection.ConnectionTabView;
import dev.sockscope.ui.connection.LogRow;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Follow keeps the newest message wholly in view after a burst; a click stops it, and the log says what arrives since. */
@ExtendWith(ApplicationExtension.class)
class FollowTest {
    private static final int BURST = 20_000;

    private AppContext app;
    private MainWindow window;
    private ScriptedServer server;

    @Start
    void start(Stage stage) throws Exception {
        app = new AppContext(Files.createTempDirectory("sockscope-follow-test"));
        ByteArrayOutputStream burst = new ByteArrayOutputStream();
        for (int i = 0; i < BURST; i++) {
            burst.writeBytes(FrameEncoder.encode(true, 0, Opcode.TEXT, ("burst " + i).getBytes(StandardCharsets.UTF_8), -1));
        }
        server = ScriptedServer.writing(burst.toByteArray());
        window = dev.sockscope.testing.TestWindows.show(stage, app);
    }

    @AfterEach
    void tearDown() throws Exception {
        app.close();
        server.close();
    }

    @Test
    void theNewestRowIsWhollyInViewAfterABurstAndAClickShowsHowManyArriveSince(FxRobot robot) throws Exception {
        ConnectionTabView tab = receiveTheBurst(robot);
        ClientTabModel model = tab.model();
        TableView<LogRow> table = tab.log().table();

        robot.clickOn(robot.from(table).lookup(".table-row-cell").nth(3).queryAs(javafx.scene.Node.class));
        assertFalse(tab.log().model().followProperty().get(), "a picked row stays in view");
        for (int i = 0; i < 3; i++) {
            int n = i;
            robot.interact(() -> {
                model.composer().draftProperty().set("after " + n);
                model.send();
            });
        }
        Button newMessages = robot.lookup("#newMessagesButton").queryButton();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, newMessages::isVisible);
        assertEquals("3 new messages", newMessages.getText());
        robot.clickOn(newMessages);
        assertTrue(tab.log().model().followProperty().get());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lastRowWhollyVisible(robot, table, "after 2"));
        assertFalse(newMessages.isVisible());
    }

    @Test
    void scrollingUpEndsFollowAndScrollingBackToTheNewestResumesIt(FxRobot robot) throws Exception {
        ConnectionTabView tab = receiveTheBurst(robot);
        ClientTabModel model = tab.model();
        TableView<LogRow> table = tab.log().table();
        assertTrue(tab.log().model().followProperty().get());

        wheel(robot, table, 5);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(tab.log().model().followProperty().get(), "scrolling up ends Follow");
        int firstShown = firstVisibleIndex(robot, table);
        robot.interact(() -> {
            model.composer().draftProperty().set("while reading");
            model.send();
        });
        Button newMessages = robot.lookup("#newMessagesButton").queryButton();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, newMessages::isVisible);
        assertEquals(firstShown, firstVisibleIndex(robot, table), "the rows being read stay put");

        for (int i = 0; i < 20; i++) {
            wheel(robot, table, -10);
        }
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> tab.log().model().followProperty().get());
    }

    /** Connects the tab in front to the burst server and waits until the burst's last row is wholly in view. */
    private ConnectionTabView receiveTheBurst(FxRobot robot) throws Exception {
        ConnectionTabView tab = (ConnectionTabView) window.tabs().getSelectionModel().getSelectedItem().getContent();
        ClientTabModel model = tab.model();
        robot.interact(() -> {
            model.request().urlProperty().set(server.url());
            model.connect();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.connection().stateProperty().get() == ConnectionState.OPEN);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.connection().log().count(Direction.RECEIVE) == BURST);
        TableView<LogRow> table = tab.log().table();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lastRowWhollyVisible(robot, table, "burst " + (BURST - 1)));
        return tab;
    }

    /**
     * Turns the mouse wheel over the rows, as JavaFX reports it on desktops: a positive delta
     * scrolls up. (Monocle's robot reports the wheel the other way round, so the event is made here.)
     */
    private static void wheel(FxRobot robot, TableView<LogRow> table, int notches) {
        robot.interact(() -> {
            VirtualFlow<?> flow = (VirtualFlow<?>) table.lookup(".virtual-flow");
            javafx.geometry.Bounds b = flow.localToScreen(flow.getBoundsInLocal());
            double x = b.getWidth() / 2;
            double y = b.getHeight() / 2;
            flow.fireEvent(new javafx.scene.input.ScrollEvent(javafx.scene.input.ScrollEvent.SCROLL, x, y,
                    b.getMinX() + x, b.getMinY() + y, false, false, false, false, false, false, 0, notches * 40.0, 0,
                    notches * 40.0, javafx.scene.input.ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                    javafx.scene.input.ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static int firstVisibleIndex(FxRobot robot, TableView<LogRow> table) {
        int[] index = new int[1];
        robot.interact(() -> index[0] = ((VirtualFlow<?>) table.lookup(".virtual-flow")).getFirstVisibleCell().getIndex());
        return index[0];
    }

    /** The table's last item is the expected message and its cell lies wholly inside the viewport. */
    private static boolean lastRowWhollyVisible(FxRobot robot, TableView<LogRow> table, String newest) {
        boolean[] visible = new boolean[1];
        robot.interact(() -> {
            int last = table.getItems().size() - 1;
            VirtualFlow<?> flow = (VirtualFlow<?>) table.lookup(".virtual-flow");
            var cell = flow.getLastVisibleCell();
            visible[0] = last >= 0 && table.getItems().get(last).preview().equals(newest) && cell != null
                    && cell.getIndex() == last && cell.getLayoutY() + cell.getHeight() <= flow.getHeight() + 0.5;
        });
        return visible[0];
    }
}
