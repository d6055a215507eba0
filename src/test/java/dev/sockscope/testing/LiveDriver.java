package dev.sockscope.testing;

import dev.sockscope.app.LiveConnection;
import dev.sockscope.app.LiveConnections;
import dev.sockscope.core.ConnectRequest;
import dev.sockscope.core.Failure;
import dev.sockscope.core.Origin;
import dev.sockscope.core.SessionEvent;
import dev.sockscope.core.WsUrl;
import dev.sockscope.ui.model.ConnectionModel;

/**
 * Drives a {@link ConnectionModel} the way the app does, without a network: a live-connections
 * list fed with the events a producer would publish. Each call follows a new connection, so views
 * see a connection start, then open or fail.
 */
public final class LiveDriver {
    private final LiveConnections live = new LiveConnections();
    private long ids;

    /** A new connection to {@code url}, started and followed by {@code model}; returns it. */
    public LiveConnection start(ConnectionModel model, String url) {
        long id = ++ids;
        WsUrl target = WsUrl.parse(url);
        live.accept(new SessionEvent.Started(id, Origin.TAB, "default", target, 0));
        LiveConnection connection = live.get(id);
        model.follow(connection, ConnectRequest.of(target));
        return connection;
    }

    /** A new connection that opened with this upgrade (its id replaced by the new connection's). */
    public LiveConnection open(ConnectionModel model, SessionEvent.Opened opened) {
        LiveConnection connection = start(model, opened.url().toString());
        publish(new SessionEvent.Opened(connection.id(), opened.url(), opened.upstream(), opened.client(),
                opened.subprotocol(), opened.timestampMicros()));
        return connection;
    }

    /** A new connection to {@code url} that failed. */
    public LiveConnection fail(ConnectionModel model, String url, Failure failure) {
        LiveConnection connection = start(model, url);
        publish(new SessionEvent.Failed(connection.id(), connection.url(), failure, 1));
        return connection;
    }

    /** Hands an event to the list, as the event channel would. */
    public void publish(SessionEvent event) {
        live.accept(event);
    }
}
