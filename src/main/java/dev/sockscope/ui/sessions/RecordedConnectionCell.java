package dev.sockscope.ui.sessions;

import atlantafx.base.theme.Styles;
import dev.sockscope.core.CloseCode;
import dev.sockscope.core.ConnectionState;
import dev.sockscope.core.RecordedConnection;
import dev.sockscope.core.SessionEvent;
import dev.sockscope.ui.connection.StateStyles;
import java.time.Instant;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;

/** One recorded connection in a session's list: a state dot, the URL, when it started, its messages and how it ended. */
final class RecordedConnectionCell extends ListCell<RecordedConnection> {
    private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter
            .ofPattern("HH:mm:ss", Locale.ROOT).withZone(java.time.ZoneId.systemDefault());

    private final Circle dot = new Circle(4);
    private final Label url = new Label();
    private final Label facts = new Label();
    private final VBox box = new VBox(2, new HBox(6, dot, url), facts);
    private final java.util.function.LongPredicate recordingNow;

    RecordedConnectionCell(java.util.function.LongPredicate recordingNow) {
        this.recordingNow = recordingNow;
        dot.getStyleClass().add("state-dot");
        ((HBox) box.getChildren().get(0)).setAlignment(Pos.CENTER_LEFT);
        facts.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        url.setMinWidth(0);
        facts.setMinWidth(0);
        // Cells as wide as the list, cut with an ellipsis, never a horizontal scroll bar.
        setPrefWidth(0);
    }

    @Override
    protected void updateItem(RecordedConnection item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setGraphic(null);
            return;
        }
        url.setText(item.url().replaceFirst("^wss?://", ""));
        facts.setText(TIME.format(Instant.ofEpochMilli(item.startedMicros() / 1000)) + "  \u00b7  "
                + String.format(Locale.ROOT, "%,d msgs", item.frames()) + "  \u00b7  " + ending(item));
        boolean open = item.end() == null && recordingNow.test(item.id());
        StateStyles.apply(dot, item.end() instanceof SessionEvent.Failed ? ConnectionState.FAILED
                : open ? ConnectionState.OPEN : ConnectionState.CLOSED);
        setGraphic(box);
    }

    private String ending(RecordedConnection item) {
        if (item.end() instanceof SessionEvent.Closed c) {
            return c.code() + " " + CloseCode.describe(c.code());
        }
        if (item.end() instanceof SessionEvent.Failed f) {
            return f.failure().message();
        }
        if (item.end() instanceof SessionEvent.NotUpgraded n) {
            return n.what();
        }
        // Open in a tab of this app (it kept its session when the session was switched), or the
        // app that recorded it ended while it was open.
        return recordingNow.test(item.id()) ? "still open, recording (as of this list)" : "recording stopped while open";
    }
}
