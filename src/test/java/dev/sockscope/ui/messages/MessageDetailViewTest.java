package dev.sockscope.ui.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerDark;
import dev.sockscope.core.Direction;
import dev.sockscope.core.Frame;
import dev.sockscope.core.Opcode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The detail view in a real (headless) window under the dark theme. */
@ExtendWith(ApplicationExtension.class)
class MessageDetailViewTest {
    private static final long T = 1_714_570_620_123_456L;
    private MessageDetailView view;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
        view = new MessageDetailView(dev.sockscope.testing.DirectUiThread.synchronous());
        stage.setScene(new Scene(view, 900, 600));
        stage.show();
    }

    private void showOnFx(Frame frame) {
        WaitForAsyncUtils.asyncFx(() -> view.show(frame));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Frame text(String text) {
        return Frame.message(Direction.RECEIVE, Opcode.TEXT, text.getBytes(StandardCharsets.UTF_8), T);
    }

    private String visibleAreaText(FxRobot robot) {
        Set<CodeArea> areas = robot.lookup(".payload-area").queryAllAs(CodeArea.class);
        return areas.stream().filter(a -> a.getParent().getParent().isVisible())
                .findFirst().orElseThrow().getText();
    }

    @Test
    void carriesTheAutomationIdAndStartsWithAPlaceholder(FxRobot robot) {
        assertSame(view, robot.lookup("#messageDetail").query());
        Label hint = robot.lookup(".detail-placeholder").queryAs(Label.class);
        assertTrue(hint.isVisible());
        assertEquals("Select a message to see its payload", hint.getText());
        assertNull(view.selectedView());
    }

    @Test
    void jsonOpensAsATreeOneLevelAtATimeWithPointersForEachNode(FxRobot robot) {
        showOnFx(text("{\"type\":\"ticker\",\"book\":{\"bids\":[[64000.5,0.2]],\"a/b\":1}}"));
        robot.clickOn("Tree");
        assertEquals("TREE", view.selectedView());
        javafx.scene.control.TreeView<?> tree = robot.lookup("#payloadTree").queryAs(javafx.scene.control.TreeView.class);
        assertTrue(tree.isVisible());
        var root = tree.getRoot();
        assertEquals(2, root.getChildren().size(), "type and book");
        var book = root.getChildren().get(1);
        assertEquals("book: {2 keys}", ((JsonTree.Entry) book.getValue()).key() + ": " + ((JsonTree.Entry) book.getValue()).summary());
        var escaped = book.getChildren().get(1);
        assertEquals("/book/a~1b", ((JsonTree.Entry) escaped.getValue()).pointer());
        var firstBid = book.getChildren().get(0).getChildren().get(0).getChildren().get(0);
        assertEquals("/book/bids/0/0", ((JsonTree.Entry) firstBid.getValue()).pointer());
        assertEquals("64000.5", ((JsonTree.Entry) firstBid.getValue()).summary());
    }

    @Test
    void jsonTextOpensPrettyPrintedAndCanSwitchToHex(FxRobot robot) {
        showOnFx(text("{\"a\":[1,true]}"));
        assertEquals("JSON", view.selectedView());
        assertEquals("{\n  \"a\": [\n    1,\n    true\n  ]\n}", visibleAreaText(robot));
        robot.clickOn("Hex");
        assertEquals("HEX", view.selectedView());
        assertTrue(visibleAreaText(robot).startsWith("00000000  7b 22 61 22"));
        robot.clickOn("Hex");
        assertEquals("HEX", view.selectedView(), "clicking the chosen view keeps it chosen");
    }

    @Test
    void plainTextDisablesTheJsonToggle(FxRobot robot) {
        showOnFx(text("hello"));
        assertEquals("TEXT", view.selectedView());
        ToggleButton json = robot.lookup(".detail-switcher .toggle-button").queryAllAs(ToggleButton.class).stream()
                .filter(t -> t.getText().equals("JSON")).findFirst().orElseThrow();
        assertTrue(json.isDisabled());
        assertEquals("hello", visibleAreaText(robot));
    }

    @Test
    void closeFrameShowsCodeNameAndReason(FxRobot robot) {
        showOnFx(Frame.close(Direction.SEND, 1008, "policy", T));
        assertEquals("1008 Policy Violation", robot.lookup(".detail-close-status").queryAs(Label.class).getText());
        assertEquals("\u201cpolicy\u201d", robot.lookup(".detail-close-reason").queryAs(Label.class).getText());
    }

    @Test
    void invalidUtf8TextGetsABadge(FxRobot robot) {
        showOnFx(Frame.message(Direction.SEND, Opcode.TEXT, new byte[] {'a', (byte) 0xff}, T));
        Node badge = robot.lookup(".detail-badge").query();
        assertEquals("invalid UTF-8", ((Label) badge).getText());
        assertEquals("a\uFFFD", visibleAreaText(robot));
    }

    @Test
    void copyBase64CopiesTheWholePayload(FxRobot robot) {
        byte[] payload = new byte[200 * 1024];
        Arrays.fill(payload, (byte) 7);
        showOnFx(Frame.message(Direction.RECEIVE, Opcode.BINARY, payload, T));
        robot.clickOn("Copy base64");
        String copied = WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()));
        assertEquals(java.util.Base64.getEncoder().encodeToString(payload), copied);
        assertFalse(robot.lookup(".detail-note").queryAs(Label.class).isVisible(), "the whole dump is shown, nothing cut");
    }

    @Test
    void fourMegabytesOfUnbrokenTextShowWholeAsWrappedRowsOnlyThoseOnScreenLaidOut(FxRobot robot) {
        char[] line = new char[4 * 1024 * 1024];
        Arrays.fill(line, 'x');
        showOnFx(text(new String(line)));
        assertEquals("TEXT", view.selectedView());
        LineView rows = robot.lookup(".line-view").queryAllAs(LineView.class).stream().filter(Node::isVisible)
                .findFirst().orElseThrow();
        assertTrue(rows.rowCount() > 4 * 1024 * 1024 / 200, "wrapped at the pane's width: " + rows.rowCount());
        assertTrue(robot.from(rows).lookup(".line-row").queryAll().size() < 100, "only the rows on screen are cells");
        assertFalse(robot.lookup(".detail-note").queryAs(Label.class).isVisible());
    }

    @Test
    void savesTheWholePayloadToAFileAndSaysWhyWhenItCannot(FxRobot robot) throws Exception {
        byte[] payload = new byte[300_000];
        new java.util.Random(7).nextBytes(payload);
        showOnFx(Frame.message(Direction.RECEIVE, Opcode.BINARY, payload, T));
        assertTrue(robot.lookup("#savePayloadButton").query().isVisible());
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("sockscope-save-test");
        java.nio.file.Path file = dir.resolve("payload.bin");
        WaitForAsyncUtils.asyncFx(() -> view.savePayload(payload, file));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(Arrays.equals(payload, java.nio.file.Files.readAllBytes(file)));
        assertTrue(robot.lookup(".detail-note").queryAs(Label.class).getText().startsWith("Saved 293.0 KiB to "));
        java.nio.file.Path nowhere = dir.resolve("no-such-dir").resolve("payload.bin");
        WaitForAsyncUtils.asyncFx(() -> view.savePayload(payload, nowhere));
        WaitForAsyncUtils.waitForFxEvents();
        String said = robot.lookup(".detail-note").queryAs(Label.class).getText();
        assertEquals("Not saved to " + nowhere + ": its folder does not exist", said);
        assertFalse(java.nio.file.Files.exists(nowhere));
    }
}
