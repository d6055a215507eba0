package dev.sockscope.ui.model;

import dev.sockscope.app.FrameLog;
import dev.sockscope.app.LiveConnection;
import dev.sockscope.core.ConnectRequest;
import dev.sockscope.core.ConnectionState;
import dev.sockscope.core.Direction;
import dev.sockscope.core.Failure;
import dev.sockscope.core.RecordedConnection;
import dev.sockscope.core.SessionEvent;
import dev.sockscope.core.TrustOptions;
import dev.sockscope.core.WsUrl;
import dev.sockscope.ui.fx.UiThread;
import java.time.Duration;
import java.util.List;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection as the views show it, read-only: where it goes, how far it got (opened, closed,
 * failed), its frames and counters. The same model serves a tab's live connection, a proxied
 * connection, and one reopened from the recording; what can be done with it (send, close) belongs
 * to whoever owns it.
 *
 * <p>A live connection is followed from the app's live-connections list: its lifecycle is copied
 * onto the UI thread from a consistent snapshot each time it changes (so no change can be missed
 * or applied twice), and its frames are read from its packed {@link FrameLog} once per frame by
 * {@link #pulse()}. Properties change on the UI thread only.
 */
public final class ConnectionModel {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionModel.class);

    private final UiThread ui;
    private final ReadOnlyStringWrapper url = new ReadOnlyStringWrapper("");
    private final ObjectProperty<ConnectionState> state = new SimpleObjectProperty<>(ConnectionState.IDLE);
    private final ObjectProperty<SessionEvent.Opened> opened = new SimpleObjectProperty<>();
    private final ObjectProperty<SessionEvent.Closed> closed = new SimpleObjectProperty<>();
    private final ObjectProperty<Failure> failure = new SimpleObjectProperty<>();
    private final ObjectProperty<FrameLog> log = new SimpleObjectProperty<>(new FrameLog());
    private final LongProperty sentCount = new SimpleLongProperty();
    private final LongProperty sentBytes = new SimpleLongProperty();
    private final LongProperty receivedCount = new SimpleLongProperty();
    private final LongProperty receivedBytes = new SimpleLongProperty();
    private LiveConnection following;
    /** The session this connection records into (a live one) or was recorded in; empty before any connect. */
    private final javafx.beans.property.ReadOnlyStringWrapper session = new javafx.beans.property.ReadOnlyStringWrapper("");
    private AutoCloseable subscription = () -> { };
    private ConnectRequest request;
    private RecordedConnection recorded;
    private long startedMillis;
    private long endedMillis;

    public ConnectionModel(UiThread ui) {
        this.ui = ui;
    }

    /**
     * A connection reopened from the recording: its upgrade, TLS session and end as recorded. The
     * caller streams its frames into {@link #log()}.
     */
    public static ConnectionModel recorded(UiThread ui, RecordedConnection connection) {
        return recorded(ui, connection, false);
    }

    /**
     * As {@link #recorded(UiThread, RecordedConnection)}; {@code stillOpen} for one this app is still
     * recording (a tab that kept it open across a session switch): shown open, not closed.
     */
    public static ConnectionModel recorded(UiThread ui, RecordedConnection connection, boolean stillOpen) {
        ConnectionModel model = new ConnectionModel(ui);
        model.recorded = connection;
        model.session.set(connection.session());
        model.url.set(connection.url());
        try {
            model.request = new ConnectRequest(WsUrl.parse(connection.url()), List.of(), List.of(), Duration.ofSeconds(10),
                    TrustOptions.DEFAULT);
        } catch (IllegalArgumentException notAWebSocketUrl) {
            model.request = null;
        }
        model.startedMillis = Math.max(1, connection.startedMicros() / 1000);
        model.endedMillis = Math.max(model.startedMillis, connection.lastMicros() / 1000);
        model.opened.set(connection.opened());
        model.applyEnd(connection.end());
        if (connection.end() == null) {
            // Still recording in this app (shown as of when it was read), or recording stopped while it
            // was open (the app ended): show that as ended, not live.
            model.state.set(stillOpen ? ConnectionState.OPEN : ConnectionState.CLOSED);
        }
        return model;
    }

    /** Shows this live connection from now on (a new connect of the tab), letting go of the one before. */
    public void follow(LiveConnection connection, ConnectRequest asked) {
        stopFollowing();
        following = connection;
        session.set(connection.session());
        request = asked;
        url.set(asked.url().toString());
        log.set(connection.log() == null ? new FrameLog() : connection.log());
        opened.set(null);
        closed.set(null);
        failure.set(null);
        state.set(ConnectionState.CONNECTING);
        startedMillis = System.currentTimeMillis();
        endedMillis = 0;
        subscription = connection.onChange(() -> ui.run(() -> refresh(connection)));
        // Whatever happened before the listener was added: refreshing twice is harmless.
        ui.run(() -> refresh(connection));
    }

    private void refresh(LiveConnection connection) {
        if (connection != following) {
            return;
        }
        opened.set(connection.opened());
        ConnectionState now = connection.state();
        if (connection.end() != null) {
            applyEnd(connection.end());
            if (endedMillis == 0) {
                endedMillis = System.currentTimeMillis();
            }
        } else if (!(now == ConnectionState.OPEN && state.get() == ConnectionState.CLOSING)) {
            state.set(now);
        }
        pulse();
    }

    private void applyEnd(SessionEvent end) {
        if (end instanceof SessionEvent.Closed c) {
            closed.set(c);
            state.set(ConnectionState.CLOSED);
        } else if (end instanceof SessionEvent.Failed f) {
            failure.set(f.failure());
            state.set(f.failure().kind() == dev.sockscope.core.FailureKind.CANCELLED ? ConnectionState.CLOSED
                    : ConnectionState.FAILED);
        } else if (end instanceof SessionEvent.NotUpgraded) {
            state.set(ConnectionState.CLOSED);
        } else if (end != null) {
            state.set(ConnectionState.CLOSED);
        }
    }

    /** The owner asked to close: shown as closing until the close completes. */
    public void markClosing() {
        if (state.get() == ConnectionState.OPEN) {
            state.set(ConnectionState.CLOSING);
        }
    }

    /** Publishes the counters of what the connection's threads appended since the last pulse. UI thread only. */
    public void pulse() {
        FrameLog frames = log.get();
        sentCount.set(frames.count(Direction.SEND));
        sentBytes.set(frames.bytes(Direction.SEND));
        receivedCount.set(frames.count(Direction.RECEIVE));
        receivedBytes.set(frames.bytes(Direction.RECEIVE));
    }

    public javafx.beans.property.ReadOnlyStringProperty sessionProperty() {
        return session.getReadOnlyProperty();
    }

    /** Stops following the live connection (the view is going away). */
    public void stopFollowing() {
        try {
            subscription.close();
        } catch (Exception e) {
            LOG.debug("unsubscribing from a connection", e);
        }
        subscription = () -> { };
        following = null;
    }

    /** Milliseconds since connecting began, frozen when the connection ended; 0 before the first connect. */
    public long durationMillis() {
        if (startedMillis == 0) {
            return 0;
        }
        long end = endedMillis != 0 ? endedMillis : System.currentTimeMillis();
        return end - startedMillis;
    }

    /** The live connection's id, or -1 when none is followed (before the first connect, or a recorded one). */
    public long connectionId() {
        return following == null ? -1 : following.id();
    }

    /** The request of the latest connect (or the recorded URL): its host and trust explain the certificate verdict. */
    public ConnectRequest request() {
        return request;
    }

    /** The recorded connection shown, or null for a live one. */
    public RecordedConnection recorded() {
        return recorded;
    }

    public boolean isRecorded() {
        return recorded != null;
    }

    public FrameLog log() {
        return log.get();
    }

    /** Changes when a new connection is followed: views that show frames switch to the new log. */
    public ReadOnlyObjectProperty<FrameLog> logProperty() {
        return log;
    }

    public ReadOnlyStringProperty urlProperty() {
        return url.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ConnectionState> stateProperty() {
        return state;
    }

    public ReadOnlyObjectProperty<SessionEvent.Opened> openedProperty() {
        return opened;
    }

    public ReadOnlyObjectProperty<SessionEvent.Closed> closedProperty() {
        return closed;
    }

    public ReadOnlyObjectProperty<Failure> failureProperty() {
        return failure;
    }

    public ReadOnlyLongProperty sentCountProperty() {
        return sentCount;
    }

    public ReadOnlyLongProperty sentBytesProperty() {
        return sentBytes;
    }

    public ReadOnlyLongProperty receivedCountProperty() {
        return receivedCount;
    }

    public ReadOnlyLongProperty receivedBytesProperty() {
        return receivedBytes;
    }
}
