package dev.sockscope.ui.connection;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import dev.sockscope.app.TlsInspection;
import dev.sockscope.core.CheckRequest;
import dev.sockscope.core.ConnectRequest;
import dev.sockscope.core.ConnectionState;
import dev.sockscope.ui.check.SecurityCheckModel;
import dev.sockscope.ui.check.SecurityCheckView;
import dev.sockscope.ui.common.Icons;
import dev.sockscope.ui.fx.Background;
import javafx.beans.property.BooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
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
 * One connection tab: URL bar, request options, failure banner, the connection's views (log,
 * detail, handshake, certificate, status) and the composer.
 */
public final class ConnectionTabView extends BorderPane {
    private final ClientTabModel model;
    private final CustomTextField urlField = new CustomTextField();
    private final Button connectButton = new Button();
    private final Circle dot = new Circle(5);
    private final ConnectionView connection;
    private final AutoReconnect reconnect;
    /** Brings the detail pane's Security tab to the front. */
    private Runnable showSecurity = () -> { };

    /** The log, detail pane and composer while the tab is behind another (see {@link #setInFront}). */
    private javafx.scene.Node body;

    public ConnectionTabView(ClientTabModel model, Background background, BooleanProperty relativeTime,
            TlsInspection tlsInspection) {
        this.model = model;
        getStyleClass().add("connection-tab");
        this.connection = new ConnectionView(model.connection(), background, relativeTime, tlsInspection, model::pinAndReconnect);
        RequestOptionsView options = new RequestOptionsView(model.request());
        options.managedProperty().bind(options.visibleProperty());
        options.setVisible(false);
        SecurityCheckView check = new SecurityCheckView(new SecurityCheckModel(background, this::checkRequest));
        VBox top = new VBox(urlBar(options, check), urlProblem(),
                new FailureBanner(model.connection(), () -> {
                    // The banner and its button go away: keep the keyboard in this tab (the composer
                    // takes it once the connection opens), not on whatever comes next in the window.
                    connectButton.requestFocus();
                    model.trustRefusedCertificateAndReconnect();
                }));
        top.getStyleClass().add("tab-top");
        setTop(top);

        Runnable showSaved = connection.addSideTab("Saved", new SavedMessagesView(model, background));
        showSecurity = connection.addSideTab("Security", check);
        ComposerView composer = new ComposerView(model, showSaved, background);
        setCenter(withDrawer(logOverComposer(composer), options));
        StatusBarView statusBar = connection.takeStatusBar();
        setBottom(statusBar);
        reconnect = new AutoReconnect(model, (delay, action) -> {
            javafx.animation.PauseTransition wait = new javafx.animation.PauseTransition(
                    javafx.util.Duration.millis(delay.toMillis()));
            wait.setOnFinished(e -> action.run());
            wait.play();
            return wait::stop;
        });
        statusBar.showNotice(reconnect.statusProperty());
        connection.log().setComposerActions(model::resend, frame -> {
            model.edit(frame);
            composer.editor().requestFocus();
            composer.editor().end();
        });
        model.connection().stateProperty().addListener((obs, old, now) -> {
            onState(now);
            if (now == ConnectionState.CONNECTING) {
                // The options were for this connect: out of the log's way once it starts.
                options.setVisible(false);
            } else if (now == ConnectionState.OPEN && old == ConnectionState.CONNECTING && focusIsHere()) {
                // Connected: what comes next is a message, so the keyboard goes to the composer.
                composer.editor().requestFocus();
            }
        });
        onState(model.connection().stateProperty().get());
    }

