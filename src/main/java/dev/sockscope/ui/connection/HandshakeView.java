package dev.sockscope.ui.connection;

import atlantafx.base.theme.Styles;
import dev.sockscope.core.Failure;
import dev.sockscope.core.Handshake;
import dev.sockscope.core.SessionEvent;
import dev.sockscope.core.Timings;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The upgrade request and response exactly as they crossed the wire, with step timings. The
 * fuller handshake and certificate viewer builds on this.
 */
public final class HandshakeView extends VBox {
    private final Label timings = new Label();
    private final TextArea raw = new TextArea();

    public HandshakeView(ConnectionTabModel model) {
        setId("handshakeView");
        setSpacing(6);
        setPadding(new Insets(8));
        timings.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        timings.setWrapText(true);
        raw.setEditable(false);
        raw.getStyleClass().add("mono");
        raw.setPromptText("The upgrade request and response appear here once a connection is made.");
        VBox.setVgrow(raw, Priority.ALWAYS);
        getChildren().addAll(timings, raw);
        model.openedProperty().addListener((obs, old, now) -> {
            if (now != null) {
                show(now.handshake(), now.timings());
            }
        });
        model.failureProperty().addListener((obs, old, now) -> {
            Failure f = now;
            if (f != null && f.handshake() != null) {
                show(f.handshake(), null);
            }
        });
        SessionEvent.Opened current = model.openedProperty().get();
        if (current != null) {
            show(current.handshake(), current.timings());
        }
    }

    private void show(Handshake handshake, Timings t) {
        String body = handshake.bodyText();
        raw.setText(handshake.requestHead().replace("\r\n", "\n") + "\n" + handshake.responseHead().replace("\r\n", "\n")
                + body);
        timings.setText(t == null ? "" : String.format(Locale.ROOT, "DNS %s · TCP %s · TLS %s · upgrade %s · total %s",
                ms(t.dnsMicros()), ms(t.tcpMicros()), ms(t.tlsMicros()), ms(t.upgradeMicros()), ms(t.totalMicros())));
    }

    private static String ms(long micros) {
        return micros < 0 ? "—" : String.format(Locale.ROOT, "%.1f ms", micros / 1000.0);
    }
}
