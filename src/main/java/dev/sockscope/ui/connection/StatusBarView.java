package dev.sockscope.ui.connection;

import atlantafx.base.theme.Styles;
import dev.sockscope.core.Bytes;
import dev.sockscope.core.CloseCode;
import dev.sockscope.core.ConnectionState;
import dev.sockscope.core.SessionEvent;
import dev.sockscope.ui.common.Icons;
import dev.sockscope.ui.model.ConnectionModel;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;
import org.kordamp.ikonli.feather.Feather;

/** State, messages and bytes each way, duration, and the close code and reason once closed. */
public final class StatusBarView extends HBox {
    private final ConnectionModel model;
    private final Label state = new Label();
    private final Circle dot = new Circle(4.5);
    private final Label sent = new Label();
    private final Label received = new Label();
    private final Label duration = new Label();
    private final Label detail = new Label();
    private final Label session = new Label();

    public StatusBarView(ConnectionModel model) {
        this.model = model;
        setId("statusBar");
        getStyleClass().add("status-bar");
        setSpacing(16);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(4, 10, 4, 10));
        dot.getStyleClass().add("state-dot");
        state.setGraphic(dot);
        sent.setGraphic(Icons.of(Feather.ARROW_UP_RIGHT, 12));
        received.setGraphic(Icons.of(Feather.ARROW_DOWN_LEFT, 12));
        duration.setGraphic(Icons.of(Feather.CLOCK, 12));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        detail.getStyleClass().add(Styles.TEXT_MUTED);
        for (Label l : new Label[] {state, sent, received, duration, detail}) {
            l.getStyleClass().add(Styles.TEXT_SMALL);
            l.setMinWidth(Region.USE_PREF_SIZE);
        }
        detail.setMinWidth(0);
        // Which session this connection records into: a session switch leaves open connections where they started.
        session.setId("recordingSession");
        session.setGraphic(Icons.of(Feather.DATABASE, 12));
        session.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        session.setMinWidth(Region.USE_PREF_SIZE);
        session.textProperty().bind(model.sessionProperty());
        session.visibleProperty().bind(model.sessionProperty().isNotEmpty());
        session.managedProperty().bind(session.visibleProperty());
        session.setTooltip(new javafx.scene.control.Tooltip("The session this connection is recorded into"));
        getChildren().addAll(state, sent, received, duration, session, spacer, detail);
        model.stateProperty().addListener((obs, old, now) -> refresh());
        refresh();
    }

    /** Shows what the tab says beside the state (a planned reconnect), when it says anything. */
    public void showNotice(javafx.beans.value.ObservableStringValue notice) {
        Label label = new Label();
        label.setId("tabNotice");
        label.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.WARNING);
        label.setGraphic(Icons.of(Feather.REFRESH_CW, 12));
        label.setMinWidth(Region.USE_PREF_SIZE);
        label.textProperty().bind(notice);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        getChildren().add(1, label);
    }

    /** Called once per pulse by the tab. */
    public void refresh() {
        ConnectionState s = model.stateProperty().get();
        state.setText(stateText(s));
        StateStyles.apply(dot, s);
        sent.setText(String.format(Locale.ROOT, "%,d sent · %s", model.sentCountProperty().get(),
                Bytes.humanSize(model.sentBytesProperty().get())));
        received.setText(String.format(Locale.ROOT, "%,d received · %s", model.receivedCountProperty().get(),
                Bytes.humanSize(model.receivedBytesProperty().get())));
        long seconds = model.durationMillis() / 1000;
        duration.setText(String.format(Locale.ROOT, "%02d:%02d:%02d", seconds / 3600, (seconds / 60) % 60, seconds % 60));
        detail.setText(detailText());
    }

    private static String stateText(ConnectionState s) {
        return switch (s) {
            case IDLE -> "Not connected";
            case CONNECTING -> "Connecting…";
            case OPEN -> "Open";
            case CLOSING -> "Closing…";
            case CLOSED -> "Closed";
            case FAILED -> "Failed";
        };
    }

    private String detailText() {
        SessionEvent.Closed closed = model.closedProperty().get();
        if (closed != null) {
            return "closed " + closed.code() + " " + CloseCode.describe(closed.code())
                    + (closed.reason().isEmpty() ? "" : ": " + closed.reason())
                    + switch (closed.closedBy()) {
                        case SERVER -> " (by the server)";
                        case CLIENT -> " (by the client)";
                        case PROXY -> " (by Sockscope's proxy)";
                    };
        }
        if (model.failureProperty().get() != null) {
            return model.failureProperty().get().message();
        }
        SessionEvent.Opened opened = model.openedProperty().get();
        if (opened != null) {
            String protocol = opened.subprotocol().isEmpty() ? "no subprotocol" : "subprotocol " + opened.subprotocol();
            String tls = opened.tls() == null ? "plain ws://" : opened.tls().protocol() + " " + opened.tls().cipherSuite();
            return protocol + " · " + tls;
        }
        return "";
    }
}
