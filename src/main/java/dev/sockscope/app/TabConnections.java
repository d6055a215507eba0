package dev.sockscope.app;

import dev.sockscope.core.ConnectRequest;
import dev.sockscope.core.Connection;
import dev.sockscope.core.Origin;

/**
 * What a connection tab needs of the app: open a connection into the current session and follow
 * it in the live-connections list, and let it go when the tab no longer shows it.
 */
public final class TabConnections {
    /** A connection just opened: the handle to talk to it, and its entry in the live list. */
    public record Opened(Connection connection, LiveConnection live) {
    }

    private final ConnectionService service;
    private final LiveConnections live;
    private final SessionCatalog sessions;

    TabConnections(ConnectionService service, LiveConnections live, SessionCatalog sessions) {
        this.service = service;
        this.live = live;
        this.sessions = sessions;
    }

    /** Starts connecting (returns at once); the live entry already exists and will see every frame. */
    public Opened open(ConnectRequest request) {
        Connection connection = service.open(request, Origin.TAB, sessions.currentSession());
        return new Opened(connection, live.get(connection.id()));
    }

    /** The tab shows this connection no more: its frames stay in the recording only. */
    public void release(long connectionId) {
        live.release(connectionId);
    }
}
