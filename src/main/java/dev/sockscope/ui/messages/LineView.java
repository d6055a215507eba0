package dev.sockscope.ui.messages;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.fxmisc.richtext.model.StyleSpan;

/**
 * A read-only viewer for payloads too large to lay out whole: a scroll bar over a row count and
 * as many row nodes as fit the pane, refilled as it scrolls, so a million rows cost what a
 * screenful costs (a list control's virtual flow walks all its rows on a jump). Long lines wrap
 * at the pane's width (monospace, so the width is a number of columns); JSON rows are coloured a
 * row at a time. Rows are picked, not characters (click, shift-click, drag): Ctrl+C copies them;
 * the copy buttons above copy the whole payload.
 */
final class LineView extends Region {
    private static final double FONT_SIZE = 12.5;
    private static final double PADDING = 8;
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private final ScrollBar bar = new ScrollBar();
    private final Pane layer = new Pane();
    private final List<RowNode> pool = new ArrayList<>();
    private final Font font;
    private final double charWidth;
    private final double rowHeight;
    private final boolean highlight;
    private RowSource source;
    private int columns = -1;
    private int anchor = -1;
    private int focus = -1;

    LineView(String monospaceFamily, boolean highlight) {
        this.highlight = highlight;
        this.font = Font.font(monospaceFamily, FONT_SIZE);
        Text probe = new Text("0123456789");
        probe.setFont(font);
        this.charWidth = probe.getLayoutBounds().getWidth() / 10;
        this.rowHeight = Math.ceil(probe.getLayoutBounds().getHeight()) + 3;
        getStyleClass().add("line-view");
        setFocusTraversable(true);
        bar.setOrientation(Orientation.VERTICAL);
        bar.setUnitIncrement(1);
        bar.valueProperty().addListener(obs -> requestLayout());
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(layer.widthProperty());
        clip.heightProperty().bind(layer.heightProperty());
        layer.setClip(clip);
        layer.setManaged(false);
        getChildren().addAll(layer, bar);
        addEventHandler(ScrollEvent.SCROLL, e -> {
            scrollBy(-e.getDeltaY() / rowHeight);
            e.consume();
        });
        addEventHandler(KeyEvent.KEY_PRESSED, this::key);
        layer.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            requestFocus();
            int row = rowAt(e.getY());
            if (row >= 0) {
                select(e.isShiftDown() && anchor >= 0 ? anchor : row, row);
            }
        });
        layer.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            int row = rowAt(e.getY());
            if (row >= 0 && anchor >= 0) {
                select(anchor, row);
            }
        });
    }

    /** Shows these rows from the top. FX thread. */
    void show(RowSource rows) {
        source = rows;
        columns = -1;
        anchor = -1;
        focus = -1;
        bar.setValue(0);
        pool.forEach(RowNode::forget);
        requestLayout();
    }

    void clear() {
        source = null;
        pool.forEach(RowNode::forget);
        requestLayout();
    }

    /** How many rows there are at the current width. */
    int rowCount() {
        return source == null ? 0 : source.rows();
    }

    /** Puts this row at the top (as far as the end allows). */
    void scrollToRow(int row) {
        bar.setValue(Math.max(bar.getMin(), Math.min(bar.getMax(), row)));
    }

    /** The index of the row at the top. */
    int topRow() {
        return (int) bar.getValue();
    }

    /** The rows picked, as copied: wrapped rows joined, lines on lines of their own; null when none. */
    String selectedText() {
        if (source == null || anchor < 0) {
            return null;
        }
        int from = Math.min(anchor, focus);
        int to = Math.max(anchor, focus);
        StringBuilder out = new StringBuilder();
        for (int row = from; row <= to; row++) {
            if (row > from && !source.continuesPrevious(row)) {
                out.append('\n');
            }
            out.append(source.row(row));
        }
        return out.toString();
    }

    @Override
    protected void layoutChildren() {
        double width = getWidth();
        double height = getHeight();
        double barWidth = bar.prefWidth(-1);
        layer.resizeRelocate(0, 0, Math.max(0, width - barWidth), height);
        bar.resizeRelocate(width - barWidth, 0, barWidth, height);
        if (source == null) {
            pool.forEach(n -> n.setVisible(false));
            bar.setMax(0);
            return;
        }
        int wanted = (int) Math.max(20, Math.floor((width - barWidth - 2 * PADDING - gutterWidth()) / charWidth));
        if (wanted != columns) {
            columns = wanted;
            source.wrapAt(wanted);
            pool.forEach(RowNode::forget);
            // Rows moved with the new width: a picked range would now name other text.
            anchor = -1;
            focus = -1;
        }
        int visible = (int) Math.ceil(height / rowHeight);
        int rows = source.rows();
        int fullyVisible = (int) Math.floor(height / rowHeight);
        bar.setMax(Math.max(0, rows - fullyVisible));
        if (bar.getValue() > bar.getMax()) {
            // Fewer rows than before (a wider pane): the scroll bar does not pull its value back itself.
            bar.setValue(bar.getMax());
        }
        bar.setVisibleAmount(Math.max(1, Math.min(fullyVisible, rows)));
        bar.setBlockIncrement(Math.max(1, fullyVisible - 1));
        bar.setVisible(rows > fullyVisible);
        while (pool.size() < visible) {
            RowNode node = new RowNode();
            pool.add(node);
            layer.getChildren().add(node);
        }
        int top = topRow();
        for (int i = 0; i < pool.size(); i++) {
            RowNode node = pool.get(i);
            int row = top + i;
            boolean shown = i < visible && row < rows;
            node.setVisible(shown);
            if (shown) {
                node.show(row);
                node.resizeRelocate(0, i * rowHeight, layer.getWidth(), rowHeight);
            }
        }
    }

    private void scrollBy(double rows) {
        bar.setValue(Math.max(bar.getMin(), Math.min(bar.getMax(), bar.getValue() + rows)));
    }

    private void key(KeyEvent e) {
        int page = Math.max(1, (int) (getHeight() / rowHeight) - 1);
        switch (e.getCode()) {
            case UP -> scrollBy(-1);
            case DOWN -> scrollBy(1);
            case PAGE_UP -> scrollBy(-page);
            case PAGE_DOWN -> scrollBy(page);
            case HOME -> bar.setValue(0);
            case END -> bar.setValue(bar.getMax());
            default -> {
                if (e.isShortcutDown() && e.getCode() == KeyCode.C && anchor >= 0) {
                    dev.sockscope.ui.common.CopyButton.toClipboard(selectedText());
                } else {
                    return;
                }
            }
        }
        e.consume();
    }

    private int rowAt(double y) {
        if (source == null) {
            return -1;
        }
        int row = topRow() + (int) Math.floor(y / rowHeight);
        return row >= 0 && row < source.rows() ? row : -1;
    }

    private void select(int from, int to) {
        anchor = from;
        focus = to;
        pool.forEach(RowNode::restyle);
    }

    private double gutterWidth() {
        return source instanceof TextRows text && highlight ? charWidth * (digits(text) + 2) : 0;
    }

    private static int digits(TextRows text) {
        return Math.max(2, String.valueOf(text.lineNumber(Math.max(0, text.rows() - 1))).length());
    }

    /** One row on screen: its line number (JSON) and its text, coloured when it is JSON. */
    private final class RowNode extends HBox {
        private final Label number = new Label();
        private final TextFlow flow = new TextFlow();
        private int row = -1;

        RowNode() {
            getChildren().addAll(number, flow);
            getStyleClass().add("line-row");
            setAlignment(Pos.CENTER_LEFT);
            setPadding(new javafx.geometry.Insets(0, PADDING, 0, PADDING));
            number.getStyleClass().add("lineno");
            number.setFont(font);
            number.setAlignment(Pos.CENTER_RIGHT);
        }

        void forget() {
            row = -1;
        }

        void show(int index) {
            if (index != row) {
                row = index;
                RowSource rows = source;
                boolean numbered = rows instanceof TextRows && highlight;
                number.setVisible(numbered);
                number.setManaged(numbered);
                if (numbered) {
                    TextRows lines = (TextRows) rows;
                    number.setMinWidth(gutterWidth());
                    number.setText(lines.continuesPrevious(index) ? "" : String.valueOf(lines.lineNumber(index)));
                }
                String text = rows.row(index);
                if (highlight) {
                    colour(text);
                } else {
                    setParts(1);
                    part(0, text, null);
                }
            }
            restyle();
        }

        void restyle() {
            pseudoClassStateChanged(SELECTED, anchor >= 0 && row >= Math.min(anchor, focus) && row <= Math.max(anchor, focus));
        }

        /** Colours a JSON row, reusing the row's text nodes: new nodes would each cost a CSS pass. */
        private void colour(String text) {
            List<StyleSpan<Collection<String>>> spans = new ArrayList<>();
            JsonHighlighter.highlight(text).forEach(spans::add);
            setParts(spans.size());
            int at = 0;
            for (int i = 0; i < spans.size(); i++) {
                StyleSpan<Collection<String>> span = spans.get(i);
                part(i, text.substring(at, at + span.getLength()),
                        span.getStyle().isEmpty() ? null : span.getStyle().iterator().next());
                at += span.getLength();
            }
        }

        private void setParts(int count) {
            var parts = flow.getChildren();
            while (parts.size() < count) {
                Text t = new Text();
                t.setFont(font);
                t.getStyleClass().add("text");
                parts.add(t);
            }
            if (parts.size() > count) {
                parts.remove(count, parts.size());
            }
        }

        private void part(int index, String text, String style) {
            Text t = (Text) flow.getChildren().get(index);
            t.setText(text);
            var classes = t.getStyleClass();
            String now = classes.size() > 1 ? classes.get(1) : null;
            if (!java.util.Objects.equals(now, style)) {
                if (now != null) {
                    classes.remove(1);
                }
                if (style != null) {
                    classes.add(style);
                }
            }
        }
    }
}
