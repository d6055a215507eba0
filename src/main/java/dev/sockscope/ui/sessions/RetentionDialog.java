package dev.sockscope.ui.sessions;

import atlantafx.base.theme.Styles;
import dev.sockscope.app.Retention;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** Asks for the standing retention rule: a maximum age in days and a maximum size in MB, 0 for none. */
final class RetentionDialog {
    private RetentionDialog() {
    }

    static Optional<Retention> ask(Window owner, Retention current) {
        Spinner<Integer> days = new Spinner<>(0, 36_500, current.maxAgeDays(), 1);
        Spinner<Integer> megabytes = new Spinner<>(0, 10_000_000, (int) Math.min(Integer.MAX_VALUE, current.maxMegabytes()), 100);
        for (Spinner<Integer> s : java.util.List.of(days, megabytes)) {
            s.setEditable(true);
            s.setPrefWidth(130);
        }
        Label hint = new Label("0 means no limit. The current session is never removed, and you see the list "
                + "before anything goes. The rule is checked now and each time Sockscope starts.");
        hint.setWrapText(true);
        hint.setMaxWidth(380);
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.setPadding(new Insets(4, 0, 0, 0));
        grid.addRow(0, new Label("Remove sessions idle for more than (days)"), days);
        grid.addRow(1, new Label("Keep the recording under (MB of messages)"), megabytes);
        grid.add(hint, 0, 2, 2, 1);

        Dialog<Retention> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Retention");
        dialog.setHeaderText("How much recording to keep");
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.setResultConverter(button -> {
            if (button != ButtonType.OK) {
                return null;
            }
            // A value typed but not yet committed (no Enter pressed) still counts; text that is
            // not a number leaves the spinner's value as it was.
            for (Spinner<Integer> s : java.util.List.of(days, megabytes)) {
                try {
                    s.increment(0);
                } catch (NumberFormatException notANumber) {
                    s.getEditor().setText(String.valueOf(s.getValue()));
                }
            }
            return new Retention(days.getValue(), megabytes.getValue());
        });
        return dialog.showAndWait();
    }
}
