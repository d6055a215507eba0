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
    /** Counted down once the database is open, or could not be opened. */
    private final java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(1);
    private volatile boolean opening;

    /** @param record false for a command that only reads: the file is opened read-only and nothing records */
    RecordingStore(Path dataDir, SessionRegistry registry, boolean record, OpeningProgress progress) {
        this.dataDir = dataDir;
        this.registry = registry;
        try {
            attach(record ? Database.open(dataDir, progress::step) : Database.openForReading(dataDir), record);
        } catch (StoreException e) {
            fail(e);
        }
        ready.countDown();
    }

    private RecordingStore(Path dataDir, SessionRegistry registry) {
        this.dataDir = dataDir;
        this.registry = registry;
    }

    /**
     * A recording store that opens its database on a thread of its own, for the window: it appears
     * at once and records as soon as the database is open (an older one may need an upgrade
     * first). Meanwhile events are held, not lost, and queries wait for the database.
     */
    static RecordingStore openingInBackground(Path dataDir, SessionRegistry registry, OpeningProgress progress) {
        RecordingStore store = new RecordingStore(dataDir, registry);
        store.opening = true;
        HeldEvents held = new HeldEvents();
        store.subscription = registry.subscribe(held, held::awaitCapacity);
        Thread opener = new Thread(() -> store.openHolding(held, progress), "store-open");
        opener.setDaemon(true);
        opener.start();
        return store;
    }

    private void openHolding(HeldEvents held, OpeningProgress progress) {
        try {
            Database opened = Database.open(dataDir, progress::step);
            database = opened;
            Recorder started = new Recorder(opened);
            recorder = started;
            started.onStopped(this::recorderStopped);
            held.handTo(started);
        } catch (StoreException e) {
            fail(e);
            held.drop();
        } catch (RuntimeException e) {
            LOG.error("the recording could not be opened", e);
            problem = "the recording could not be opened: " + e.getMessage();
            trouble = Trouble.OTHER;
            held.drop();
        } finally {
            opening = false;
            ready.countDown();
            changed();
        }
    }

    /** True while the database is still being opened (the window is up meanwhile). */
    public boolean isOpening() {
        return opening;
    }

    /** Waits until the database is open or could not be opened (at most a few minutes: an upgrade). */
    private void awaitOpen() {
        try {
            if (!ready.await(10, java.util.concurrent.TimeUnit.MINUTES)) {
                throw UserFacingException.failure("the recording is still being opened");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw UserFacingException.failure("interrupted while the recording opens");
        }
    }

    private void attach(Database opened, boolean record) {
        try {
            subscription.close();
        } catch (Exception e) {
            LOG.debug("unsubscribing the previous recorder", e);
        }
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
        if (opening) {
            awaitOpen();
        }
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
        if (opening) {
            try {
                awaitOpen();
            } catch (UserFacingException e) {
                LOG.warn("closing while the recording still opens: {}", e.getMessage());
            }
        }
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
