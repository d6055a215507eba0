package dev.sockscope.ui.connection;

import dev.sockscope.core.ConnectionState;
import java.util.Locale;
import javafx.scene.Node;

/** The state dot's colour comes from a style class per state (see sockscope.css). */
final class StateStyles {
    private StateStyles() {
    }

    static void apply(Node dot, ConnectionState state) {
        dot.getStyleClass().removeIf(c -> c.startsWith("state-") && !c.equals("state-dot"));
        dot.getStyleClass().add("state-" + state.name().toLowerCase(Locale.ROOT));
    }
}
