package dev.sockscope.app;

import dev.sockscope.client.ClientConnection;
import dev.sockscope.core.Clock;
import dev.sockscope.core.ConnectRequest;
import dev.sockscope.core.Connection;
import dev.sockscope.core.Origin;
import dev.sockscope.core.SessionEvent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Opens client connections (for tabs and the CLI): a producer on the event channel like any
 * other. Each connection gets its id from the channel and records into the session it is opened
 * with. Keeps the live ones so shutdown can close them.
 */
public final class ConnectionService {
    private final SessionRegistry registry;
    private final ScheduledExecutorService timer;
    private final Map<Long, Connection> live = new ConcurrentHashMap<>();

    public ConnectionService(SessionRegistry registry, ScheduledExecutorService timer) {
        this.registry = registry;
        this.timer = timer;
    }

    /** Starts connecting with a new id and returns at once; everything it does goes to the channel. */
    public Connection open(ConnectRequest request, Origin origin, String session) {
        return open(registry.newConnectionId(), request, origin, session);
    }

    /**
     * Starts connecting with an id taken from the channel beforehand (so a subscriber can wait for
     * exactly this connection); its {@link SessionEvent.Started} is published before this returns.
     */
    public Connection open(long id, ConnectRequest request, Origin origin, String session) {
        String checked = SessionNames.check(session);
        registry.publish(new SessionEvent.Started(id, origin, checked, request.url(), Clock.nowMicros()));
        ClientConnection connection = ClientConnection.create(id, request, this::publish, timer);
        live.put(id, connection);
        connection.start();
        return connection;
    }

    private void publish(SessionEvent event) {
        if (event instanceof SessionEvent.Closed || event instanceof SessionEvent.Failed) {
            live.remove(event.connectionId());
        }
        registry.publish(event);
    }

    /** Closes every live connection with 1001 Going Away. */
    public void closeAll() {
        for (Connection c : live.values()) {
            try {
                c.close(1001, "Sockscope is closing");
            } catch (RuntimeException e) {
                c.abort();
            }
        }
    }

    /** Waits up to {@code millis} for every connection to end. */
    public void awaitIdle(long millis) {
        long deadline = System.currentTimeMillis() + millis;
        while (!live.isEmpty() && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
