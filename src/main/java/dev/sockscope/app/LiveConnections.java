package dev.sockscope.app;

import dev.sockscope.core.Origin;
import dev.sockscope.core.SessionEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every connection of this process, whoever made it, followed from the event channel: what the
 * window shows (a tab's connection, and later the proxy's), without anyone handing it over. For
 * origins the window shows, each connection keeps its frames in a packed {@link FrameLog} from its
 * first event, so nothing that came before a view attached is missed.
 *
 * <p>A connection stays listed after it ends, until whoever shows it lets it go ({@link #release});
 * connections of other origins (the CLI's, imports) are forgotten when they end. The proxy's
 * connections are kept only in a process with a window that shows them ({@link #showProxied}):
 * the headless proxy runs for hours, and what nobody shows must not pile up in memory (it is in
 * the recording).
 */
public final class LiveConnections implements Consumer<SessionEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(LiveConnections.class);
    private static final Set<Origin> PROXIED = EnumSet.of(Origin.PROXY, Origin.REVERSE_PROXY);
    private volatile Set<Origin> shown = EnumSet.of(Origin.TAB);

    private final Map<Long, LiveConnection> connections = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<Consumer<LiveConnection>> listeners = new CopyOnWriteArrayList<>();
    private volatile Supplier<FrameLog> newLog = FrameLog::new;

    /** A window shows the proxy's connections: keep them, with their frames, until it lets them go. */
    public void showProxied() {
        Set<Origin> all = EnumSet.of(Origin.TAB);
        all.addAll(PROXIED);
        shown = all;
    }

    @Override
    public void accept(SessionEvent event) {
        Set<Origin> shownNow = shown;
        if (event instanceof SessionEvent.Started started) {
            LiveConnection added = new LiveConnection(started, shownNow.contains(started.origin()) ? newLog.get() : null);
            connections.put(started.connectionId(), added);
            announce(added);
            return;
        }
        LiveConnection known = connections.get(event.connectionId());
        if (known == null) {
            return;
        }
        known.apply(event);
        if (!(event instanceof SessionEvent.FrameEvent)) {
            if (known.end() != null && !shownNow.contains(known.origin())) {
                connections.remove(known.id());
            }
            announce(known);
        }
    }

    private void announce(LiveConnection connection) {
        for (Consumer<LiveConnection> listener : listeners) {
            try {
                listener.accept(connection);
            } catch (RuntimeException e) {
                LOG.error("live-connections listener failed", e);
            }
        }
    }

    /** How the logs of connections started from now on are made: how much they hold (tests make them small). */
    public void useLogs(Supplier<FrameLog> logs) {
        this.newLog = logs;
    }

    /** Calls {@code listener} (on the producer's thread) when a connection starts or its lifecycle changes. */
    public AutoCloseable listen(Consumer<LiveConnection> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** The connection with this id, or null when it is unknown or was let go. */
    public LiveConnection get(long id) {
        return connections.get(id);
    }

    /** Every connection followed now, oldest first. */
    public List<LiveConnection> all() {
        List<LiveConnection> out = new ArrayList<>(connections.values());
        out.sort(Comparator.comparingLong(LiveConnection::id));
        return out;
    }

    /** Forgets a connection nobody shows any more (its frames stay in the recording). */
    public void release(long id) {
        connections.remove(id);
    }
}
