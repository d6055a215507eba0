package dev.sockscope.ui.connection;

import dev.sockscope.app.ConnectionService;
import dev.sockscope.app.FrameLog;
import dev.sockscope.app.TabState;
import dev.sockscope.core.CloseCode;
import dev.sockscope.core.ConnectRequest;
import dev.sockscope.core.Connection;
import dev.sockscope.core.ConnectionState;
import dev.sockscope.core.Direction;
import dev.sockscope.core.Failure;
import dev.sockscope.core.Header;
import dev.sockscope.core.RecordedConnection;
import dev.sockscope.core.SessionEvent;
import dev.sockscope.core.TrustOptions;
import dev.sockscope.core.WsUrl;
import dev.sockscope.ui.fx.FxThread;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The state and commands of one connection tab. The view binds to it and calls its commands; it
 * never does I/O itself: opening, sending and closing are handed to the connection, whose events
 * come back from I/O threads. Frames go straight into the packed {@link FrameLog}; everything
 * else is applied on the FX thread. {@link #pulse()} publishes new frames and counters once per
 * frame.
 */
public final class ConnectionTabModel {
    private final ConnectionService connections;
    private final FrameLog log;

    private final StringProperty url = new SimpleStringProperty("");
    private final StringProperty urlProblem = new SimpleStringProperty("");
    private final ObservableList<HeaderRowModel> headers = FXCollections.observableArrayList();
    private final StringProperty subprotocols = new SimpleStringProperty("");
    private final IntegerProperty timeoutSeconds = new SimpleIntegerProperty(10);
    private final StringProperty caFile = new SimpleStringProperty("");
    private final ObservableList<String> pins = FXCollections.observableArrayList();
    private final ComposerModel composer = new ComposerModel();

    private final ReadOnlyObjectWrapper<ConnectionState> state = new ReadOnlyObjectWrapper<>(ConnectionState.IDLE);
    private final ObjectProperty<Failure> failure = new SimpleObjectProperty<>();
    private final ObjectProperty<SessionEvent.Opened> opened = new SimpleObjectProperty<>();
    private final ObjectProperty<SessionEvent.Closed> closed = new SimpleObjectProperty<>();
    private final StringProperty actionProblem = new SimpleStringProperty("");
    private final LongProperty sentCount = new SimpleLongProperty();
    private final LongProperty sentBytes = new SimpleLongProperty();
    private final LongProperty receivedCount = new SimpleLongProperty();
    private final LongProperty receivedBytes = new SimpleLongProperty();

    private Connection connection;
    private ConnectRequest lastRequest;
    /** Set for a connection reopened from the recording: shown, never connected. */
    private RecordedConnection recorded;
    private long generation;
    private long connectStartedMillis;
    private long endedMillis;

    public ConnectionTabModel(ConnectionService connections) {
        this(connections, new FrameLog());
    }

    /** With a log of this capacity (tests use a small one to see frames let go). */
    public ConnectionTabModel(ConnectionService connections, FrameLog log) {
        this.connections = connections;
        this.log = log;
        url.addListener((obs, old, now) -> urlProblem.set(""));
    }

    /**
     * A read-only model of a recorded connection: its upgrade, TLS session and end as recorded.
     * The caller streams the recorded frames into {@link #log()} (from any thread).
     */
    public static ConnectionTabModel recorded(ConnectionService connections, RecordedConnection connection) {
        ConnectionTabModel model = new ConnectionTabModel(connections);
        model.recorded = connection;
        model.url.set(connection.url());
        try {
            model.lastRequest = new ConnectRequest(WsUrl.parse(connection.url()), List.of(), List.of(),
                    Duration.ofSeconds(10), TrustOptions.DEFAULT);
        } catch (IllegalArgumentException notAWebSocketUrl) {
            model.lastRequest = null;
        }
        model.connectStartedMillis = Math.max(1, connection.startedMicros() / 1000);
        model.endedMillis = Math.max(model.connectStartedMillis, connection.lastMicros() / 1000);
        model.opened.set(connection.opened());
        if (connection.opened() != null) {
            model.state.set(ConnectionState.OPEN);
        }
        if (connection.end() instanceof SessionEvent.Closed c) {
            model.closed.set(c);
            model.state.set(ConnectionState.CLOSED);
        } else if (connection.end() instanceof SessionEvent.Failed f) {
            model.failure.set(f.failure());
            model.state.set(ConnectionState.FAILED);
        } else {
            // Recording stopped while it was open: show it ended, not live.
            model.state.set(ConnectionState.CLOSED);
        }
        return model;
    }

    /** The id of the latest live connection (the one the log shows), or -1 before the first connect. */
    public long connectionId() {
        return connection == null ? -1 : connection.id();
    }

    /** The recorded connection this model shows, or null for a live tab. */
    public RecordedConnection recorded() {
        return recorded;
    }

    public boolean isRecorded() {
        return recorded != null;
    }

    // ---- commands ----

    /** Connects with the request as edited; returns false (and says why) when the request is invalid. */
    public boolean connect() {
        if (recorded != null || state.get().isActive()) {
            return false;
        }
        ConnectRequest request;
        try {
            request = buildRequest();
        } catch (IllegalArgumentException e) {
            urlProblem.set(e.getMessage());
            return false;
        }
        url.set(request.url().toString());
        log.clear();
        failure.set(null);
        opened.set(null);
        closed.set(null);
        actionProblem.set("");
        state.set(ConnectionState.CONNECTING);
        connectStartedMillis = System.currentTimeMillis();
        endedMillis = 0;
        lastRequest = request;
        long current = ++generation;
        connection = connections.open(request, event -> onEvent(current, event));
        return true;
    }

    ConnectRequest buildRequest() {
        WsUrl target = WsUrl.parse(url.get());
        List<Header> list = new ArrayList<>();
        for (HeaderRowModel row : headers) {
            if (row.enabledProperty().get() && !row.nameProperty().get().isBlank()) {
                String name = row.nameProperty().get().strip();
                if (!Header.isToken(name)) {
                    throw new IllegalArgumentException("header name '" + name + "' has characters a header name cannot have");
                }
                list.add(new Header(name, row.valueProperty().get().strip()));
            }
        }
        List<String> protocols = Arrays.stream(subprotocols.get().split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        Set<String> fingerprints = new LinkedHashSet<>();
        pins.forEach(p -> fingerprints.add(TrustOptions.normalizeFingerprint(p)));
        Path ca = caFile.get().isBlank() ? null : Path.of(caFile.get().strip());
        return new ConnectRequest(target, list, protocols, Duration.ofSeconds(Math.max(1, timeoutSeconds.get())),
                new TrustOptions(ca, fingerprints));
    }

    /**
     * Pins the certificate the server was refused for (this tab only) and connects again: the
     * explicit, visible exception the failure banner offers. Returns false when there is none.
     */
    public boolean trustRefusedCertificateAndReconnect() {
        Failure refused = failure.get();
        if (refused == null || !refused.kind().isTls() || refused.leafSha256().isEmpty()) {
            return false;
        }
        String fingerprint = refused.leafSha256().get();
        if (!pins.contains(fingerprint)) {
            pins.add(fingerprint);
        }
        return connect();
    }

    /** Disconnect: a normal close when open, a cancel while connecting. */
    public void disconnect() {
        if (connection == null) {
            return;
        }
        if (state.get() == ConnectionState.OPEN) {
            close(CloseCode.NORMAL.code(), "");
        } else if (state.get() == ConnectionState.CONNECTING) {
            connection.abort();
        }
    }

    /** Sends the composer's draft in its mode; problems are reported, never thrown. */
    public boolean send() {
        ComposerMode mode = composer.modeProperty().get();
        String draft = composer.draftProperty().get();
        composer.validate();
        if (!composer.problemProperty().get().isEmpty()) {
            actionProblem.set("Not sent: " + composer.problemProperty().get());
            return false;
        }
        return act(() -> {
            if (mode.isBinary()) {
                connection.sendBinary(mode.encode(draft));
            } else {
                connection.sendText(draft);
            }
            composer.remember(draft);
        });
    }

    /** Sends a ping whose payload is this text (UTF-8), at most 125 bytes. */
    public boolean ping(String payload) {
        return act(() -> connection.ping(payload.getBytes(StandardCharsets.UTF_8)));
    }

    public boolean close(int code, String reason) {
        if (!CloseCode.isSendable(code)) {
            actionProblem.set("Close code " + code + " cannot be sent: use 1000-1003, 1007-1014 or 3000-4999");
            return false;
        }
        boolean ok = act(() -> connection.close(code, reason));
        if (ok) {
            state.set(ConnectionState.CLOSING);
        }
        return ok;
    }

    private boolean act(Runnable command) {
        if (connection == null || state.get() != ConnectionState.OPEN) {
            actionProblem.set("Not connected: connect first");
            return false;
        }
        try {
            command.run();
            actionProblem.set("");
            return true;
        } catch (IllegalArgumentException | IllegalStateException e) {
            actionProblem.set(e.getMessage());
            return false;
        }
    }

    /** Closes the connection when the tab goes away. */
    public void dispose() {
        if (connection != null && state.get().isActive()) {
            if (state.get() == ConnectionState.OPEN) {
                connection.close(CloseCode.GOING_AWAY.code(), "tab closed");
            } else {
                connection.abort();
            }
        }
        generation++;
    }

    // ---- events (I/O threads) ----

    private void onEvent(long eventGeneration, SessionEvent event) {
        if (event instanceof SessionEvent.FrameEvent f) {
            log.append(f.frame());
            return;
        }
        FxThread.run(() -> {
            if (eventGeneration == generation) {
                apply(event);
            }
        });
    }

    private void apply(SessionEvent event) {
        if (event instanceof SessionEvent.Opened o) {
            opened.set(o);
            state.set(ConnectionState.OPEN);
        } else if (event instanceof SessionEvent.Closed c) {
            closed.set(c);
            endedMillis = System.currentTimeMillis();
            state.set(ConnectionState.CLOSED);
        } else if (event instanceof SessionEvent.Failed f) {
            failure.set(f.failure());
            endedMillis = System.currentTimeMillis();
            state.set(f.failure().kind() == dev.sockscope.core.FailureKind.CANCELLED ? ConnectionState.CLOSED : ConnectionState.FAILED);
        }
        pulse();
    }

    /** Publishes what the I/O threads appended since the last pulse. FX thread only. */
    public void pulse() {
        sentCount.set(log.count(Direction.SEND));
        sentBytes.set(log.bytes(Direction.SEND));
        receivedCount.set(log.count(Direction.RECEIVE));
        receivedBytes.set(log.bytes(Direction.RECEIVE));
    }

    /** Milliseconds since connecting began, frozen when the connection ended; 0 before the first connect. */
    public long durationMillis() {
        if (connectStartedMillis == 0) {
            return 0;
        }
        long end = endedMillis != 0 ? endedMillis : System.currentTimeMillis();
        return end - connectStartedMillis;
    }

    // ---- persistence ----

    public TabState toState() {
        List<TabState.HeaderRow> rows = headers.stream().filter(h -> !h.isBlank())
                .map(h -> new TabState.HeaderRow(h.nameProperty().get(), h.valueProperty().get(), h.enabledProperty().get()))
                .toList();
        return new TabState(url.get(), rows, subprotocols.get(), timeoutSeconds.get(), caFile.get(), List.copyOf(pins),
                composer.draftProperty().get(), composer.modeProperty().get().key());
    }

    public void restore(TabState saved) {
        url.set(saved.url());
        headers.setAll(saved.headers().stream().map(h -> new HeaderRowModel(h.name(), h.value(), h.enabled())).toList());
        subprotocols.set(saved.subprotocols());
        timeoutSeconds.set(saved.timeoutSeconds());
        caFile.set(saved.caFile());
        pins.setAll(saved.pins());
        composer.modeProperty().set(ComposerMode.byKey(saved.draftMode()));
        composer.draftProperty().set(saved.draft());
    }

    // ---- properties ----

    /** The request of the latest connect: its host and trust explain the certificate verdict. */
    public ConnectRequest lastRequest() {
        return lastRequest;
    }

    public FrameLog log() {
        return log;
    }

    public StringProperty urlProperty() {
        return url;
    }

    public StringProperty urlProblemProperty() {
        return urlProblem;
    }

    public ObservableList<HeaderRowModel> headers() {
        return headers;
    }

    public StringProperty subprotocolsProperty() {
        return subprotocols;
    }

    public IntegerProperty timeoutSecondsProperty() {
        return timeoutSeconds;
    }

    public StringProperty caFileProperty() {
        return caFile;
    }

    public ObservableList<String> pins() {
        return pins;
    }

    public ComposerModel composer() {
        return composer;
    }

    public ReadOnlyObjectProperty<ConnectionState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ObjectProperty<Failure> failureProperty() {
        return failure;
    }

    public ObjectProperty<SessionEvent.Opened> openedProperty() {
        return opened;
    }

    public ObjectProperty<SessionEvent.Closed> closedProperty() {
        return closed;
    }

    public StringProperty actionProblemProperty() {
        return actionProblem;
    }

    public LongProperty sentCountProperty() {
        return sentCount;
    }

    public LongProperty sentBytesProperty() {
        return sentBytes;
    }

    public LongProperty receivedCountProperty() {
        return receivedCount;
    }

    public LongProperty receivedBytesProperty() {
        return receivedBytes;
    }
}
