package dev.sockscope.ui;

import dev.sockscope.ui.connection.ConnectionTabView;
import dev.sockscope.ui.proxy.ProxiedConnectionView;
import dev.sockscope.ui.proxy.ProxyView;
import dev.sockscope.ui.search.SearchView;
import dev.sockscope.ui.sessions.RecordedSessionView;
import javafx.scene.control.Tab;

/** What the window does to a tab's content whatever its kind: letting it go, and putting it in front or behind. */
final class TabContents {
    private TabContents() {
    }

    /** Stops what the content follows or refreshes (a connection, a load, a timer). */
    static void dispose(Tab tab) {
        if (tab.getContent() instanceof ConnectionTabView view) {
            view.dispose();
        } else if (tab.getContent() instanceof SearchView view) {
            view.dispose();
        } else if (tab.getContent() instanceof RecordedSessionView view) {
            view.dispose();
        } else if (tab.getContent() instanceof ProxiedConnectionView view) {
            view.dispose();
        } else if (tab.getContent() instanceof ProxyView view) {
            view.dispose();
        }
    }

    /** A connection's views leave the scene graph while their tab is behind another (JavaFX walks every node per pulse). */
    static void setInFront(Tab tab, boolean front) {
        if (tab.getContent() instanceof ConnectionTabView view) {
            view.setInFront(front);
        } else if (tab.getContent() instanceof ProxiedConnectionView view) {
            view.setInFront(front);
        }
    }
}
