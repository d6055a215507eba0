package dev.sockscope.app;

import dev.sockscope.core.ConnectionState;
import dev.sockscope.core.Failure;
import dev.sockscope.core.FailureKind;
import dev.sockscope.core.Origin;
import dev.sockscope.core.SessionEvent;
import dev.sockscope.core.WsUrl;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection as the app follows it, whoever made it: its origin and session, how far it got
 * (opened, closed, failed) and, for connections the window shows, its frames. Updated from the
 * event channel on the producer's threads; readers take a consistent snapshot of the lifecycle
 * with {@link #state()} and the event getters, and hear of changes through {@link #onChange}.
 */
public final class LiveConnection {
    private static final Logger LOG = LoggerFactory.getLogger(LiveConnection.class);

    private final long id;
    private final Origin origin;
    private final String session;
    private final WsUrl url;
    private final long startedMicros;
    private final FrameLog log;
    private final CopyOnWriteArrayList<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile ConnectionState state = ConnectionState.CONNECTING;
    private volatile SessionEvent.Opened opened;
    private volatile SessionEvent end;

    LiveConnection(SessionEvent.Started started, FrameLog log) {
        this.id = started.connectionId();
        this.origin = started.origin();
        this.session = started.session();
        this.url = started.url();
        this.startedMicros = started.timestampMicros();
        this.log = log;
    }

    void apply(SessionEvent event) {
        if (event instanceof SessionEvent.FrameEvent f) {
            if (log != null) {
                log.append(f.frame(), f.message(), f.interception());
            }
            return;
        }
        if (event instanceof SessionEvent.Opened o) {
            opened = o;
            state = ConnectionState.OPEN;
        } else if (event instanceof SessionEvent.Closed || event instanceof SessionEvent.NotUpgraded) {
            end = event;
            state = ConnectionState.CLOSED;
        } else if (event instanceof SessionEvent.Failed f) {
            end = event;
            state = f.failure().kind() == FailureKind.CANCELLED ? ConnectionState.CLOSED : ConnectionState.FAILED;
        }
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.error("listener of connection {} failed", id, e);
            }
        }
    }

    /** Calls {@code listener} (on the producer's thread) after each lifecycle change; frames do not call it. */
    public AutoCloseable onChange(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public long id() {
        return id;
    }

    public Origin origin() {
        return origin;
    }

    public String session() {
        return session;
    }

    public WsUrl url() {
        return url;
    }

    public long startedMicros() {
        return startedMicros;
    }

    public ConnectionState state() {
        return state;
    }

    /** The completed upgrade, or null before it (or when it never came). */
    public SessionEvent.Opened opened() {
        return opened;
    }

    /** How it ended: Closed, Failed or NotUpgraded; null while it lasts. */
    public SessionEvent end() {
        return end;
    }

    /** Why it failed, or null. */
    public Failure failure() {
        return end instanceof SessionEvent.Failed f ? f.failure() : null;
    }

    /** Its frames, for connections the window shows; null for the others (the CLI's, imports). */
    public FrameLog log() {
        return log;
    }
}
