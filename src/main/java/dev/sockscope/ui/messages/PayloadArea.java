package dev.sockscope.ui.messages;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Font;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.util.UndoUtils;

/**
 * One read-only, monospace payload view (Text, JSON or Hex): a rich text area for content of
 * ordinary size (characters can be selected), a {@link LineView} of rows for large content (only
 * the rows on screen are laid out). Content is set once per selected frame and never edited, so
 * the area keeps no undo history. Each is built on first use, not with the pane.
 */
final class PayloadArea extends StackPane {
    /** Preferred monospace families, first installed wins; JavaFX CSS has no fallback lists. */
    private static final List<String> MONOSPACE = List.of("JetBrains Mono", "Cascadia Mono", "DejaVu Sans Mono");

    private final boolean wrap;
    private final boolean lineNumbers;
    private final String monospaceFamily;
    private CodeArea area;
    private LineView rows;
    private boolean filled;

    PayloadArea(String styleClass, boolean wrap, boolean lineNumbers, String monospaceFamily) {
        getStyleClass().addAll("payload-pane", styleClass);
        this.wrap = wrap;
        this.lineNumbers = lineNumbers;
        this.monospaceFamily = monospaceFamily;
    }

    /** The first of JetBrains Mono, Cascadia Mono, DejaVu Sans Mono that is installed, else "monospace". */
    static String monospaceFamily() {
        Set<String> installed = Set.copyOf(Font.getFamilies());
        return MONOSPACE.stream().filter(installed::contains).findFirst().orElse("monospace");
    }

    /** Replaces the content and scrolls to the top; {@code spans} (may be null) must cover the text. */
    void fill(String text, StyleSpans<Collection<String>> spans) {
        CodeArea target = codeArea();
        target.replaceText(text);
        if (spans != null) {
            target.setStyleSpans(0, spans);
        }
        target.moveTo(0);
        target.showParagraphAtTop(0);
        filled = true;
    }

    /** Shows a view's content: a string in the area, or rows in the row viewer. */
    void fill(PayloadPresentation.Shown shown) {
        if (shown.rows() == null) {
            showRows(false);
            fill(shown.content(), shown.spans());
            return;
        }
        if (filled) {
            area.clear();
            filled = false;
        }
        if (rows == null) {
            rows = new LineView(monospaceFamily, lineNumbers);
            getChildren().add(rows);
        }
        showRows(true);
        rows.show(shown.rows());
    }

    private void showRows(boolean shown) {
        if (rows != null) {
            rows.setVisible(shown);
            if (!shown) {
                rows.clear();
            }
        }
        if (area != null) {
            area.getParent().setVisible(!shown);
        }
    }

    /** The row viewer, or null when large content was never shown. For tests. */
    LineView rows() {
        return rows != null && rows.isVisible() ? rows : null;
    }

    void clear() {
        if (filled) {
            area.clear();
        }
        filled = false;
        if (rows != null) {
            rows.clear();
        }
    }

    /**
     * The area, created on first use so that it is usually born inside a live scene. An area
     * that is already in the tree when its Scene is created gets its first cells styled (by
     * Flowless) before the scene root is, and AtlantaFX's looked-up colours then log harmless
     * "Could not resolve" warnings.
     */
    CodeArea codeArea() {
        if (area == null) {
            area = new CodeArea();
            area.getStyleClass().add("payload-area");
            area.setEditable(false);
            area.setWrapText(wrap);
            area.setUndoManager(UndoUtils.noOpUndoManager());
            area.setStyle("-fx-font-family: \"" + monospaceFamily + "\";");
            if (lineNumbers) {
                area.setParagraphGraphicFactory(LineNumberFactory.get(area));
            }
            getChildren().add(new VirtualizedScrollPane<>(area));
        }
        return area;
    }
}
