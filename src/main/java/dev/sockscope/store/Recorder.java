package dev.sockscope.store;

import dev.sockscope.core.SessionEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records every session event on one writer thread. Publishers only enqueue (never blocking a
 * network thread); the writer gathers each connection's frames into a {@link FrameBlock}, writes
 * a block when it is full or {@link #FLUSH_AGE_NANOS} old, and commits every few milliseconds
 * (group commit). Each connection goes into the session its {@link SessionEvent.Started} names;
 * its counters are kept in the same transaction as its blocks.
 *
 * <p>What a kill -9 can lose is bounded in time: events wait at most {@link #MAX_LAG_SECONDS} in
 * the queue ({@link #awaitCapacity()} holds producers back beyond that), frames at most
 * {@link #FLUSH_AGE_NANOS} in a block, and a written block at most {@link #COMMIT_NANOS} for its
 * commit: under 250 ms in all.
 *
 * <p>If writing fails (a full disk, a read-only file), the recorder stops, says why through
 * {@link #problem()} and its stop listener, and never holds a producer back again.
 */
public final class Recorder implements Consumer<SessionEvent>, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Recorder.class);
    private static final long FLUSH_AGE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long COMMIT_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    /** How long a writer with work under way (an open block, a commit to come) sleeps before it looks again. */
    private static final long BUSY_PARK_MILLIS = 2;
    /** Frames held in open blocks across all connections before every open block is written. */
    private static final long MAX_BUFFERED_BYTES = 32L << 20;
    /** How long queued events may wait for the writer, in seconds of its measured rate. */
    private static final double MAX_LAG_SECONDS = 0.05;
    private static final int MIN_PENDING = 2_000;
    private static final int MAX_PENDING = 200_000;
    /**
     * Payload bytes queued beyond {@link #MAX_LAG_SECONDS} of the writer's byte rate (within these
     * bounds) make producers wait too: 64 KiB frames must not fill the heap nor a slow disk's queue.
     */
    private static final long MAX_PENDING_BYTES = 64L << 20;
    private static final long MIN_PENDING_BYTES = 4L << 20;
    /** Positions are ints in a frame's key (see FrameKey). */
    static final long MAX_FRAMES_PER_CONNECTION = Integer.MAX_VALUE;

    private final Database database;
    private final ConcurrentLinkedQueue<SessionEvent> queue = new ConcurrentLinkedQueue<>();
    private final Thread writer;
    /** Where each connection this recorder has seen start is recorded: its session and its id there. */
    private final Map<Long, Stored> stored = new ConcurrentHashMap<>();
    /** Recorded ids of the connections that started and have not ended: what a reader may show as still open. */
    private final java.util.Set<Long> recordingNow = ConcurrentHashMap.newKeySet();
    private final AtomicLong recorded = new AtomicLong();
    /** Events queued and not yet taken by the writer, and their payload bytes. */
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicLong pendingBytes = new AtomicLong();
    /** How many queued events {@link #awaitCapacity()} allows: {@link #MAX_LAG_SECONDS} of the writer's rate. */
    private volatile int allowedPending = MIN_PENDING;
    /** How many queued payload bytes it allows: the same time, at its measured byte rate. */
    private volatile long allowedPendingBytes = MIN_PENDING_BYTES;
    private volatile boolean running = true;
    private volatile boolean alive = true;
    /**
     * True while the writer sleeps with nothing to do: only then does a new event wake it. A busy
     * writer looks at the queue again within {@link #BUSY_PARK_MILLIS} anyway, and waking it for
     * every event (a futex call on the producer's thread, a context switch on a machine whose cores
     * the app, the client and the server share) put that cost on every relayed message.
     */
    private volatile boolean idle;
    private volatile String problem;
    private volatile Consumer<String> onStopped = reason -> { };
    /** Guarded by this: whether the stop listener has heard the problem. */
    private boolean stoppedTold;

    // The writer thread's own state.
    /** Connections being recorded, by live connection id. */
    private final Map<Long, ConnectionRecording> live = new HashMap<>();
    /** Connections with blocks or rows written since the last commit. */
    private final List<ConnectionRecording> touched = new ArrayList<>();
    private boolean uncommitted;
    private long framesUncommitted;
    private long bufferedBytes;
    private long lastCommit = System.nanoTime();
    private long rateWindowStart = System.nanoTime();
    private long rateWindowEvents;
    private long rateWindowBytes;
    private StoredBlocks blocks;
    private ConnectionRows rows;
    private PreparedStatement counters;
    private Connection db;

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

    /** Called once, if the recorder stops because writing failed (on the writer thread, or here when it has already). */
    public synchronized void onStopped(Consumer<String> listener) {
        this.onStopped = listener;
        if (stoppedTold) {
            listener.accept(problem); // the stop was told to the listener before this one
        } else if (problem != null) {
            tellStopped();
        }
    }

    private synchronized void tellStopped() {
        if (!stoppedTold) {
            stoppedTold = true;
            onStopped.accept(problem);
        }
    }

    /** Where a live connection is recorded: its session and its id in the recording. */
    /** True while the recorded connection {@code recordedId} is open and being recorded by this process. */
    public boolean isRecording(long recordedId) {
        return recordingNow.contains(recordedId);
    }

    public record Stored(String session, long id) {
    }

    /** Where the live connection {@code connectionId} is recorded, once its start is written. */
    public Optional<Stored> storedAs(long connectionId) {
        return Optional.ofNullable(stored.get(connectionId));
    }

    /** Frames committed so far (for tests and the status bar). */
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
        if (event instanceof SessionEvent.FrameEvent f) {
            pendingBytes.addAndGet(f.frame().size());
        }
        if (idle) {
            LockSupport.unpark(writer);
        }
    }

    /**
     * Waits while the writer is far behind. Called by the read loops of connections before they
     * publish a received frame, so a flood faster than the disk slows the socket (TCP pushes back
     * on the sender) instead of filling memory or dropping frames. Never call it on the FX thread.
     */
    public void awaitCapacity() {
        while ((pending.get() > allowedPending || pendingBytes.get() > allowedPendingBytes) && running && alive) {
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(200));
        }
    }

    private void run() {
        try (Connection c = database.connect()) {
            db = c;
            c.setAutoCommit(false);
            rows = new ConnectionRows(c);
            blocks = new StoredBlocks(c, database.recentBlocks());
            counters = c.prepareStatement(StoredBlocks.COUNT);
            while (running || !queue.isEmpty()) {
                int taken = drain();
                long now = System.nanoTime();
                learnRate(taken, now);
                flushOlderThan(now - FLUSH_AGE_NANOS);
                if (uncommitted && (now - lastCommit >= COMMIT_NANOS || queue.isEmpty())) {
                    commit();
                }
                if (taken == 0) {
                    sleep();
                }
            }
            flushOlderThan(Long.MAX_VALUE);
            if (uncommitted) {
                commit();
            }
        } catch (SQLException | RuntimeException e) {
            LOG.error("the recorder stopped; messages from now on are not recorded", e);
            problem = StoreException.describe(e, database.file());
            rollback();
        } catch (Error e) {
            LOG.error("the recorder stopped; messages from now on are not recorded", e);
            problem = "recording stopped: " + (e instanceof OutOfMemoryError ? "out of memory" : e.toString());
            rollback();
            throw e;
        } finally {
            // A dead writer must never hold read loops in awaitCapacity or keep queueing events.
            alive = false;
            queue.clear();
            if (problem != null) {
                tellStopped();
            }
        }
    }

    /**
     * Waits for events: a short while when a block is open or a commit waits (their deadlines are
     * milliseconds), else until an event wakes it. Set idle, then look at the queue once more: an
     * event added meanwhile is seen here, or its producer sees idle and wakes the writer.
     */
    private void sleep() {
        if (uncommitted || bufferedBytes > 0) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(BUSY_PARK_MILLIS));
            return;
        }
        idle = true;
        if (queue.isEmpty() && running) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
        idle = false;
    }

    /** Takes queued events and applies them; returns how many. */
    private int drain() throws SQLException {
        int taken = 0;
        long bytes = 0;
        SessionEvent e;
        while (taken < 8192 && (e = queue.poll()) != null) {
            taken++;
            if (e instanceof SessionEvent.FrameEvent f) {
                bytes += f.frame().size();
                frame(f);
            } else {
                lifecycle(e);
            }
        }
        pending.addAndGet(-taken);
        pendingBytes.addAndGet(-bytes);
        rateWindowBytes += bytes;
        if (bufferedBytes > MAX_BUFFERED_BYTES) {
            flushOlderThan(Long.MAX_VALUE);
        }
        return taken;
    }

    private void frame(SessionEvent.FrameEvent f) throws SQLException {
        ConnectionRecording recording = live.get(f.connectionId());
        if (recording == null) {
            return; // a frame of a connection whose start was never published: nowhere to put it
        }
        FrameBlock.Builder block = recording.blocks.open;
        if ((long) recording.blocks.frames() + block.frames() >= MAX_FRAMES_PER_CONNECTION) {
            // A frame's position is 32 bits in its key: stop saying so rather than write over others.
            throw new IllegalStateException("recording stopped: a connection reached " + MAX_FRAMES_PER_CONNECTION
                    + " frames, the most one connection can record");
        }
        if (block.isEmpty()) {
            recording.openedNanos = System.nanoTime();
        }
        int before = block.buffered();
        block.add(f.leg(), f.frame(), f.message(), f.interception());
        bufferedBytes += block.buffered() - before;
        if (block.isFull()) {
            flush(recording, false);
        }
    }

    private void lifecycle(SessionEvent event) throws SQLException {
        uncommitted = true;
        if (event instanceof SessionEvent.Started s) {
            ConnectionRecording recording = new ConnectionRecording(rows.started(s));
            live.put(s.connectionId(), recording);
            recordingNow.add(recording.blocks.id);
            stored.put(s.connectionId(), new Stored(s.session(), recording.blocks.id));
        } else if (event instanceof SessionEvent.Opened o) {
            ConnectionRecording recording = live.get(o.connectionId());
            if (recording == null) {
                recording = new ConnectionRecording(rows.unannounced(o.url().toString(), o.timestampMicros()));
                live.put(o.connectionId(), recording);
                stored.put(o.connectionId(), new Stored(ConnectionRows.FALLBACK_SESSION, recording.blocks.id));
            }
            rows.opened(recording.blocks.id, o);
        } else if (event instanceof SessionEvent.Failed f) {
            ConnectionRecording recording = ended(f.connectionId());
            long id = recording != null ? recording.blocks.id : rows.unannounced(f.url().toString(), f.timestampMicros());
            rows.failed(id, f, recording != null);
        } else if (event instanceof SessionEvent.Closed c) {
            ConnectionRecording recording = ended(c.connectionId());
            if (recording != null) {
                rows.closed(recording.blocks.id, c);
            }
        } else if (event instanceof SessionEvent.NotUpgraded n) {
            ConnectionRecording recording = ended(n.connectionId());
            if (recording != null) {
                rows.notUpgraded(recording.blocks.id, n);
            }
        } else if (event instanceof SessionEvent.HttpRequest h) {
            HttpExchanges.insert(db, h.exchange());
        }
    }

    /** A connection's end: its last frames are written before the row says it ended. */
    private ConnectionRecording ended(long connectionId) throws SQLException {
        ConnectionRecording recording = live.remove(connectionId);
        if (recording != null) {
            recordingNow.remove(recording.blocks.id);
            flush(recording, true);
        }
        return recording;
    }

    private void flushOlderThan(long nanos) throws SQLException {
        for (ConnectionRecording recording : live.values()) {
            if (!recording.blocks.open.isEmpty() && recording.openedNanos <= nanos) {
                flush(recording, true);
            }
        }
    }

    /** Writes a connection's open block (uncommitted) and counts it. */
    /** Writes a connection's open block (uncommitted); {@code release} for one that is not full (a quiet connection). */
    private void flush(ConnectionRecording recording, boolean release) throws SQLException {
        int buffered = recording.blocks.open.buffered();
        int written = recording.blocks.flush(blocks, release);
        if (written == 0) {
            return;
        }
        framesUncommitted += written;
        bufferedBytes -= buffered;
        if (!recording.touched) {
            recording.touched = true;
            touched.add(recording);
        }
        uncommitted = true;
    }

    private void commit() throws SQLException {
        for (ConnectionRecording recording : touched) {
            recording.blocks.count(counters);
        }
        db.commit();
        lastCommit = System.nanoTime();
        uncommitted = false;
        recorded.addAndGet(framesUncommitted);
        framesUncommitted = 0;
        for (ConnectionRecording recording : touched) {
            recording.touched = false;
            SearchIndexer indexer = recording.blocks.frames() > 0 ? database.indexer() : null;
            if (indexer != null) {
                indexer.committed(recording.blocks.id, recording.blocks.frames());
            }
        }
        touched.clear();
    }

    /** Learns how many events a second the writer takes while busy, and sets the queue's bound from it. */
    private void learnRate(int taken, long now) {
        rateWindowEvents += taken;
        long window = now - rateWindowStart;
        if (window >= TimeUnit.MILLISECONDS.toNanos(100)) {
            if (rateWindowEvents > MIN_PENDING) {
                double rate = rateWindowEvents * 1e9 / window;
                allowedPending = (int) Math.max(MIN_PENDING, Math.min(MAX_PENDING, rate * MAX_LAG_SECONDS));
            }
            if (rateWindowBytes > MIN_PENDING_BYTES) {
                double byteRate = rateWindowBytes * 1e9 / window;
                allowedPendingBytes = (long) Math.max(MIN_PENDING_BYTES, Math.min(MAX_PENDING_BYTES, byteRate * MAX_LAG_SECONDS));
            }
            rateWindowStart = now;
            rateWindowEvents = 0;
            rateWindowBytes = 0;
        }
    }

    private void rollback() {
        try {
            if (db != null && !db.isClosed()) {
                db.rollback();
            }
        } catch (SQLException ignored) {
            // the connection is going away with the writer; nothing more to undo
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

    /** One connection as the writer records it: its blocks, when its open block began, whether it awaits a commit. */
    private static final class ConnectionRecording {
        final ConnectionBlocks blocks;
        long openedNanos;
        boolean touched;

        ConnectionRecording(long id) {
            this.blocks = new ConnectionBlocks(id);
        }
    }
}
