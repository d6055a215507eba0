package dev.sockscope.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the substring search index as frames are committed, on a thread of its own, so neither
 * the recorder's writer nor a search ever pays for it. Writers say what they committed
 * ({@link #committed}); the indexer reads those blocks back, adds each one's trigram signature to
 * the current segment ({@link SegmentBits}) under the next index block number, and persists:
 * a segment when it is full, and the open segment whenever it has been idle a moment or a couple
 * of seconds have passed. What is persisted (search_block, search_slice, search_progress and
 * search_state, in one transaction) is all a search reads (see {@link SearchIndex}); frames
 * committed but not yet indexed are read directly by the search, so results never wait for it.
 *
 * <p>At start it catches up with whatever an earlier process committed and did not index (a
 * kill -9, an older version), rebuilding the open segment's bits from its blocks. Only a process
 * that writes (the app, {@code connect}, {@code import}) runs one.
 */
final class SearchIndexer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SearchIndexer.class);
    private static final long IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(150);
    private static final long PERSIST_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final Database database;
    private final Thread thread;
    /** Frames committed per connection, as writers report them. */
    private final Map<Long, Integer> committed = new ConcurrentHashMap<>();
    private volatile boolean running = true;
    private volatile boolean caughtUp;
    private volatile String problem;

    // The indexer thread's own state.
    /** Per connection, the last seq indexed (in memory; persisted ones are in search_progress). */
    private final Map<Long, Integer> indexedThrough = new HashMap<>();
    private final Map<Long, Integer> progressToPersist = new HashMap<>();
    private final List<long[]> blocksToPersist = new ArrayList<>();
    private final SegmentBits current = new SegmentBits();
    /** Grams whose slice in the open segment changed since it was last persisted. */
    private final long[] changedGrams = new long[TrigramSignature.GRAMS / 64];
    private final BlockSignature signature = new BlockSignature();
    private int nextBlock;
    private long lastWork = System.nanoTime();
    private long lastPersist = System.nanoTime();
    private Connection db;

    SearchIndexer(Database database) {
        this.database = database;
        this.thread = new Thread(this::run, "store-indexer");
        thread.setDaemon(true);
        // The index is worth less than the recording: it yields the CPU to the writer and the network.
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    /** A writer committed {@code frames} frames of {@code connection} (seq 0 to frames - 1). */
    void committed(long connection, int frames) {
        committed.merge(connection, frames, Math::max);
        LockSupport.unpark(thread);
    }

    /** True once everything reported so far is indexed and persisted (for tests). */
    boolean isCaughtUp() {
        // committed first: the indexer clears caughtUp before it takes a report out of it.
        return committed.isEmpty() && caughtUp;
    }

    /** Why indexing stopped, or null: a search then reads what is not indexed directly, slower but right. */
    String problem() {
        return problem;
    }

    private void run() {
        try (Connection c = database.connect()) {
            db = c;
            c.setAutoCommit(false);
            load();
            while (running) {
                boolean worked = indexReported();
                long now = System.nanoTime();
                if (worked) {
                    lastWork = now;
                    caughtUp = false;
                }
                if (!blocksToPersist.isEmpty() && (now - lastWork >= IDLE_NANOS || now - lastPersist >= PERSIST_NANOS)) {
                    persist();
                }
                if (!worked) {
                    caughtUp = blocksToPersist.isEmpty();
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
                }
            }
            indexReported();
            persist();
        } catch (SQLException | RuntimeException e) {
            if (running) {
                problem = StoreException.describe(e, database.file());
                LOG.warn("the search index stopped; searches read what it misses directly: {}", problem, e);
            }
        }
    }

    /** Reads what is persisted and finds what was committed and never indexed. */
    private void load() throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("SELECT next_block FROM search_state WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            nextBlock = rs.next() ? rs.getInt(1) : 0;
        }
        try (PreparedStatement ps = db.prepareStatement("SELECT connection_id, indexed_through FROM search_progress");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                indexedThrough.put(rs.getLong(1), rs.getInt(2));
            }
        }
        rebuildOpenSegment();
        try (PreparedStatement ps = db.prepareStatement("SELECT id, frames FROM connection WHERE frames > 0");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                if (rs.getInt(2) > indexedThrough.getOrDefault(rs.getLong(1), -1) + 1) {
                    committed.merge(rs.getLong(1), rs.getInt(2), Math::max);
                }
            }
        }
        db.commit();
    }

    /** The open segment lives in memory: its bits are made again from its blocks (at most 127). */
    private void rebuildOpenSegment() throws SQLException {
        int start = nextBlock - nextBlock % SegmentBits.BLOCKS;
        try (PreparedStatement ps = db.prepareStatement("SELECT block, connection_id, first_seq FROM search_block"
                + " WHERE block >= ? ORDER BY block")) {
            ps.setInt(1, start);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (signBlock(rs.getLong(2), rs.getInt(3))) {
                        current.add(rs.getInt(1) - start, signature);
                    }
                }
            }
        }
    }

    /** Indexes every block committed since the last look; true when there was any. */
    private boolean indexReported() throws SQLException {
        boolean worked = false;
        for (Long connection : new ArrayList<>(committed.keySet())) {
            caughtUp = false;
            int frames = committed.remove(connection);
            int through = indexedThrough.getOrDefault(connection, -1);
            if (frames <= through + 1) {
                continue;
            }
            worked = true;
            try (PreparedStatement ps = db.prepareStatement("SELECT " + StoredBlocks.COLUMNS + ", b.last_seq FROM block b"
                    + " WHERE b.id BETWEEN ? AND ? ORDER BY b.id")) {
                ps.setLong(1, FrameKey.of(connection, through + 1));
                ps.setLong(2, FrameKey.last(connection));
                ps.setFetchSize(16);
                try (ResultSet rs = ps.executeQuery()) {
                    while (running && rs.next()) {
                        sign(rs);
                        add(connection, FrameKey.seq(rs.getLong(1)), rs.getInt(6));
                    }
                }
            }
            db.commit();
            if (!running) {
                break;
            }
        }
        return worked;
    }

    /** Adds the block whose messages {@link #signature} now holds. */
    private void add(long connection, int first, int last) throws SQLException {
        int block = nextBlock++;
        current.add(block % SegmentBits.BLOCKS, signature);
        signature.forEachGram(g -> changedGrams[g >>> 6] |= 1L << (g & 63));
        blocksToPersist.add(new long[] {block, connection, first, last});
        indexedThrough.put(connection, last);
        progressToPersist.put(connection, last);
        if (nextBlock % SegmentBits.BLOCKS == 0) {
            persist();
            current.clear();
        }
    }

    /**
     * Makes {@link #signature} that of the block at the current row. A damaged block gets every
     * gram: it is then a candidate for every search, which reads it and says it is damaged, as a
     * full scan would; the indexer goes on with the next block instead of stopping for good.
     */
    private void sign(ResultSet rs) throws SQLException {
        signature.clear();
        try {
            StoredBlocks.readMessages(rs, 1, database.file(), database.recentBlocks(), signature::addFrame);
        } catch (StoreException damaged) {
            LOG.warn("indexing: {}", damaged.getMessage());
            signature.addAll();
        }
    }

    /** Makes {@link #signature} that of a stored block; false when it is gone (its session was deleted). */
    private boolean signBlock(long connection, int firstSeq) throws SQLException {
        signature.clear();
        try (PreparedStatement ps = db.prepareStatement("SELECT " + StoredBlocks.COLUMNS + " FROM block b WHERE b.id = ?")) {
            ps.setLong(1, FrameKey.of(connection, firstSeq));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return false;
                }
                sign(rs);
                return true;
            }
        }
    }

    /** Writes the new blocks, the changed slices of the open segment and the progress, in one transaction. */
    private void persist() throws SQLException {
        if (blocksToPersist.isEmpty()) {
            return;
        }
        int segment = (int) (blocksToPersist.get(0)[0] / SegmentBits.BLOCKS);
        try (PreparedStatement blocks = db.prepareStatement(
                "INSERT INTO search_block(block, connection_id, first_seq, last_seq) VALUES (?, ?, ?, ?)");
             PreparedStatement slices = db.prepareStatement("MERGE INTO search_slice KEY (gram, segment) VALUES (?, ?, ?)");
             PreparedStatement progress = db.prepareStatement("MERGE INTO search_progress KEY (connection_id) VALUES (?, ?)");
             PreparedStatement state = db.prepareStatement("UPDATE search_state SET next_block = ? WHERE id = 1")) {
            for (long[] b : blocksToPersist) {
                blocks.setInt(1, (int) b[0]);
                blocks.setLong(2, b[1]);
                blocks.setInt(3, (int) b[2]);
                blocks.setInt(4, (int) b[3]);
                blocks.addBatch();
            }
            blocks.executeBatch();
            int batched = 0;
            for (int w = 0; w < changedGrams.length; w++) {
                long word = changedGrams[w];
                while (word != 0) {
                    int gram = w * 64 + Long.numberOfTrailingZeros(word);
                    word &= word - 1;
                    slices.setInt(1, gram);
                    slices.setInt(2, segment);
                    slices.setBytes(3, current.slice(gram));
                    slices.addBatch();
                    if (++batched % 4096 == 0) {
                        slices.executeBatch();
                    }
                }
            }
            slices.executeBatch();
            for (Map.Entry<Long, Integer> p : progressToPersist.entrySet()) {
                progress.setLong(1, p.getKey());
                progress.setInt(2, p.getValue());
                progress.addBatch();
            }
            progress.executeBatch();
            state.setInt(1, nextBlock);
            state.executeUpdate();
            db.commit();
        } catch (SQLException e) {
            db.rollback();
            throw e;
        }
        blocksToPersist.clear();
        progressToPersist.clear();
        java.util.Arrays.fill(changedGrams, 0);
        lastPersist = System.nanoTime();
    }

    /**
     * Indexes and persists what was reported, for up to {@code millis}, then stops: a command that
     * recorded or imported leaves an index the next search can use at once.
     */
    void close(long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (!isCaughtUp() && thread.isAlive() && System.nanoTime() < deadline) {
            LockSupport.unpark(thread);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(Math.max(100, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.info("the search index was not finished within {} ms: the next search reads the rest directly", millis);
        }
    }

    @Override
    public void close() {
        close(10_000);
    }
}
