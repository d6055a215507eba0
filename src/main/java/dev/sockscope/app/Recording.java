package dev.sockscope.app;

import dev.sockscope.core.SessionSummary;
import dev.sockscope.store.Database;
import dev.sockscope.store.Recorder;
import dev.sockscope.store.Sessions;
import dev.sockscope.store.StoreException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recording into the H2 store: opens the database, records every event the registry carries, and
 * answers session queries. When the database cannot be opened (another instance has it, or the
 * file is damaged) the app still runs, unrecorded, and {@link #problem()} says why.
 */
public final class Recording implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Recording.class);

    private final Database database;
    private final Recorder recorder;
    private final Sessions sessions;
    private final String problem;
    private final AutoCloseable subscription;

    Recording(Path dataDir, SessionRegistry registry) {
        Database opened = null;
        String why = null;
        try {
            opened = Database.open(dataDir);
        } catch (StoreException e) {
            why = e.getMessage();
            LOG.warn("recording is off: {}", why);
        }
        this.database = opened;
        this.problem = why;
        this.recorder = opened == null ? null : new Recorder(opened);
        this.sessions = opened == null ? null : new Sessions(opened);
        this.subscription = recorder == null ? () -> { } : registry.subscribe(recorder);
    }

    /** Why nothing is recorded, or empty when recording works. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    /** Connections opened from now on go into this session. */
    public void useSession(String name) {
        if (recorder != null) {
            recorder.useSession(name);
        }
    }

    public String currentSession() {
        return recorder == null ? "default" : recorder.session();
    }

    /**
     * Every session with its counts; blocking: call it off the FX thread.
     *
     * @throws IllegalStateException when the database could not be opened, with the reason
     */
    public List<SessionSummary> sessions() {
        if (sessions == null) {
            throw new IllegalStateException(problem);
        }
        return sessions.list();
    }

    /** Backpressure for read loops: waits while the writer is far behind (see Recorder). */
    public void awaitCapacity() {
        if (recorder != null) {
            recorder.awaitCapacity();
        }
    }

    public long recordedFrames() {
        return recorder == null ? 0 : recorder.recordedFrames();
    }

    /** Writes what is queued, then closes the database. */
    @Override
    public void close() {
        try {
            subscription.close();
        } catch (Exception e) {
            LOG.debug("unsubscribing the recorder", e);
        }
        if (recorder != null) {
            recorder.close();
        }
        if (database != null) {
            database.close();
        }
    }
}
