package dev.sockscope.ui.connection;

import static dev.sockscope.ui.common.CopyButton.toClipboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sockscope.core.Bytes;
import dev.sockscope.core.Clock;
import dev.sockscope.core.Direction;
import dev.sockscope.core.Frame;
import dev.sockscope.core.Opcode;
import dev.sockscope.core.Utf8;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * What can be done with a row of the log: copy its payload (as text, hex or base64) or the row as
 * JSON, send it again as it was or after editing it in the composer (a live tab only), and search
 * the recording for it. Ctrl+C copies the payload the way the row shows it.
 */
final class LogRowActions {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The tab's composer, for a live tab; absent in read-only views. */
    interface Composer {
        /** Sends the payload again as it was; false (and said in the tab) when it cannot be sent now. */
        boolean resend(Frame frame);

        /** Puts the payload into the composer to be edited and sent. */
        void edit(Frame frame);
    }

    private final Supplier<Frame> selected;
    private Composer composer;
    private Consumer<String> search;

    LogRowActions(TableView<LogRow> table, Supplier<Frame> selected) {
        this.selected = selected;
        MenuItem copyText = item("Copy text", "copyText", () -> toClipboard(textOf(selected.get())));
        MenuItem copyHex = item("Copy as hex", "copyHex", () -> toClipboard(Bytes.hex(selected.get().payload())));
        MenuItem copyBase64 = item("Copy as base64", "copyBase64", () -> toClipboard(Bytes.base64(selected.get().payload())));
        MenuItem copyRow = item("Copy row as JSON", "copyRowJson", () -> toClipboard(rowJson(selected.get())));
        MenuItem resend = item("Resend", "resendMessage", () -> composer.resend(selected.get()));
        MenuItem edit = item("Edit and resend…", "editMessage", () -> composer.edit(selected.get()));
        MenuItem find = item("Show in search", "showInSearch", () -> search.accept(searchTextOf(selected.get())));
        ContextMenu menu = new ContextMenu(copyText, copyHex, copyBase64, copyRow, new SeparatorMenuItem(), resend, edit,
                new SeparatorMenuItem(), find);
        menu.setOnShowing(e -> {
            Frame frame = selected.get();
            boolean any = frame != null;
            boolean data = any && !frame.opcode().isControl();
            copyText.setVisible(any && Utf8.isValid(frame.payload()));
            for (MenuItem item : new MenuItem[] {copyHex, copyBase64, copyRow}) {
                item.setDisable(!any);
            }
            resend.setVisible(composer != null);
            edit.setVisible(composer != null);
            resend.setDisable(!data || frame.opcode() == Opcode.CONTINUATION);
            edit.setDisable(!data || frame.opcode() == Opcode.CONTINUATION);
            find.setVisible(search != null);
            find.setDisable(!data || searchTextOf(frame).isBlank());
        });
        table.setContextMenu(menu);
        table.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.C && e.isShortcutDown() && selected.get() != null) {
                toClipboard(shownAs(selected.get()));
                e.consume();
            }
        });
    }

    void setComposer(Composer composer) {
        this.composer = composer;
    }

    void setSearch(Consumer<String> search) {
        this.search = search;
    }

    private static MenuItem item(String title, String id, Runnable action) {
        MenuItem item = new MenuItem(title);
        item.setId(id);
        item.setOnAction(e -> action.run());
        return item;
    }

    /** What Ctrl+C copies: text for a message that reads as text, hex for anything else. */
    static String shownAs(Frame frame) {
        return frame.opcode() == Opcode.BINARY || !Utf8.isValid(frame.payload()) ? Bytes.hex(frame.payload())
                : textOf(frame);
    }

    private static String textOf(Frame frame) {
        return frame.opcode() == Opcode.CLOSE ? frame.closeCode() + " " + frame.closeReason() : frame.text();
    }

    /** What the search looks for: the start of the text (a whole long message would rarely match as typed). */
    private static String searchTextOf(Frame frame) {
        if (frame == null || frame.opcode() == Opcode.BINARY || !Utf8.isValid(frame.payload())) {
            return "";
        }
        String text = frame.text().strip();
        int newline = text.indexOf('\n');
        String line = newline < 0 ? text : text.substring(0, newline);
        return line.length() <= 80 ? line : line.substring(0, 80);
    }

    /** The row as a JSON object: direction as HAR names it, opcode, time, size and the payload. */
    static String rowJson(Frame frame) {
        ObjectNode row = JSON.createObjectNode();
        row.put("time", Clock.toInstant(frame.timestampMicros()).toString());
        row.put("direction", frame.direction() == Direction.SEND ? "send" : "receive");
        row.put("opcode", frame.opcode().name().toLowerCase(java.util.Locale.ROOT));
        row.put("size", frame.size());
        if (frame.opcode() == Opcode.CLOSE && frame.closeCode() >= 0) {
            row.put("closeCode", frame.closeCode());
            row.put("closeReason", frame.closeReason());
        } else if (frame.opcode() != Opcode.BINARY && Utf8.isValid(frame.payload())) {
            row.put("text", frame.text());
        } else {
            row.put("base64", Bytes.base64(frame.payload()));
        }
        return row.toString();
    }

}
