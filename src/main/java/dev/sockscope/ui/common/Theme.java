package dev.sockscope.ui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;

/** Light and dark looks: AtlantaFX's Primer themes plus Sockscope's own stylesheet. */
public final class Theme {
    public static final String LIGHT = "light";
    public static final String DARK = "dark";

    private Theme() {
    }

    public static void apply(String name, Scene scene) {
        Application.setUserAgentStylesheet(DARK.equals(name)
                ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
        scene.getRoot().getStyleClass().removeAll(LIGHT, DARK);
        scene.getRoot().getStyleClass().add(DARK.equals(name) ? DARK : LIGHT);
        String css = Theme.class.getResource("/dev/sockscope/ui/sockscope.css").toExternalForm();
        if (!scene.getStylesheets().contains(css)) {
            scene.getStylesheets().add(css);
        }
    }
}
