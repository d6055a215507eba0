package dev.sockscope.store;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A block-signature trigram index over the recorded frames, built lazily at search time so the
 * recording writer never pays for it. It narrows a substring search down to the frame ranges
 * that can hold a match; {@link FrameQueries} still reads those frames and its matcher decides,
 * so results are exactly those of a full scan, in the same order.
 *
 * <p>A <em>block</em> is up to 256 consecutive frames (by seq) of one connection, numbered 0, 1,
 * 2... as the index creates them. A block is made only once it cannot change: 256 frames, or
 * its connection is <em>sealed</em> (ended, imported, or older than this process; see
 * {@link #SEALED}). Frames after a connection's last block are its <em>tail</em>, scanned
 * directly. A block's signature is the set of trigram hashes of its frames; signatures are
 * stored bit-sliced per segment of 128 blocks ({@link SegmentBits}): full segments in
 * {@code search_slice}, the current one in memory (rebuilt from its blocks' frames at first use).
 *
 * <p>One lock guards the in-memory state: one catch-up at a time, and a query sees a state that
 * agrees with the database. Frames are never changed once recorded and seq only grows within a
 * connection; the index relies on both.
 */
final class SearchIndex {
    static final int BLOCK_FRAMES = 256;
    /**
     * Above this share of the blocks as candidates, reading them range by range costs more than
     * one streaming scan that stops at the first page (a frequent term fills it at once).
     */
    static final double SCAN_SHARE = 0.25;
    /**
     * A connection whose frames are all recorded: ended, imported (frames and connection row are
     * committed together), or present when this process opened the database (only the process
     * that inserts a connection records into it, so an older one without an end was cut short
     * by a crash). The parameter is the highest connection id at open.
     */
    private static final String SEALED = "(c.ended_us IS NOT NULL OR c.origin = 'import' OR c.id <= ?)";

    private final Database database;
    private final ReentrantLock lock = new ReentrantLock();
    private double scanShare = SCAN_SHARE;

    // Guarded by lock.
    private boolean loaded;
    /** False until the current segment's bits are rebuilt after a load: only when first needed. */
    private boolean currentBuilt;
    /** False when the index tables are missing (a read-only snapshot of an older schema). */
    private boolean available;
    private int nextBlock;
    private final IndexedBlocks blocks = new IndexedBlocks();
    private final SegmentBits current = new SegmentBits();
    /** Connections with frames still to index (or to scan as tail), by id. */
    private final TreeMap<Long, Pending> pending = new TreeMap<>();
    /** Connections above this id were recorded after the last catch-up: all tail. */
    private long lastSeenConnection;

    /** What is left to index of one connection. */
    private static final class Pending {
        int indexedThrough;
        boolean sealed;

        Pending(int indexedThrough, boolean sealed) {
            this.indexedThrough = indexedThrough;
            this.sealed = sealed;
        }
    }

    /** Frames {@code fromSeq..toSeq} of one connection. */
    record FrameRange(long connection, int fromSeq, int toSeq) {
    }

    /**
     * Where matches can be, in primary-key order: {@code ranges}, then every frame of the
     * connections with an id above {@code newConnectionsAfter}.
     */
    record Plan(List<FrameRange> ranges, long newConnectionsAfter) {
    }

    SearchIndex(Database database) {
        this.database = database;
    }

    /** True when a substring query can be narrowed by the index: plain text of three chars or more. */
    static boolean canNarrow(String text, boolean regex) {
        return !regex && text.toLowerCase(Locale.ROOT).length() >= TrigramSignature.MIN_NEEDLE;
    }

    /** For tests: the candidate share above which {@link #plan} gives up for a full scan. */
    void scanShare(double share) {
        this.scanShare = share;
    }

    /**
     * Indexes what has become indexable since the last call: complete blocks and the rest of
     * sealed connections; after a reopen, also rebuilds the current segment. Cheap when nothing
     * changed; run it in the background when idle so the next search does not pay for a long
     * recording. Blocking; never on the FX thread.
     */
    void catchUp() {
        lock.lock();
        try (Connection read = database.connect()) {
            catchUp(read);
            if (available) {
                ensureCurrentSegment(read); // getting ready for a search: the next one may need it
            }
        } catch (SQLException e) {
            throw Database.translate(e, database.file());
        } finally {
            lock.unlock();
        }
    }

    /**
     * Catches up, then gives the frame ranges that can hold {@code needle} (in {@code session}'s
     * connections when not null), or empty when a full scan is the better way.
     */
    Optional<Plan> plan(Connection db, String needle, String session) throws SQLException {
        int[] grams = TrigramSignature.needleGrams(needle);
        lock.lock();
        try {
            catchUp(db);
            if (!available || grams.length == 0) {
                return Optional.empty();
            }
            Set<Long> scope = session == null ? null : connectionsOf(db, session);
            BitSet candidates = persistedCandidates(db, grams);
            int blocksInScope = 0;
            int persistedHits = 0;
            for (int b = 0; b < nextBlock; b++) {
                if (blocks.has(b) && (scope == null || scope.contains(blocks.connection(b)))) {
                    blocksInScope++;
                    persistedHits += candidates.get(b) ? 1 : 0;
                }
            }
            if (persistedHits > scanShare * blocksInScope) {
                // A frequent term: known without the current segment (it can only add candidates).
                return Optional.empty();
            }
            addCurrentCandidates(db, grams, candidates);
            List<FrameRange> ranges = new ArrayList<>();
            for (int b = candidates.nextSetBit(0); b >= 0 && b < nextBlock; b = candidates.nextSetBit(b + 1)) {
                if (blocks.has(b) && (scope == null || scope.contains(blocks.connection(b)))) {
                    ranges.add(new FrameRange(blocks.connection(b), blocks.firstSeq(b), blocks.lastSeq(b)));
                }
            }
            if (ranges.size() > scanShare * blocksInScope) {
                return Optional.empty();
            }
            for (Map.Entry<Long, Pending> tail : pending.entrySet()) {
                if (scope == null || scope.contains(tail.getKey())) {
                    ranges.add(new FrameRange(tail.getKey(), tail.getValue().indexedThrough + 1, Integer.MAX_VALUE));
                }
            }
            return Optional.of(new Plan(merged(ranges), lastSeenConnection));
        } finally {
            lock.unlock();
        }
    }

    /** Sorted by (connection, seq), neighbours joined: fewer queries, same frames. */
    private static List<FrameRange> merged(List<FrameRange> ranges) {
        ranges.sort(Comparator.comparingLong(FrameRange::connection).thenComparingInt(FrameRange::fromSeq));
        List<FrameRange> out = new ArrayList<>(ranges.size());
        for (FrameRange r : ranges) {
            FrameRange last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && last.connection() == r.connection() && last.toSeq() != Integer.MAX_VALUE
                    && last.toSeq() + 1 == r.fromSeq()) {
                out.set(out.size() - 1, new FrameRange(r.connection(), last.fromSeq(), r.toSeq()));
            } else {
                out.add(r);
            }
        }
        return out;
    }

    /** Blocks of the full segments whose signature holds every gram, read from the database. */
    private BitSet persistedCandidates(Connection db, int[] grams) throws SQLException {
        int fullSegments = nextBlock / SegmentBits.BLOCKS;
        long[] words = null;
        try (PreparedStatement ps = db.prepareStatement("SELECT segment, bits FROM search_slice WHERE gram = ?")) {
            for (int gram : grams) {
                long[] gramWords = new long[fullSegments * 2];
                ps.setInt(1, gram);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        int segment = rs.getInt(1);
                        if (segment < fullSegments) {
                            long[] slice = SegmentBits.fromBytes(rs.getBytes(2));
                            gramWords[segment * 2] = slice[0];
                            gramWords[segment * 2 + 1] = slice[1];
                        }
                    }
                }
                words = words == null ? gramWords : and(words, gramWords);
                if (Arrays.stream(words).allMatch(w -> w == 0)) {
                    break;
                }
            }
        }
        // Block b is bit b: segment s's two longs are words 2s and 2s+1, as BitSet.valueOf reads them.
        return BitSet.valueOf(words);
    }

    /** Adds the blocks of the current segment (in memory) whose signature holds every gram. */
    private void addCurrentCandidates(Connection db, int[] grams, BitSet candidates) throws SQLException {
        ensureCurrentSegment(db);
        long low = -1;
        long high = -1;
        for (int gram : grams) {
            low &= current.low(gram);
            high &= current.high(gram);
        }
        int start = nextBlock - nextBlock % SegmentBits.BLOCKS;
        for (int i = 0; i < SegmentBits.BLOCKS; i++) {
            if (((i < 64 ? low >>> i : high >>> (i - 64)) & 1) != 0) {
                candidates.set(start + i);
            }
        }
    }

    private static long[] and(long[] a, long[] b) {
        for (int i = 0; i < a.length; i++) {
            a[i] &= b[i];
        }
        return a;
    }

    private static Set<Long> connectionsOf(Connection db, String session) throws SQLException {
        Set<Long> ids = new HashSet<>();
        try (PreparedStatement ps = db.prepareStatement(
                "SELECT c.id FROM connection c JOIN session s ON c.session_id = s.id WHERE s.name = ?")) {
            ps.setString(1, session);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    // ---- catch-up -------------------------------------------------------------------------

    private void catchUp(Connection read) throws SQLException {
        if (!loaded) {
            load(read);
        }
        if (!available) {
            return;
        }
        // Connection states first, frames after: a connection seen sealed here has every frame
        // committed, so the frame reads below see them all.
        refreshConnections(read);
        if (database.isReadOnly()) {
            return; // nothing can be written: what is not indexed is scanned as tail
        }
        try (BlockWriter writer = new BlockWriter(database)) {
            try {
                indexPending(read, writer);
                writer.commit(nextBlock);
            } catch (SQLException | RuntimeException e) {
                writer.rollback();
                loaded = false; // memory may be ahead of the database: reload at next use
                throw e;
            }
        }
    }

    private void load(Connection db) throws SQLException {
        nextBlock = 0;
        blocks.clear();
        current.clear();
        pending.clear();
        lastSeenConnection = 0;
        available = hasTables(db);
        if (!available) {
            loaded = true;
            return;
        }
        try (PreparedStatement ps = db.prepareStatement("SELECT next_block FROM search_state WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            nextBlock = rs.next() ? rs.getInt(1) : 0;
        }
        Map<Long, Integer> indexedThrough = new HashMap<>();
        Set<Long> complete = new HashSet<>();
        try (PreparedStatement ps = db.prepareStatement(
                "SELECT block, connection_id, first_seq, last_seq, last_of_connection FROM search_block");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long connection = rs.getLong(2);
                blocks.put(rs.getInt(1), connection, rs.getInt(3), rs.getInt(4));
                indexedThrough.merge(connection, rs.getInt(4), Math::max);
                if (rs.getBoolean(5)) {
                    complete.add(connection);
                }
            }
        }
        try (PreparedStatement ps = db.prepareStatement("SELECT c.id, " + SEALED + " FROM connection c ORDER BY c.id")) {
            ps.setLong(1, database.lastConnectionAtOpen());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    lastSeenConnection = id;
                    if (!complete.contains(id)) {
                        pending.put(id, new Pending(indexedThrough.getOrDefault(id, -1), rs.getBoolean(2)));
                    }
                }
            }
        }
        currentBuilt = false;
        loaded = true;
    }

    private static boolean hasTables(Connection db) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(
                "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME IN ('SEARCH_BLOCK', 'SEARCH_SLICE', 'SEARCH_STATE')");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getInt(1) == 3;
        }
    }

    /**
     * The current segment lives in memory only: after a load, its blocks' frames (at most 32,768)
     * are read again, when a query first needs it or before a block is added to it. A frequent
     * term decided by the full segments alone never pays for it.
     */
    private void ensureCurrentSegment(Connection db) throws SQLException {
        if (currentBuilt) {
            return;
        }
        current.clear();
        int start = nextBlock - nextBlock % SegmentBits.BLOCKS;
        BlockSignature signature = new BlockSignature();
        try (PreparedStatement ps = db.prepareStatement("SELECT " + StoredFrames.SEARCHABLE_COLUMNS + " FROM frame"
                + " WHERE id BETWEEN ? AND ? ORDER BY id")) {
            for (int b = start; b < nextBlock; b++) {
                if (!blocks.has(b)) {
                    continue;
                }
                ps.setLong(1, FrameKey.of(blocks.connection(b), blocks.firstSeq(b)));
                ps.setLong(2, FrameKey.of(blocks.connection(b), blocks.lastSeq(b)));
                signature.clear();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        StoredFrames.addSearchable(signature, rs, 1);
                    }
                }
                current.add(b - start, signature);
            }
        }
        currentBuilt = true;
    }

    /** Notes new connections, and which pending ones have ended or were deleted. */
    private void refreshConnections(Connection db) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("SELECT c.id, " + SEALED + " FROM connection c WHERE c.id > ? ORDER BY c.id")) {
            ps.setLong(1, database.lastConnectionAtOpen());
            ps.setLong(2, lastSeenConnection);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    lastSeenConnection = rs.getLong(1);
                    pending.put(rs.getLong(1), new Pending(-1, rs.getBoolean(2)));
                }
            }
        }
        Long[] live = pending.entrySet().stream().filter(e -> !e.getValue().sealed).map(Map.Entry::getKey).toArray(Long[]::new);
        if (live.length == 0) {
            return;
        }
        Set<Long> present = new HashSet<>();
        try (PreparedStatement ps = db.prepareStatement("SELECT c.id, " + SEALED + " FROM connection c WHERE c.id = ANY(?)")) {
            ps.setLong(1, database.lastConnectionAtOpen());
            ps.setObject(2, live);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    present.add(rs.getLong(1));
                    pending.get(rs.getLong(1)).sealed = rs.getBoolean(2);
                }
            }
        }
        for (Long id : live) {
            if (!present.contains(id)) {
                pending.remove(id); // its session was deleted
            }
        }
    }

    /** Indexes, in primary-key order, every complete block and the rest of each sealed connection. */
    private void indexPending(Connection read, BlockWriter writer) throws SQLException {
        BlockSignature signature = new BlockSignature();
        try (PreparedStatement count = read.prepareStatement("SELECT COUNT(*) FROM frame WHERE id BETWEEN ? AND ?");
             PreparedStatement frames = read.prepareStatement("SELECT seq, " + StoredFrames.SEARCHABLE_COLUMNS + " FROM frame"
                     + " WHERE id BETWEEN ? AND ? ORDER BY id LIMIT ?")) {
            frames.setFetchSize(1000);
            for (Long id : new ArrayList<>(pending.keySet())) {
                Pending p = pending.get(id);
                // seq > indexedThrough (which starts at -1)
                count.setLong(1, FrameKey.of(id, p.indexedThrough + 1));
                count.setLong(2, FrameKey.last(id));
                long remaining;
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    remaining = rs.getLong(1);
                }
                // A live connection: only its complete blocks; the rest stays tail.
                long limit = p.sealed ? remaining : remaining / BLOCK_FRAMES * BLOCK_FRAMES;
                if (limit == 0) {
                    if (p.sealed) {
                        pending.remove(id); // ended with everything indexed, or never sent a frame
                    }
                    continue;
                }
                // Before any block is added to it (and before the frames cursor opens on this connection).
                ensureCurrentSegment(read);
                frames.setLong(1, FrameKey.of(id, p.indexedThrough + 1));
                frames.setLong(2, FrameKey.last(id));
                frames.setLong(3, limit);
                int first = -1;
                int last = -1;
                int inBlock = 0;
                try (ResultSet rs = frames.executeQuery()) {
                    while (rs.next()) {
                        if (inBlock == 0) {
                            first = rs.getInt(1);
                            signature.clear();
                        }
                        last = rs.getInt(1);
                        StoredFrames.addSearchable(signature, rs, 2);
                        if (++inBlock == BLOCK_FRAMES) {
                            addBlock(writer, id, first, last, false, signature);
                            p.indexedThrough = last;
                            inBlock = 0;
                        }
                    }
                }
                if (p.sealed) {
                    if (inBlock > 0) {
                        addBlock(writer, id, first, last, true, signature);
                    }
                    pending.remove(id);
                }
            }
        }
    }

    private void addBlock(BlockWriter writer, long connection, int first, int last, boolean lastOfConnection,
            BlockSignature signature) throws SQLException {
        int block = nextBlock++;
        blocks.put(block, connection, first, last);
        current.add(block % SegmentBits.BLOCKS, signature);
        writer.block(block, connection, first, last, lastOfConnection);
        if (nextBlock % SegmentBits.BLOCKS == 0) {
            // The segment is full: its slices go to the database with its blocks, in one commit.
            writer.segment(block / SegmentBits.BLOCKS, current);
            writer.commit(nextBlock);
            current.clear();
        }
    }

    /** The inline payload, or the large one read from its BLOB. */
    static byte[] payload(ResultSet rs, int inline, int large) throws SQLException {
        byte[] payload = rs.getBytes(inline);
        if (payload != null) {
            return payload;
        }
        try (InputStream in = rs.getBinaryStream(large)) {
            return in == null ? new byte[0] : in.readAllBytes();
        } catch (IOException e) {
            throw new SQLException("cannot read a large payload: " + e.getMessage(), e);
        }
    }

    /**
     * The index's writes, batched, on a connection of their own (the reads stream on another),
     * opened at the first write: a catch-up that finds nothing new writes and commits nothing.
     */
    private static final class BlockWriter implements AutoCloseable {
        private final Database database;
        private Connection db;
        private PreparedStatement block;
        private int pendingBlocks;

        BlockWriter(Database database) {
            this.database = database;
        }

        private Connection db() throws SQLException {
            if (db == null) {
                db = database.connect();
                db.setAutoCommit(false);
                block = db.prepareStatement("INSERT INTO search_block(block, connection_id, first_seq, last_seq,"
                        + " last_of_connection) VALUES (?, ?, ?, ?, ?)");
            }
            return db;
        }

        void block(int number, long connection, int first, int last, boolean lastOfConnection) throws SQLException {
            db();
            block.setInt(1, number);
            block.setLong(2, connection);
            block.setInt(3, first);
            block.setInt(4, last);
            block.setBoolean(5, lastOfConnection);
            block.addBatch();
            pendingBlocks++;
        }

        void segment(int segment, SegmentBits bits) throws SQLException {
            try (PreparedStatement ps = db().prepareStatement("INSERT INTO search_slice(gram, segment, bits) VALUES (?, ?, ?)")) {
                int batched = 0;
                for (int gram = 0; gram < TrigramSignature.GRAMS; gram++) {
                    if (!bits.isEmpty(gram)) {
                        ps.setInt(1, gram);
                        ps.setInt(2, segment);
                        ps.setBytes(3, bits.slice(gram));
                        ps.addBatch();
                        if (++batched % 5000 == 0) {
                            ps.executeBatch();
                        }
                    }
                }
                ps.executeBatch();
            }
        }

        /** Commits what was written, with the next block number; nothing when nothing was written. */
        void commit(int nextBlock) throws SQLException {
            if (db == null) {
                return;
            }
            if (pendingBlocks > 0) {
                block.executeBatch();
                pendingBlocks = 0;
            }
            try (PreparedStatement ps = db.prepareStatement("UPDATE search_state SET next_block = ? WHERE id = 1")) {
                ps.setInt(1, nextBlock);
                ps.executeUpdate();
            }
            db.commit();
        }

        void rollback() throws SQLException {
            if (db != null) {
                db.rollback();
            }
        }

        @Override
        public void close() throws SQLException {
            if (db != null) {
                db.close();
            }
        }
    }
}
