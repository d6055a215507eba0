package dev.sockscope.ui.connection;

import dev.sockscope.app.TabConnections;
import dev.sockscope.app.TabState;
import dev.sockscope.core.CloseCode;
import dev.sockscope.core.ConnectRequest;
import dev.sockscope.core.Connection;
import dev.sockscope.core.ConnectionState;
import dev.sockscope.core.Failure;
import dev.sockscope.ui.fx.UiThread;
import dev.sockscope.ui.model.ConnectionModel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A connection tab: the request being edited, the connection it opened (shown through a
 * {@link ConnectionModel}, like any other connection), and the composer. Its commands connect,
 * send, ping and close; none does I/O on the caller's thread: the connection works on its own
 * threads and what it does comes back through the app's live-connections list.
 */
public final class ClientTabModel {
    private final TabConnections connections;
    private final RequestEditorModel request = new RequestEditorModel();
    private final ComposerModel composer = new ComposerModel();
    private final ConnectionModel connection;
    private final StringProperty actionProblem = new SimpleStringProperty("");
    private final javafx.collections.ObservableList<TabState.SavedMessage> saved =
            javafx.collections.FXCollections.observableArrayList();
    private final javafx.collections.ObservableList<TabState.SavedMessage> shared;
    private Connection open;
    /** The user ended the connection (disconnect, close, cancel): it is not to be reconnected. */
    private boolean endedByUser;

    /** A tab whose saved messages are its own only. */
    public ClientTabModel(TabConnections connections, UiThread ui) {
        this(connections, ui, javafx.collections.FXCollections.observableArrayList());
    }

    /** @param shared the saved messages every tab of the window offers (the window's one list) */
    public ClientTabModel(TabConnections connections, UiThread ui,
            javafx.collections.ObservableList<TabState.SavedMessage> shared) {
        this.connections = connections;
        this.connection = new ConnectionModel(ui);
        this.shared = shared;
    }

    // ---- commands ----

    /** Connects with the request as edited; returns false (and says why) when the request is invalid. */
    public boolean connect() {
        if (connection.stateProperty().get().isActive()) {
            return false;
        }
        ConnectRequest asked;
        try {
            asked = request.build();
        } catch (IllegalArgumentException e) {
            request.urlProblemProperty().set(e.getMessage());
            return false;
        }
        request.urlProperty().set(asked.url().toString());
        actionProblem.set("");
        endedByUser = false;
        releaseCurrent();
        try {
            TabConnections.Opened opened = connections.open(asked);
            open = opened.connection();
            connection.follow(opened.live(), asked);
        } catch (RuntimeException e) {
            request.urlProblemProperty().set(e.getMessage());
            return false;
        }
        return true;
    }

    /**
     * Pins the certificate the server was refused for (this tab only) and connects again: the
     * explicit, visible exception the failure banner offers. Returns false when there is none.
     */
    public boolean trustRefusedCertificateAndReconnect() {
        Failure refused = connection.failureProperty().get();
        if (refused == null || !refused.kind().isTls() || refused.leafSha256().isEmpty()) {
            return false;
        }
        request.pin(refused.leafSha256().get());
        return connect();
    }

    /** Pins this leaf for the tab and connects again (disconnecting first when open). */
    public boolean pinAndReconnect(String fingerprint) {
        request.pin(fingerprint);
        if (connection.stateProperty().get().isActive()) {
            disconnect();
            return true;
        }
        return connect();
    }

    /** Disconnect: a normal close when open, a cancel while connecting. */
    public void disconnect() {
        endedByUser = true;
        if (open == null) {
            return;
        }
        ConnectionState state = connection.stateProperty().get();
        if (state == ConnectionState.OPEN) {
            close(CloseCode.NORMAL.code(), "");
        } else if (state == ConnectionState.CONNECTING) {
            open.abort();
        }
    }

    /** Sends the composer's draft in its mode; problems are reported, never thrown. */
    public boolean send() {
        LargeDraft large = composer.largeProperty().get();
        if (large != null) {
            return act(() -> {
                if (large.text()) {
                    open.sendText(new String(large.bytes(), java.nio.charset.StandardCharsets.UTF_8));
                } else {
                    open.sendBinary(large.bytes());
                }
            });
        }
        ComposerMode mode = composer.modeProperty().get();
        String draft = composer.draftProperty().get();
        composer.validate();
        if (!composer.problemProperty().get().isEmpty()) {
            actionProblem.set("Not sent: " + composer.problemProperty().get());
            return false;
        }
        return act(() -> {
            if (mode.isBinary()) {
                open.sendBinary(mode.encode(draft));
            } else {
                open.sendText(draft);
            }
            composer.remember(draft);
        });
    }

    /** True when the connection ended because the user asked (not to be reconnected). */
    boolean endedByUser() {
        return endedByUser;
    }

    /** Sends a logged message again as it was (text or binary); the draft is left alone. */
    public boolean resend(dev.sockscope.core.Frame frame) {
        byte[] payload = frame.payload();
        return act(() -> {
            if (frame.opcode() == dev.sockscope.core.Opcode.BINARY) {
                open.sendBinary(payload);
            } else {
                open.sendText(frame.text());
            }
        });
    }

