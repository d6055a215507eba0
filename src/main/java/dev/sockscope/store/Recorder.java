package dev.sockscope.store;

import dev.sockscope.core.SessionEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records every session event on one writer thread. Publishers only enqueue (never blocking a
 * network thread); the writer drains the queue, inserts in batches and commits every few
 * milliseconds (group commit), so a flood is recorded without a transaction per frame. Each
 * connection goes into the session its {@link SessionEvent.Started} names.
 *
 * <p>If writing fails (a full disk, a read-only file), the recorder stops, says why through
 * {@link #problem()} and its stop listener, and never holds a producer back again.
 */
public final class Recorder implements Consumer<SessionEvent>, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Recorder.class);
    private static final int BATCH = 5000;
    /** Events queued beyond this make {@link #awaitCapacity()} wait: memory stays bounded under a flood. */
    private static final int MAX_PENDING = 50_000;
    /**
     * How much work may wait uncommitted, in seconds of the writer's measured rate. A kill -9
     * loses only what is not committed, so this bounds what a crash can lose in time, not count:
     * when the writer is slow (a cold JVM, a busy disk), fewer frames may wait.
     */
    private static final double MAX_LAG_SECONDS = 0.25;
    private static final int MIN_PENDING = 500;

    private final Database database;
    private final ConcurrentLinkedQueue<SessionEvent> queue = new ConcurrentLinkedQueue<>();
    private final Thread writer;
    private final Map<Long, long[]> connections = new HashMap<>();
    /** Where each connection this recorder has seen open is recorded: its session and its id there. */
    private final Map<Long, Stored> stored = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicLong recorded = new AtomicLong();
    /** Events accepted and not yet committed (queued or in the transaction being written). */
    private final java.util.concurrent.atomic.AtomicInteger pending = new java.util.concurrent.atomic.AtomicInteger();
    /** How many uncommitted events {@link #awaitCapacity()} allows: {@link #MAX_LAG_SECONDS} of the writer's rate. */
    private volatile int allowedPending = 1000;
    /** Rows per second of writing time, smoothed over recent batches. */
    private double rate;
    private volatile boolean running = true;
    private volatile boolean alive = true;
    private volatile String problem;
    private volatile Consumer<String> onStopped = reason -> { };
    private Connection db;
    private ConnectionRows lifecycle;

    public Recorder(Database database) {
        this.database = database;
        this.writer = new Thread(this::run, "store-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /** False once the writer has failed ({@link #problem()} says why); nothing is recorded after that. */
    public boolean isAlive() {
        return alive;
    }

    /** Why the recorder stopped, in one line for the user, or null while it works. */
    public String problem() {
        return problem;
    }

    /** Called once, on the writer thread, if the recorder stops because writing failed. */
    public void onStopped(Consumer<String> listener) {
        this.onStopped = listener;
        if (problem != null) {
            listener.accept(problem);
        }
    }

    /** Where a live connection is recorded: its session and its id in the recording. */
    public record Stored(String session, long id) {
    }

    /** Where the live connection {@code connectionId} is recorded, once its upgrade is written. */
    public java.util.Optional<Stored> storedAs(long connectionId) {
        return java.util.Optional.ofNullable(stored.get(connectionId));
    }

    /** Frames written so far (for tests and the status bar). */
    public long recordedFrames() {
        return recorded.get();
    }

    @Override
    public void accept(SessionEvent event) {
        if (!alive) {
            return;
        }
        queue.add(event);
        pending.incrementAndGet();
        LockSupport.unpark(writer);
    }

    /**
     * Waits while the writer is far behind. Called by the read loops of connections before they
     * publish a received frame, so a flood faster than the disk slows the socket (TCP pushes back
     * on the sender) instead of filling memory or dropping frames. Never call it on the FX thread.
     */
    public void awaitCapacity() {
        while (pending.get() > allowedPending && running && alive) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    private void run() {
        try (Connection c = database.connect()) {
            db = c;
            lifecycle = new ConnectionRows(c);
            c.setAutoCommit(false);
            while (running || !queue.isEmpty()) {
                List<SessionEvent> batch = drain();
                if (batch.isEmpty()) {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
                    continue;
                }
                long started = System.nanoTime();
                write(batch);
                committed(batch.size(), System.nanoTime() - started);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.error("the recorder stopped; messages from now on are not recorded", e);
            problem = StoreException.describe(e, database.file());
        } finally {
            // A dead writer must never hold read loops in awaitCapacity or keep queueing events.
            alive = false;
            queue.clear();
            if (problem != null) {
                onStopped.accept(problem);
            }
        }
    }

    /** The next transaction's events: at most what the writer does in {@link #MAX_LAG_SECONDS}. */
    private List<SessionEvent> drain() {
        int max = Math.min(BATCH, allowedPending);
        List<SessionEvent> batch = new ArrayList<>();
        SessionEvent e;
        while (batch.size() < max && (e = queue.poll()) != null) {
            batch.add(e);
        }
        return batch;
    }

    /** Learns the writer's rate from a committed batch and sets how much may wait uncommitted. */
    private void committed(int events, long nanos) {
        pending.addAndGet(-events);
        if (events >= 200) {
            double measured = events * 1e9 / Math.max(1, nanos);
            rate = rate == 0 ? measured : 0.7 * rate + 0.3 * measured;
            allowedPending = (int) Math.max(MIN_PENDING, Math.min(MAX_PENDING, rate * MAX_LAG_SECONDS));
        }
    }

    private void write(List<SessionEvent> batch) throws SQLException {
        try (PreparedStatement frames = db.prepareStatement(StoredFrames.INSERT)) {
            int inBatch = 0;
            for (SessionEvent event : batch) {
                if (event instanceof SessionEvent.FrameEvent f) {
                    long[] ids = connections.get(f.connectionId());
                    if (ids != null) {
                        StoredFrames.bind(frames, ids[0], (int) ids[1]++, f.leg(), f.frame(), f.message());
                        frames.addBatch();
                        recorded.incrementAndGet();
                        inBatch++;
                    }
                } else {
                    if (inBatch > 0) {
                        frames.executeBatch();
                        inBatch = 0;
                    }
                    lifecycle.apply(event, connections, stored);
                }
            }
            if (inBatch > 0) {
                frames.executeBatch();
            }
            db.commit();
        } catch (SQLException e) {
            db.rollback();
            throw e;
        }
    }

    /** Stops taking new work, writes what is queued (up to {@code millis}), and returns. */
    @Override
    public void close() {
        close(5000);
    }

    public void close(long millis) {
        running = false;
        LockSupport.unpark(writer);
        try {
            writer.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (writer.isAlive()) {
            LOG.warn("the recorder did not finish writing within {} ms; {} events not written", millis, queue.size());
        }
    }
}
