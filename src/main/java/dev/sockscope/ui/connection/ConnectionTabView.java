package dev.sockscope.ui.connection;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import dev.sockscope.app.TlsInspection;
import dev.sockscope.core.ConnectionState;
import dev.sockscope.core.RecordedConnection;
import dev.sockscope.ui.certificate.CertificateView;
import dev.sockscope.ui.certificate.CertificateViewModel;
import dev.sockscope.ui.handshake.HandshakeView;
import dev.sockscope.ui.common.Icons;
import dev.sockscope.ui.fx.FxThread;
import dev.sockscope.ui.messages.MessageDetailView;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import org.kordamp.ikonli.feather.Feather;

/**
 * One connection tab: URL bar, request options, failure banner, the message log beside the
 * detail and handshake panes, the composer and the status bar.
 */
public final class ConnectionTabView extends BorderPane {
    private final ConnectionTabModel model;
    private final CustomTextField urlField = new CustomTextField();
    private final Button connectButton = new Button();
    private final Circle dot = new Circle(5);
    private final MessageLogView log;
    private final StatusBarView statusBar;
    private final Runnable stopPulse;
    private long lastStatus;
    private static final DateTimeFormatter RECORDED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    public ConnectionTabView(ConnectionTabModel model, Executor background, BooleanProperty relativeTime,
            TlsInspection tlsInspection) {
        this.model = model;
        getStyleClass().add("connection-tab");
        MessageDetailView detail = new MessageDetailView();
        this.log = new MessageLogView(model, background, detail::show);
        log.relativeTimeProperty().bindBidirectional(relativeTime);
        this.statusBar = new StatusBarView(model);

        VBox top;
        if (model.isRecorded()) {
            top = new VBox(recordedBar(), new FailureBanner(model));
        } else {
            RequestOptionsView options = new RequestOptionsView(model);
            options.managedProperty().bind(options.visibleProperty());
            options.setVisible(false);
            top = new VBox(urlBar(options), urlProblem(), options, new FailureBanner(model));
        }
        top.getStyleClass().add("tab-top");

        CertificateView certificates = new CertificateView(new CertificateViewModel(model, tlsInspection, background), background);
        TabPane side = new TabPane(tab("Message", detail), tab("Handshake", new HandshakeView(model)),
                tab("Certificate", certificates));
        side.getStyleClass().add(Styles.TABS_FLOATING);
        SplitPane center = new SplitPane(log, side);
        center.setOrientation(Orientation.HORIZONTAL);
        center.setDividerPositions(0.6);
        SplitPane.setResizableWithParent(side, false);

        setTop(top);
        setCenter(center);
        setBottom(model.isRecorded() ? statusBar : new VBox(new ComposerView(model), statusBar));

        model.stateProperty().addListener((obs, old, now) -> onState(now));
        onState(model.stateProperty().get());
        stopPulse = FxThread.onPulse(this::pulse);
    }

    private static Tab tab(String title, javafx.scene.Node content) {
        Tab tab = new Tab(title, content);
        tab.setClosable(false);
        return tab;
    }

    private HBox urlBar(RequestOptionsView options) {
        urlField.setId("urlField");
        urlField.setPromptText("wss://example.com/socket");
        urlField.setLeft(dot);
        urlField.textProperty().bindBidirectional(model.urlProperty());
        urlField.setOnAction(e -> toggleConnection());
        urlField.getStyleClass().add("url-field");
        HBox.setHgrow(urlField, Priority.ALWAYS);
        dot.getStyleClass().add("state-dot");

        connectButton.setId("connectButton");
        connectButton.setMinWidth(Region.USE_PREF_SIZE);
        connectButton.setPrefWidth(136);
        connectButton.setOnAction(e -> toggleConnection());

        ToggleButton showOptions = new ToggleButton("Request", Icons.of(Feather.SLIDERS));
        showOptions.setTooltip(new Tooltip("Headers, subprotocols, timeout and trust"));
        showOptions.selectedProperty().bindBidirectional(options.visibleProperty());
        showOptions.setMinWidth(Region.USE_PREF_SIZE);

        HBox bar = new HBox(8, urlField, connectButton, showOptions);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(10, 10, 6, 10));
        return bar;
    }

    /** A recorded connection: its URL and when it was recorded, and plainly that it is read-only. */
    private HBox recordedBar() {
        RecordedConnection recorded = model.recorded();
        Label address = new Label(recorded.url(), dot);
        address.getStyleClass().add("recorded-url");
        address.setMinWidth(0);
        HBox.setHgrow(address, Priority.ALWAYS);
        dot.getStyleClass().add("state-dot");
        Label when = new Label(RECORDED_AT.format(Instant.ofEpochSecond(recorded.startedMicros() / 1_000_000,
                recorded.startedMicros() % 1_000_000 * 1000)) + "  \u00b7  " + recorded.session());
        when.getStyleClass().add(Styles.TEXT_MUTED);
        when.setMinWidth(Region.USE_PREF_SIZE);
        Label badge = new Label("Recorded, read-only", Icons.of(Feather.ARCHIVE, 12));
        badge.getStyleClass().add("recorded-badge");
        badge.setMinWidth(Region.USE_PREF_SIZE);
        badge.setTooltip(new Tooltip("Reopened from the recording: exactly what was sent and received. Nothing can be sent."));
        HBox bar = new HBox(10, address, when, badge);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(10, 12, 8, 12));
        return bar;
    }

    private Label urlProblem() {
        Label problem = new Label();
        problem.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
        problem.setPadding(new Insets(0, 12, 4, 12));
        problem.textProperty().bind(model.urlProblemProperty());
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        problem.visibleProperty().bind(problem.managedProperty());
        model.urlProblemProperty().addListener((obs, old, now) -> urlField.pseudoClassStateChanged(Styles.STATE_DANGER,
                !now.isEmpty()));
        return problem;
    }

    private void toggleConnection() {
        if (model.stateProperty().get().isActive()) {
            model.disconnect();
        } else {
            model.connect();
        }
    }

    private void onState(ConnectionState state) {
        StateStyles.apply(dot, state);
        connectButton.getStyleClass().removeAll(Styles.ACCENT, Styles.DANGER);
        switch (state) {
            case CONNECTING -> {
                connectButton.setText("Cancel");
                connectButton.setGraphic(Icons.of(Feather.X));
            }
            case OPEN, CLOSING -> {
                connectButton.setText("Disconnect");
                connectButton.setGraphic(Icons.of(Feather.POWER));
                connectButton.getStyleClass().add(Styles.DANGER);
            }
            default -> {
                connectButton.setText("Connect");
                connectButton.setGraphic(Icons.of(Feather.ZAP));
                connectButton.getStyleClass().add(Styles.ACCENT);
            }
        }
        urlField.setEditable(!state.isActive());
    }

    private void pulse() {
        model.pulse();
        log.pulse();
        long now = System.nanoTime();
        // The status bar's counters change with every message; four updates a second are plenty.
        if (now - lastStatus >= 250_000_000L) {
            lastStatus = now;
            statusBar.refresh();
        }
    }

    /** The tab is closing: stop the pulse and close the connection. */
    public void dispose() {
        stopPulse.run();
        model.dispose();
    }

    public ConnectionTabModel model() {
        return model;
    }

    /** What opens a position of this tab's log in its recorded session (for messages let go from memory). */
    public void setOpenInRecording(java.util.function.IntConsumer handler) {
        log.setOpenInRecording(handler);
    }

    public MessageLogView log() {
        return log;
    }

    public Circle stateDot() {
        return dot;
    }
}
