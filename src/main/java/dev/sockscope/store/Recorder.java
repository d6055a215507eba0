package dev.sockscope.store;

import dev.sockscope.core.Frame;
import dev.sockscope.core.Handshake;
import dev.sockscope.core.SessionEvent;
import dev.sockscope.core.Timings;
import dev.sockscope.core.TlsInfo;
import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
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
 * milliseconds (group commit), so a flood is recorded without a transaction per frame.
 */
public final class Recorder implements Consumer<SessionEvent>, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Recorder.class);
    private static final int BATCH = 5000;
    private static final int INLINE_LIMIT = 1_000_000;
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
    private volatile String sessionName = "default";
    private volatile boolean running = true;
    private volatile boolean alive = true;
    private Connection db;

    public Recorder(Database database) {
        this.database = database;
        this.writer = new Thread(this::run, "store-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /** Connections opened from now on are recorded into this session (created when missing). */
    public void useSession(String name) {
        this.sessionName = name;
    }

    public String session() {
        return sessionName;
    }

    /** False once the writer has failed (the log says why); nothing is recorded after that. */
    public boolean isAlive() {
        return alive;
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
        } finally {
            // A dead writer must never hold read loops in awaitCapacity or keep queueing events.
            alive = false;
            queue.clear();
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
        try (PreparedStatement frames = db.prepareStatement("INSERT INTO frame(connection_id, seq, direction, opcode, fin, rsv,"
                + " ts_us, size, payload, payload_large, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int inBatch = 0;
            for (SessionEvent event : batch) {
                if (event instanceof SessionEvent.FrameEvent f) {
                    long[] ids = connections.get(f.connectionId());
                    if (ids != null) {
                        addFrame(frames, ids, f.frame());
                        inBatch++;
                    }
                } else {
                    if (inBatch > 0) {
                        frames.executeBatch();
                        inBatch = 0;
                    }
                    lifecycle(event);
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

    private void addFrame(PreparedStatement ps, long[] ids, Frame frame) throws SQLException {
        int seq = (int) ids[1]++;
        ps.setLong(1, ids[0]);
        ps.setInt(2, seq);
        ps.setLong(11, FrameKey.of(ids[0], seq));
        ps.setInt(3, frame.direction().ordinal());
        ps.setInt(4, frame.opcode().code());
        ps.setBoolean(5, frame.fin());
        ps.setInt(6, frame.rsv());
        ps.setLong(7, frame.timestampMicros());
        ps.setInt(8, frame.size());
        if (frame.size() <= INLINE_LIMIT) {
            ps.setBytes(9, frame.payload());
            ps.setNull(10, Types.BLOB);
        } else {
            ps.setNull(9, Types.VARBINARY);
            ps.setBinaryStream(10, new ByteArrayInputStream(frame.payload()), frame.size());
        }
        ps.addBatch();
        recorded.incrementAndGet();
    }

    private void lifecycle(SessionEvent event) throws SQLException {
        if (event instanceof SessionEvent.Opened o) {
            long id = insertConnection(o.url().toString(), o.timestampMicros());
            connections.put(o.connectionId(), new long[] {id, 0});
            stored.put(o.connectionId(), new Stored(sessionName, id));
            updateOpened(id, o);
        } else if (event instanceof SessionEvent.Failed f) {
            long[] ids = connections.get(f.connectionId());
            long id = ids != null ? ids[0] : insertConnection(f.url().toString(), f.timestampMicros());
            try (PreparedStatement ps = db.prepareStatement("UPDATE connection SET ended_us = ?, error = ?,"
                    + " request_head = COALESCE(?, request_head), response_head = COALESCE(?, response_head),"
                    + " response_body = COALESCE(?, response_body), failure_kind = ?, failure_detail = ? WHERE id = ?")) {
                Handshake h = f.failure().handshake();
                ps.setLong(1, f.timestampMicros());
                ps.setString(2, f.failure().message());
                ps.setString(3, h == null ? null : h.requestHead());
                ps.setString(4, h == null ? null : h.responseHead());
                ps.setBytes(5, h == null ? null : h.responseBody());
                ps.setString(6, f.failure().kind().name());
                ps.setString(7, f.failure().detail());
                ps.setLong(8, id);
                ps.executeUpdate();
            }
            if (ids == null && f.failure().tls() != null) {
                // A refused certificate: keep the chain the server sent, so the reopened session can explain it.
                updateTls(id, f.failure().tls());
            }
            connections.remove(f.connectionId());
        } else if (event instanceof SessionEvent.Closed c) {
            long[] ids = connections.remove(c.connectionId());
            if (ids != null) {
                try (PreparedStatement ps = db.prepareStatement(
                        "UPDATE connection SET ended_us = ?, close_code = ?, close_reason = ?, close_remote = ? WHERE id = ?")) {
                    ps.setLong(1, c.timestampMicros());
                    ps.setInt(2, c.code());
                    ps.setString(3, c.reason());
                    ps.setBoolean(4, c.remote());
                    ps.setLong(5, ids[0]);
                    ps.executeUpdate();
                }
            }
        }
    }

    private long insertConnection(String url, long startedMicros) throws SQLException {
        long session = Sessions.idOf(db, sessionName);
        try (PreparedStatement ps = db.prepareStatement("INSERT INTO connection(session_id, url, origin, started_us)"
                + " VALUES (?, ?, 'client', ?)", PreparedStatement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, session);
            ps.setString(2, url);
            ps.setLong(3, startedMicros);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private void updateOpened(long id, SessionEvent.Opened o) throws SQLException {
        Timings t = o.timings() == null ? Timings.NONE : o.timings();
        try (PreparedStatement ps = db.prepareStatement("UPDATE connection SET opened_us = ?, request_head = ?,"
                + " response_head = ?, subprotocol = ?, dns_us = ?, tcp_us = ?, tls_us = ?, upgrade_us = ? WHERE id = ?")) {
            ps.setLong(1, o.timestampMicros());
            ps.setString(2, o.handshake().requestHead());
            ps.setString(3, o.handshake().responseHead());
            ps.setString(4, o.subprotocol());
            ps.setLong(5, t.dnsMicros());
            ps.setLong(6, t.tcpMicros());
            ps.setLong(7, t.tlsMicros());
            ps.setLong(8, t.upgradeMicros());
            ps.setLong(9, id);
            ps.executeUpdate();
        }
        if (o.tls() != null) {
            updateTls(id, o.tls());
        }
    }

    /** The TLS session and the chain as the server sent it, leaf first. */
    private void updateTls(long id, TlsInfo tls) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("UPDATE connection SET tls_protocol = ?, tls_cipher = ?,"
                + " tls_alpn = ?, tls_sni = ?, tls_resumed = ?, peer_address = ? WHERE id = ?")) {
            ps.setString(1, tls.protocol());
            ps.setString(2, tls.cipherSuite());
            ps.setString(3, tls.alpn());
            ps.setString(4, tls.sniHost());
            ps.setBoolean(5, tls.resumed());
            ps.setString(6, tls.peerAddress());
            ps.setLong(7, id);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = db.prepareStatement("MERGE INTO certificate KEY (connection_id, position) VALUES (?, ?, ?)")) {
            for (int i = 0; i < tls.chainDer().size(); i++) {
                ps.setLong(1, id);
                ps.setInt(2, i);
                ps.setBytes(3, tls.chainDer().get(i));
                ps.addBatch();
            }
            ps.executeBatch();
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
