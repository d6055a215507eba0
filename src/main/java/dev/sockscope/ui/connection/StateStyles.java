package dev.sockscope.ui.connection;

import dev.sockscope.core.ConnectionState;
import java.util.Locale;
import javafx.scene.Node;

/** The state dot's colour comes from a style class per state (see sockscope.css). */
public final class StateStyles {
    private StateStyles() {
    }

    /** Changes the class only when the state changed: every class change costs a CSS pass. */
    public static void apply(Node dot, ConnectionState state) {
        String wanted = "state-" + state.name().toLowerCase(Locale.ROOT);
        if (dot.getStyleClass().contains(wanted)) {
            return;
        }
        dot.getStyleClass().removeIf(c -> c.startsWith("state-") && !c.equals("state-dot"));
        dot.getStyleClass().add(wanted);
    }
}
