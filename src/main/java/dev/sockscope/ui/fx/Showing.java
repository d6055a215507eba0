package dev.sockscope.ui.fx;

import javafx.scene.Node;

/**
 * Whether a node is on screen: in a showing window that is not minimised, with every ancestor visible. A tab pane hides
 * the content of the tabs not in front, so a busy background tab can skip its redraws.
 */
public final class Showing {
    private Showing() {
    }

    /** True when the node and all its ancestors are visible in a window that is showing and not minimised. FX thread. */
    public static boolean isShown(Node node) {
        var window = node.getScene() == null ? null : node.getScene().getWindow();
        if (window == null || !window.isShowing() || window instanceof javafx.stage.Stage stage && stage.isIconified()) {
            return false;
        }
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