    /** Puts a logged message into the composer to be edited: as JSON or text, or as hex when it is binary. */
    public void edit(dev.sockscope.core.Frame frame) {
        if (frame.opcode() == dev.sockscope.core.Opcode.BINARY) {
            composer.modeProperty().set(ComposerMode.HEX);
            composer.draftProperty().set(dev.sockscope.core.Bytes.hex(frame.payload()));
            return;
        }
        String text = frame.text();
        boolean json = text.startsWith("{") || text.startsWith("[");
        composer.modeProperty().set(json ? ComposerMode.JSON : ComposerMode.TEXT);
        composer.draftProperty().set(text);
    }

    /** Sends a ping whose payload is this text (UTF-8), at most 125 bytes. */
    public boolean ping(String payload) {
        return act(() -> open.ping(payload.getBytes(StandardCharsets.UTF_8)));
    }

    public boolean close(int code, String reason) {
        if (!CloseCode.isSendable(code)) {
            actionProblem.set("Close code " + code + " cannot be sent: use 1000-1003, 1007-1014 or 3000-4999");
            return false;
        }
        endedByUser = true;
        boolean ok = act(() -> open.close(code, reason));
        if (ok) {
            connection.markClosing();
        }
        return ok;
    }

    private boolean act(Runnable command) {
        if (open == null || connection.stateProperty().get() != ConnectionState.OPEN) {
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

    /** Closes the connection when the tab goes away, and lets it go. */
    public void dispose() {
        if (open != null && connection.stateProperty().get().isActive()) {
            if (connection.stateProperty().get() == ConnectionState.OPEN) {
                open.close(CloseCode.GOING_AWAY.code(), "tab closed");
            } else {
                open.abort();
            }
        }
        connection.stopFollowing();
        releaseCurrent();
    }

    private void releaseCurrent() {
        if (open != null) {
            connections.release(open.id());
        }
    }

    // ---- persistence ----

    public TabState toState() {
        return new TabState(request.urlProperty().get(), List.of(request.headerRows()), request.subprotocolsProperty().get(),
                request.timeoutSecondsProperty().get(), request.caFileProperty().get(), List.copyOf(request.pins()),
                composer.draftProperty().get(), composer.modeProperty().get().key(), List.copyOf(saved),
                request.autoReconnectProperty().get(), request.offerDeflateProperty().get());
    }

    public void restore(TabState saved) {
        request.restore(saved);
        composer.modeProperty().set(ComposerMode.byKey(saved.draftMode()));
        composer.draftProperty().set(saved.draft());
        this.saved.setAll(saved.saved());
    }

    // ---- saved messages ----

    /** The tab's saved messages, in order; kept with the tab across launches. */
    public javafx.collections.ObservableList<TabState.SavedMessage> saved() {
        return saved;
    }

    /** The saved messages every tab offers; kept with the window's settings. */
    public javafx.collections.ObservableList<TabState.SavedMessage> shared() {
        return shared;
    }

    /**
     * Saves the draft under {@code name} (the draft's start when blank), replacing a saved message
     * of the same name; false (and said) when the draft is empty.
     */
    public boolean saveDraft(String name) {
        return saveDraft(name, saved);
    }

    /** Like {@link #saveDraft(String)}, into {@code into}: this tab's list or the shared one. */
    public boolean saveDraft(String name, java.util.List<TabState.SavedMessage> into) {
        String draft = composer.draftProperty().get();
        if (draft.isBlank()) {
            actionProblem.set("Nothing to save: the composer is empty");
            return false;
        }
        String title = name == null || name.isBlank() ? SavedMessages.nameFor(draft) : name.strip();
        TabState.SavedMessage message = new TabState.SavedMessage(title, composer.modeProperty().get().key(), draft);
        for (int i = 0; i < into.size(); i++) {
            if (into.get(i).name().equals(title)) {
                into.set(i, message);
                return true;
            }
        }
        into.add(message);
        return true;
    }

    /** Puts a saved message into the composer (its mode and text). */
    public void load(TabState.SavedMessage message) {
        composer.modeProperty().set(ComposerMode.byKey(message.mode()));
        composer.draftProperty().set(message.text());
    }

    /** Sends a saved message as it is, leaving the draft alone; false (and said) when it cannot be sent. */
    public boolean sendSaved(TabState.SavedMessage message) {
        ComposerMode mode = ComposerMode.byKey(message.mode());
        // The composer's own check: what it would refuse to send, a saved message is refused for too.
        String problem = ComposerModel.check(message.text(), mode);
        if (!problem.isEmpty()) {
            actionProblem.set("Not sent: \"" + message.name() + "\" is not valid " + mode.key() + ": " + problem);
            return false;
        }
        byte[] bytes = mode.encode(message.text());
        return act(() -> {
            if (mode.isBinary()) {
                open.sendBinary(bytes);
            } else {
                open.sendText(message.text());
            }
        });
    }

    // ---- parts ----

    public RequestEditorModel request() {
        return request;
    }

    public ComposerModel composer() {
        return composer;
    }

    /** The connection the tab shows (its latest connect). */
    public ConnectionModel connection() {
        return connection;
    }

    public StringProperty actionProblemProperty() {
        return actionProblem;
    }
}
