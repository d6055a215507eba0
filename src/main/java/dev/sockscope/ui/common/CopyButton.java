package dev.sockscope.ui.common;

import atlantafx.base.theme.Styles;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A flat "copy" button that puts text on the clipboard and shows a check mark for a moment. In a
 * pane narrower than {@code compactWidth} it shows only its icon; the text stays for tooltips and
 * automation.
 */
public final class CopyButton {
    private static final Duration FEEDBACK = Duration.millis(1200);

    private CopyButton() {
    }

    /**
     * @param content what to copy; null means there is nothing to copy now
     * @param styleClass the caller's class for its own CSS; the shared look is {@code copy-button} in sockscope.css
     */
    /** Puts text on the system clipboard (nothing for null). The one place the UI copies. */
    public static void toClipboard(String text) {
        if (text == null) {
            return;
        }
        ClipboardContent clip = new ClipboardContent();
        clip.putString(text);
        Clipboard.getSystemClipboard().setContent(clip);
    }

    public static Button create(String text, Ikon icon, String tooltip, Supplier<String> content, Region pane,
            double compactWidth, String styleClass) {
        FontIcon idle = new FontIcon(icon);
        Button button = new Button(text, idle);
        button.getStyleClass().addAll("copy-button", styleClass, Styles.SMALL, Styles.FLAT);
        button.setTooltip(new Tooltip(tooltip));
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.contentDisplayProperty().bind(Bindings.when(pane.widthProperty().lessThan(compactWidth))
                .then(ContentDisplay.GRAPHIC_ONLY).otherwise(ContentDisplay.LEFT));
        PauseTransition reset = new PauseTransition(FEEDBACK);
        reset.setOnFinished(e -> button.setGraphic(idle));
        button.setOnAction(e -> {
            String text1 = content.get();
            if (text1 == null) {
                return;
            }
            toClipboard(text1);
            FontIcon done = new FontIcon(Feather.CHECK);
            done.getStyleClass().add("copy-done");
            button.setGraphic(done);
            reset.playFromStart();
        });
        return button;
    }
}