    /**
     * The log above the composer with a divider between them, so a long message can be given room:
     * the composer starts at its natural height and keeps the height the user gives it when the
     * window is resized (the log takes the change).
     */
    private javafx.scene.control.SplitPane logOverComposer(ComposerView composer) {
        javafx.scene.control.SplitPane split = new javafx.scene.control.SplitPane(connection, composer);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.getStyleClass().add("log-over-composer");
        javafx.scene.control.SplitPane.setResizableWithParent(composer, false);
        composer.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        connection.setMinHeight(140);
        split.heightProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Number> obs, Number old, Number height) {
                if (height.doubleValue() > 0) {
                    split.heightProperty().removeListener(this);
                    double composerHeight = composer.prefHeight(split.getWidth());
                    split.setDividerPositions(Math.max(0.3, 1 - composerHeight / height.doubleValue()));
                }
            }
        });
        return split;
    }

    /**
     * The request options as a drawer over the log, not a panel above it: opening them leaves the
     * log, the composer and the status bar where they are (inline, they pushed the log down to
     * nothing and the status bar off a small window). Scrolls when the window is short; Escape
     * closes it.
     */
    private javafx.scene.layout.StackPane withDrawer(javafx.scene.Node content, RequestOptionsView options) {
        options.managedProperty().unbind();
        options.setManaged(true);
        javafx.scene.control.ScrollPane drawer = new javafx.scene.control.ScrollPane(options);
        drawer.setFitToWidth(true);
        drawer.getStyleClass().add("request-drawer");
        drawer.visibleProperty().bind(options.visibleProperty());
        javafx.scene.layout.StackPane stack = new javafx.scene.layout.StackPane(content, drawer);
        // As tall as the options need, at most three quarters of the tab (then it scrolls).
        drawer.maxHeightProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> Math.min(stack.getHeight() * 0.75, options.prefHeight(stack.getWidth()) + 2),
                stack.heightProperty(), stack.widthProperty(), options.visibleProperty()));
        javafx.scene.layout.StackPane.setAlignment(drawer, Pos.TOP_CENTER);
        drawer.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                options.setVisible(false);
            }
        });
        return stack;
    }

    /** Puts the keyboard in the URL field (a new tab, the app's start). */
    public void focusUrl() {
        if (urlField.getScene() == null) {
            // A tab just added is shown at the next layout: focus it once it is in the window.
            urlField.sceneProperty().addListener(new javafx.beans.value.ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends javafx.scene.Scene> obs,
                        javafx.scene.Scene old, javafx.scene.Scene now) {
                    if (now != null) {
                        urlField.sceneProperty().removeListener(this);
                        focusUrl();
                    }
                }
            });
            return;
        }
        urlField.requestFocus();
        urlField.end();
    }

    /** True when the keyboard is in this tab, or nowhere: a connect never pulls focus from elsewhere. */
    private boolean focusIsHere() {
        if (getScene() == null || getScene().getFocusOwner() == null) {
            return true;
        }
        for (javafx.scene.Node n = getScene().getFocusOwner(); n != null; n = n.getParent()) {
            if (n == this) {
                return true;
            }
        }
        return false;
    }

    /** The tab's request as the security check asks it: the same URL, headers, subprotocols, timeout and trust. */
    private CheckRequest checkRequest(long messageSize) {
        ConnectRequest asked = model.request().build();
        return new CheckRequest(asked.url(), asked.headers(), asked.subprotocols(), asked.trust(), null, messageSize,
                asked.timeout());
    }

    private HBox urlBar(RequestOptionsView options, SecurityCheckView check) {
        urlField.setId("urlField");
        urlField.setPromptText("wss://example.com/socket");
        urlField.setLeft(dot);
        urlField.textProperty().bindBidirectional(model.request().urlProperty());
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

        Button checkButton = new Button("Check", Icons.of(Feather.SHIELD));
        checkButton.setId("checkSecurityButton");
        checkButton.setTooltip(new Tooltip("Security check of this endpoint: TLS, certificate, plaintext, Origin,"
                + " credentials, headers"));
        checkButton.setMinWidth(Region.USE_PREF_SIZE);
        checkButton.disableProperty().bind(check.model().runningProperty());
        checkButton.setOnAction(e -> {
            showSecurity.run();
            check.model().run();
        });

        HBox bar = new HBox(8, urlField, connectButton, showOptions, checkButton);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(10, 10, 6, 10));
        return bar;
    }

    private Label urlProblem() {
        Label problem = new Label();
        problem.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
        problem.setPadding(new Insets(0, 12, 4, 12));
        problem.textProperty().bind(model.request().urlProblemProperty());
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        problem.visibleProperty().bind(problem.managedProperty());
        model.request().urlProblemProperty().addListener((obs, old, now) -> urlField.pseudoClassStateChanged(
                Styles.STATE_DANGER, !now.isEmpty()));
        return problem;
    }

    private void toggleConnection() {
        reconnect.cancel();
        if (model.connection().stateProperty().get().isActive()) {
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
                connectButton.setTooltip(new Tooltip("Stop connecting"));
                connectButton.setGraphic(Icons.of(Feather.X));
            }
            case OPEN, CLOSING -> {
                connectButton.setText("Disconnect");
                connectButton.setTooltip(new Tooltip("Close the connection normally (1000). To close with another code"
                        + " or a reason, use Close under the composer."));
                connectButton.setGraphic(Icons.of(Feather.POWER));
                connectButton.getStyleClass().add(Styles.DANGER);
            }
            default -> {
                connectButton.setText("Connect");
                connectButton.setTooltip(new Tooltip("Connect (Enter in the URL field)"));
                connectButton.setGraphic(Icons.of(Feather.ZAP));
                connectButton.getStyleClass().add(Styles.ACCENT);
            }
        }
        urlField.setEditable(!state.isActive());
    }

    /** The tab is closing: stop its views and close the connection. */
    public void dispose() {
        reconnect.cancel();
        connection.dispose();
        model.dispose();
    }

    /**
     * A tab behind another takes its log, detail pane and composer out of the scene graph (its
     * URL bar and status bar stay): JavaFX visits every node of a scene on every pulse, so twenty
     * tabs' tables would cost the window at every frame. The nodes are kept and come back as they were.
     */
    public void setInFront(boolean front) {
        if (front && getCenter() == null && body != null) {
            setCenter(body);
        } else if (!front && getCenter() != null) {
            body = getCenter();
            setCenter(null);
        }
    }

    public ClientTabModel model() {
        return model;
    }

    /** What opens a position of this tab's log in its recorded session (for messages let go from memory). */
    public void setOpenInRecording(java.util.function.IntConsumer handler) {
        connection.log().setOpenInRecording(handler);
    }

    public MessageLogView log() {
        return connection.log();
    }

    public ConnectionView connectionView() {
        return connection;
    }

    public Circle stateDot() {
        return dot;
    }
}
