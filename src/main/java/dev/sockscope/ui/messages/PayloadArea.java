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
 * One read-only, monospace, virtualized payload area (Text, JSON or Hex) in its scroll pane.
 * Content is set once per selected frame and never edited, so it keeps no undo history.
 */
final class PayloadArea extends StackPane {
    /** Preferred monospace families, first installed wins; JavaFX CSS has no fallback lists. */
    private static final List<String> MONOSPACE = List.of("JetBrains Mono", "Cascadia Mono", "DejaVu Sans Mono");

    private final CodeArea area = new CodeArea();
    private boolean filled;

    PayloadArea(String styleClass, boolean wrap, boolean lineNumbers, String monospaceFamily) {
        getStyleClass().addAll("payload-pane", styleClass);
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

    /** The first of JetBrains Mono, Cascadia Mono, DejaVu Sans Mono that is installed, else "monospace". */
    static String monospaceFamily() {
        Set<String> installed = Set.copyOf(Font.getFamilies());
        return MONOSPACE.stream().filter(installed::contains).findFirst().orElse("monospace");
    }

    void fill(String text) {
        fill(text, null);
    }

    /** Replaces the content and scrolls to the top; {@code spans} (may be null) must cover the text. */
    void fill(String text, StyleSpans<Collection<String>> spans) {
        area.replaceText(text);
        if (spans != null) {
            area.setStyleSpans(0, spans);
        }
        area.moveTo(0);
        area.showParagraphAtTop(0);
        filled = true;
    }

    void clear() {
        if (filled) {
            area.clear();
        }
        filled = false;
    }

    CodeArea codeArea() {
        return area;
    }
}
