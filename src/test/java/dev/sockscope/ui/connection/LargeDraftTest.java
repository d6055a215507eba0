package dev.sockscope.ui.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockscope.app.AppContext;
import dev.sockscope.core.ConnectionState;
import dev.sockscope.core.Direction;
import dev.sockscope.testing.EchoServer;
import dev.sockscope.testing.FxStallProbe;
import dev.sockscope.ui.MainWindow;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A 5 MB paste becomes a large draft, not text laid out in the editor, and is sent whole; the FX thread stays responsive. */
@ExtendWith(ApplicationExtension.class)
class LargeDraftTest {
    private AppContext app;
    private MainWindow window;
    private EchoServer server;

    @Start
    void start(Stage stage) throws Exception {
        app = new AppContext(Files.createTempDirectory("sockscope-large-draft-test"));
        server = EchoServer.plain();
        window = dev.sockscope.testing.TestWindows.show(stage, app);
    }

    @AfterEach
    void tearDown() throws Exception {
        app.close();
        server.close();
    }

    @Test
    void aFiveMegabytePasteIsHeldAsALargeDraftAndSentWhole(FxRobot robot) throws Exception {
        ClientTabModel model = ((ConnectionTabView) window.tabs().getSelectionModel().getSelectedItem().getContent()).model();
        robot.interact(() -> {
            model.request().urlProperty().set("ws://127.0.0.1:" + server.boundPort() + "/large");
            model.connect();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.connection().stateProperty().get() == ConnectionState.OPEN);
        String big = "{\"rows\":[" + "[1,2,3,\"abcdefghij\"],".repeat(5_000_000 / 21) + "[]]}";
        robot.interact(() -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(big);
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
        });
        robot.interact(() -> model.composer().draftProperty().set("HEAD "));
        try (FxStallProbe probe = new FxStallProbe()) {
            robot.clickOn("#composer");
            robot.type(KeyCode.END);
            robot.press(KeyCode.CONTROL).press(KeyCode.V).release(KeyCode.V).release(KeyCode.CONTROL);
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> model.composer().largeProperty().get() != null);
            WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
            assertTrue(probe.maxMillis() < 100, "the FX thread stalled " + probe.maxMillis() + " ms");
        }
        assertEquals("HEAD ", model.composer().draftProperty().get(), "the editor lays out none of the paste");
        assertTrue(robot.lookup("#largeDraftTitle").queryLabeled().getText().startsWith("pasted text"));
        assertFalse(robot.lookup("#composer").query().isVisible());
        robot.clickOn("#sendButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.connection().log().count(Direction.RECEIVE) == 1);
        assertEquals("HEAD ".length() + big.length(), model.connection().log().messageSize(1),
                "the editor's text with the paste in place, echoed whole");
        robot.clickOn("#largeDraftBinary");
        assertFalse(model.composer().largeProperty().get().text(), "the user chose a binary message");
        robot.clickOn("#sendButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.connection().log().count(Direction.RECEIVE) == 2);
        assertEquals(dev.sockscope.core.Opcode.BINARY, model.connection().log().opcode(3), "sent and echoed as binary");
        robot.clickOn("#removeLargeDraft");
        assertTrue(robot.lookup("#composer").query().isVisible(), "back to the editor");
    }
}
