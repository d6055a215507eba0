package dev.sockscope.ui.connection;

import java.util.regex.Pattern;
import java.util.function.Supplier;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * The log's data cell: the row's one-line preview, with the first match of the filter highlighted
 * while a filter is typed. Plain text (no extra nodes) when there is nothing to highlight, so a
 * flood without a filter costs what it did.
 */
final class HighlightCell extends TableCell<LogRow, LogRow> {
    /** Context kept before a match that is far into the line, so the match stays in view. */
    static final int BEFORE_CHARS = 24;
    private static final PseudoClass CONTROL_FRAME = PseudoClass.getPseudoClass("control-frame");

    private final Supplier<Pattern> highlight;
    private Label before;
    private Label hit;
    private Label after;
    private HBox box;

    HighlightCell(Supplier<Pattern> highlight) {
        this.highlight = highlight;
    }

    @Override
    protected void updateItem(LogRow row, boolean empty) {
        super.updateItem(row, empty);
        pseudoClassStateChanged(CONTROL_FRAME, !empty && row != null && row.opcode().isControl());
        if (empty || row == null) {
            setText(null);
            setGraphic(null);
            return;
        }
        String text = row.preview();
        int[] at = LogFilter.firstMatch(highlight.get(), text);
        if (at == null) {
            setGraphic(null);
            setText(text);
            return;
        }
        ensureNodes();
        String lead = text.substring(0, at[0]);
        before.setText(lead.length() <= BEFORE_CHARS ? lead : "\u2026" + lead.substring(lead.length() - BEFORE_CHARS));
        hit.setText(text.substring(at[0], at[1]));
        after.setText(text.substring(at[1]));
        setText(null);
        setGraphic(box);
    }

    private void ensureNodes() {
        if (box != null) {
            return;
        }
        before = new Label();
        hit = new Label();
        after = new Label();
        hit.getStyleClass().add("log-hit");
        before.setMinWidth(Region.USE_PREF_SIZE);
        hit.setMinWidth(Region.USE_PREF_SIZE);
        after.setMinWidth(0);
        box = new HBox(before, hit, after);
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    }
}
