package dev.sockscope.ui.handshake;

import java.util.function.BooleanSupplier;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.input.ScrollEvent;

/**
 * Text areas inside the scrolling document swallow the mouse wheel even when they have nothing to
 * scroll vertically; this hands vertical wheel turns on to the document instead, so the pane
 * scrolls wherever the pointer is. Horizontal scrolling stays with the area.
 */
final class Scrolling {
    private Scrolling() {
    }

    /** While {@code when} holds, vertical wheel events over {@code area} scroll {@code document}. */
    static void passVerticalTo(Node area, Node document, BooleanSupplier when) {
        area.addEventFilter(ScrollEvent.SCROLL, e -> {
            if (Math.abs(e.getDeltaY()) > Math.abs(e.getDeltaX()) && when.getAsBoolean()) {
                e.consume();
                Event.fireEvent(document, e.copyFor(document, document));
            }
        });
    }
}
