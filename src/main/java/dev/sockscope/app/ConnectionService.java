package dev.sockscope.app;

import dev.sockscope.client.ClientConnection;
import dev.sockscope.core.ConnectRequest;
import dev.sockscope.core.Connection;
import dev.sockscope.core.SessionEvent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Opens client connections and publishes everything they do to the registry. Keeps the live ones
 * so shutdown can close them.
 */
public final class ConnectionService {
    private final SessionRegistry registry;
    private final ScheduledExecutorService timer;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, Connection> live = new ConcurrentHashMap<>();

    private final Runnable receiveThrottle;

    public ConnectionService(SessionRegistry registry, ScheduledExecutorService timer) {
        this(registry, timer, () -> { });
    }

    /**
     * @param receiveThrottle run on a connection's read thread before each received frame is
     *     published; the recorder uses it to push back on a flood it cannot keep up with
     */
    public ConnectionService(SessionRegistry registry, ScheduledExecutorService timer, Runnable receiveThrottle) {
        this.registry = registry;
        this.timer = timer;
        this.receiveThrottle = receiveThrottle;
    }

    /**
     * Starts connecting and returns at once. {@code owner} (the tab or command that asked) hears
     * every event of this connection from the connection's threads, right after the registry's
     * subscribers; being bound here, it never misses the events that arrive before this returns.
     */
    public Connection open(ConnectRequest request, Consumer<SessionEvent> owner) {
        long id = ids.incrementAndGet();
        Connection connection = ClientConnection.open(id, request, event -> publish(owner, event), timer);
        live.put(id, connection);
        return connection;
    }

    private void publish(Consumer<SessionEvent> owner, SessionEvent event) {
        if (event instanceof SessionEvent.FrameEvent f && f.frame().direction() == dev.sockscope.core.Direction.RECEIVE) {
            receiveThrottle.run();
        }
        if (event instanceof SessionEvent.Closed || event instanceof SessionEvent.Failed) {
            live.remove(event.connectionId());
        }
        // The registry (the recorder among its subscribers) hears an event before the owner acts on
        // it: an owner that sends as soon as it sees Opened must not get its frames recorded first.
        registry.publish(event);
        owner.accept(event);
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
