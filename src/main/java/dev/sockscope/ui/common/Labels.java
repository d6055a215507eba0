package dev.sockscope.ui.common;

import atlantafx.base.theme.Styles;
import javafx.scene.control.Label;

/** The small labels the detail views are made of, alike wherever they appear. */
public final class Labels {
    private Labels() {
    }

    /** A section's heading: small, bold, muted. */
    public static Label section(String text) {
        Label label = new Label(text);
        label.getStyleClass().addAll(Styles.TEXT_BOLD, Styles.TEXT_SMALL, "section-title");
        return label;
    }

    /** Small text that wraps. */
    public static Label small(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add(Styles.TEXT_SMALL);
        return label;
    }
}
