package dev.sockscope.ui.connection;

import atlantafx.base.theme.Styles;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sockscope.core.Interception;
import dev.sockscope.core.Message;
import dev.sockscope.core.Opcode;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Above the message detail, for a message interception touched: what was done and by whom, and
 * where something was sent in its place, the two side by side (as it came, as sent instead).
 * Hidden for every other message.
 */
final class ChangeComparison extends VBox {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SHOWN_BYTES = 64 * 1024;

    private final Label what = new Label();
    private final TextArea came = area("comparedOriginal");
    private final TextArea sent = area("comparedSent");
    private final Label cameTitle = title();
    private final Label sentTitle = title();
    private final HBox sides;

    ChangeComparison() {
        setId("changeComparison");
        getStyleClass().add("change-comparison");
        setSpacing(6);
        setPadding(new javafx.geometry.Insets(8, 8, 0, 8));
        what.setWrapText(true);
        what.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.WARNING);
        VBox left = new VBox(4, cameTitle, came);
        VBox right = new VBox(4, sentTitle, sent);
        left.setMinWidth(0);
        right.setMinWidth(0);
        left.setPrefWidth(100);
        right.setPrefWidth(100);
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        sides = new HBox(8, left, right);
        sides.managedProperty().bind(sides.visibleProperty());
        getChildren().addAll(what, sides);
        managedProperty().bind(visibleProperty());
        setVisible(false);
    }

    /** Shows what interception did with the selected message, or hides itself when nothing. */
    void show(MessageLogView.Selection selected) {
        Interception interception = selected == null ? null : selected.interception();
        if (interception == null) {
            setVisible(false);
            return;
        }
        setVisible(true);
        what.setText(capitalized(interception.words()) + ": " + interception.note());
        Message counterpart = selected.counterpart();
        Message shown = selected.message();
        if (counterpart == null || shown == null) {
            sides.setVisible(false);
            return;
        }
        boolean shownIsOriginal = !interception.has(Interception.SENT_INSTEAD);
        Message original = shownIsOriginal ? shown : counterpart;
        Message instead = shownIsOriginal ? counterpart : shown;
        cameTitle.setText("As it came");
        sentTitle.setText("Sent instead, by Sockscope");
        came.setText(readable(original));
        sent.setText(readable(instead));
        sides.setVisible(true);
    }

    private static String readable(Message message) {
        byte[] payload = message.payload();
        if (message.opcode() != Opcode.TEXT) {
            return HexFormat.ofDelimiter(" ").formatHex(payload, 0, Math.min(payload.length, SHOWN_BYTES));
        }
        String text = new String(payload, 0, Math.min(payload.length, SHOWN_BYTES), StandardCharsets.UTF_8);
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(text));
        } catch (java.io.IOException notJson) {
            return text;
        }
    }

    private static String capitalized(String words) {
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static TextArea area(String id) {
        TextArea area = new TextArea();
        area.setId(id);
        area.setEditable(false);
        area.setWrapText(true);
        area.setPrefRowCount(8);
        // The two sides share the pane's width: they never push it wider than the window.
        area.setPrefColumnCount(12);
        area.setMinWidth(0);
        area.getStyleClass().add("code-editor");
        return area;
    }

    private static Label title() {
        Label label = new Label();
        label.getStyleClass().addAll(Styles.TEXT_BOLD, Styles.TEXT_SMALL);
        return label;
    }
}
