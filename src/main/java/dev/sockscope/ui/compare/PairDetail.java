package dev.sockscope.ui.compare;

import atlantafx.base.theme.Styles;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sockscope.core.Message;
import dev.sockscope.core.Opcode;
import dev.sockscope.diff.ConversationDiff;
import dev.sockscope.diff.MessageDiff;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * One pair of a comparison in detail: what differs, in words (node id {@code comparisonDetail}),
 * and both messages side by side, JSON pretty-printed ({@code comparedA}, {@code comparedB}).
 */
final class PairDetail extends VBox {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final int SHOWN_BYTES = 64 * 1024;
    private static final int SHOWN_LINES = 12;

    private final Label what = new Label("Select a row to see how the two messages differ.");
    private final TextArea left = area("comparedA");
    private final TextArea right = area("comparedB");

    PairDetail() {
        setSpacing(6);
        setPadding(new Insets(8, 0, 0, 0));
        what.setId("comparisonDetail");
        what.setWrapText(true);
        what.getStyleClass().add("comparison-detail");
        what.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox a = titled("A", left);
        VBox b = titled("B", right);
        HBox sides = new HBox(8, a, b);
        VBox.setVgrow(sides, Priority.ALWAYS);
        getChildren().addAll(what, sides);
    }

    private static VBox titled(String title, TextArea area) {
        Label label = new Label(title);
        label.getStyleClass().addAll(Styles.TEXT_BOLD, Styles.TEXT_SMALL);
        VBox box = new VBox(4, label, area);
        VBox.setVgrow(area, Priority.ALWAYS);
        box.setMinWidth(0);
        box.setPrefWidth(100);
        HBox.setHgrow(box, Priority.ALWAYS);
        return box;
    }

    private static TextArea area(String id) {
        TextArea area = new TextArea();
        area.setId(id);
        area.setEditable(false);
        area.setWrapText(true);
        area.getStyleClass().add("monospace");
        return area;
    }

    void show(ConversationDiff.Row row) {
        if (row == null) {
            what.setText("Select a row to see how the two messages differ.");
            left.clear();
            right.clear();
            return;
        }
        what.setText(String.join("\n", explanation(row)));
        left.setText(row.a() == null ? "(no message here)" : readable(row.a()));
        right.setText(row.b() == null ? "(no message here)" : readable(row.b()));
    }

    /** The row in one line, for the table. */
    static String headline(ConversationDiff.Row row) {
        return switch (row.status()) {
            case SAME -> preview(row.a());
            case MISSING -> "only in A: " + preview(row.a());
            case EXTRA -> "only in B: " + preview(row.b());
            case CHANGED -> {
                List<String> lines = details(row.diff(), row.a(), row.b());
                yield lines.size() == 1 ? lines.get(0) : lines.get(0) + "  (+" + (lines.size() - 1) + " more)";
            }
        };
    }

    private static List<String> explanation(ConversationDiff.Row row) {
        List<String> out = new ArrayList<>();
        String where = row.direction().wireName();
        switch (row.status()) {
            case SAME -> out.add("The same " + where + " message in both" + (row.first() == row.second() ? "."
                    : " (#" + row.first() + " in A, #" + row.second() + " in B)."));
            case MISSING -> out.add(cap(where) + " message #" + row.first() + " of A has no counterpart in B.");
            case EXTRA -> out.add(cap(where) + " message #" + row.second() + " of B has no counterpart in A.");
            case CHANGED -> {
                out.add(cap(where) + " message #" + row.first() + " of A against #" + row.second() + " of B:");
                List<String> lines = details(row.diff(), row.a(), row.b());
                lines.subList(0, Math.min(lines.size(), SHOWN_LINES)).forEach(l -> out.add("  " + l));
                if (lines.size() > SHOWN_LINES) {
                    out.add("  \u2026 and " + (lines.size() - SHOWN_LINES) + " more");
                }
            }
        }
        return out;
    }

    private static List<String> details(MessageDiff d, Message a, Message b) {
        List<String> lines = d.explained(a, b);
        return lines.isEmpty() ? List.of("differs") : lines;
    }

    private static String cap(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String preview(Message m) {
        if (m.opcode() != Opcode.TEXT) {
            return "binary, " + m.size() + " bytes";
        }
        String text = m.text().replace('\n', ' ');
        return text.length() > 200 ? text.substring(0, 200) + "\u2026" : text;
    }

    /** JSON pretty-printed, other text as it is, binary as hex; the first 64 KiB. */
    private static String readable(Message m) {
        byte[] payload = m.payload().length > SHOWN_BYTES ? java.util.Arrays.copyOf(m.payload(), SHOWN_BYTES) : m.payload();
        String cut = m.payload().length > SHOWN_BYTES ? "\n\u2026 (" + m.payload().length + " bytes in all)" : "";
        if (m.opcode() != Opcode.TEXT) {
            return HexFormat.ofDelimiter(" ").formatHex(payload) + cut;
        }
        String text = new String(payload, java.nio.charset.StandardCharsets.UTF_8);
        try {
            var tree = JSON.readTree(text);
            if (tree != null && (tree.isObject() || tree.isArray())) {
                return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree) + cut;
            }
        } catch (java.io.IOException e) {
            // Not JSON: shown as it is.
        }
        return text + cut;
    }
}
