package dev.sockscope.app;

import dev.sockscope.store.Database;
import dev.sockscope.store.Recorder;
import dev.sockscope.store.StoreException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recording database's life: opened at start and recording every event the channel carries;
 * when it cannot be opened the app still runs, unrecorded, and {@link #trouble()} says why and
 * offers a way on (browse read-only while another instance records, or keep a damaged file aside
 * and start a fresh one). A recorder that stops while running (disk full, file made read-only) is
 * said too: {@link #problem()} names it and listeners hear it, so a recording never stops silently.
 */
public final class RecordingStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RecordingStore.class);

    /** Why recording is off. */
    public enum Trouble {
        /** Another Sockscope has the database open: {@link #openReadOnly()} lets this one browse. */
        LOCKED,
        /** The file cannot be read: {@link #startFresh()} keeps it aside and makes a new one. */
        CORRUPT,
        /** Disk, permissions, or the recorder stopped: see the message. */
        OTHER
    }

    private final Path dataDir;
    private final SessionRegistry registry;
    private final CopyOnWriteArrayList<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile Database database;
    private volatile Recorder recorder;
    private volatile String problem;
    private volatile String stoppedBecause;
    private volatile Trouble trouble;
    private volatile boolean readOnly;
    private volatile AutoCloseable subscription = () -> { };

    /** @param record false for a command that only reads: the file is opened read-only and nothing records */
    RecordingStore(Path dataDir, SessionRegistry registry, boolean record, OpeningProgress progress) {
        this.dataDir = dataDir;
        this.registry = registry;
        try {
            attach(record ? Database.open(dataDir, progress::step) : Database.openForReading(dataDir), record);
        } catch (StoreException e) {
            fail(e);
        }
    }

    private void attach(Database opened, boolean record) {
        database = opened;
        problem = null;
        stoppedBecause = null;
        trouble = null;
        readOnly = !record;
        if (record) {
            Recorder started = new Recorder(opened);
            recorder = started;
            subscription = registry.subscribe(started, started::awaitCapacity);
            started.onStopped(this::recorderStopped);
        }
        changed();
    }

    private void fail(StoreException e) {
        problem = e.getMessage();
        trouble = switch (e.reason()) {
            case LOCKED -> Trouble.LOCKED;
            case CORRUPT -> Trouble.CORRUPT;
            case IO -> Trouble.OTHER;
        };
        LOG.warn("recording is off: {}", problem);
    }

    private void recorderStopped(String reason) {
        stoppedBecause = reason;
        problem = "recording stopped: " + reason;
        trouble = Trouble.OTHER;
        changed();
    }

    /** Calls {@code listener} (on any thread) whenever recording starts, stops or changes mode. */
    public AutoCloseable onChange(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void changed() {
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.error("recording listener failed", e);
            }
        }
    }

    /** Why nothing is (or no longer) recorded, or empty while recording works. */
    public Optional<String> problem() {
        if (readOnly) {
            return Optional.of("read-only: " + dataDir.resolve("sockscope.mv.db") + " is recorded by another Sockscope");
        }
        return Optional.ofNullable(problem);
    }

    /** Why the recorder stopped while it was recording (a full disk, say), or empty. */
    public Optional<String> stoppedBecause() {
        return Optional.ofNullable(stoppedBecause);
    }

    public Optional<Trouble> trouble() {
        return Optional.ofNullable(trouble);
    }

    public boolean isReadOnly() {
        return readOnly;
    }

    /** Opens a database another instance holds, for browsing only. Blocking. */
    public void openReadOnly() {
        if (trouble != Trouble.LOCKED) {
            throw UserFacingException.failure("the database is not locked");
        }
        try {
            attach(Database.openReadOnly(dataDir), false);
        } catch (StoreException e) {
            fail(e);
            throw new UserFacingException(UserFacingException.Kind.FAILURE, e.getMessage(), e);
        }
    }

    /**
     * Keeps a damaged database aside (renamed, never deleted) and starts recording into a new one.
     * Blocking.
     *
     * @return where the old file was kept
     */
    public Path startFresh() throws IOException {
        if (trouble != Trouble.CORRUPT) {
            throw UserFacingException.failure("the database is not damaged");
        }
        Path kept = Database.keepAside(dataDir);
        attach(Database.open(dataDir), true);
        return kept;
    }

    /** The open database, for the query services; refused with the reason when there is none. */
    Database database() {
        Database db = database;
        if (db == null) {
            throw UserFacingException.failure(problem == null ? "the recording database is not open" : problem);
        }
        return db;
    }

    /** The open database, or null when there is none (for work that is skipped then). */
    Database databaseOrNull() {
        return database;
    }

    /** Refuses writes to a database opened read-only. */
    void checkWritable() {
        if (readOnly) {
            throw UserFacingException.failure("the database is open read-only (another Sockscope records into it)");
        }
    }

    /** The writer recording into the open database, or null when nothing is recorded. */
    Recorder recorder() {
        return recorder;
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
