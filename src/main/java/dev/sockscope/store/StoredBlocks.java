package dev.sockscope.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/**
 * Rows of the block table (V6__frame_blocks.sql): one {@link FrameBlock} each, compressed, with
 * the counts and times that let readers skip it unread. Writing keeps its statement prepared on
 * the writer's connection; reading gives the block's frames back in order.
 */
final class StoredBlocks implements AutoCloseable {
    /** Bodies up to this size are stored inline; larger ones (one big frame) in a BLOB. */
    static final int INLINE_LIMIT = 64 * 1024;

    /** The columns {@link #read} takes, in its order. */
    static final String COLUMNS = "b.id, b.codec, b.raw_size, b.body, b.body_large";

    private final PreparedStatement insert;
    private final RecentBlocks recent;

    StoredBlocks(Connection db) throws SQLException {
        this(db, null);
    }

    /** @param recent where the bodies of stored blocks are left for the indexer, or null */
    StoredBlocks(Connection db, RecentBlocks recent) throws SQLException {
        this.recent = recent;
        insert = db.prepareStatement("INSERT INTO block(id, last_seq, messages, bytes, min_us, max_us, codec, raw_size, body,"
                + " body_large) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    }

    /** Writes what {@code block} holds as the block of {@code connection} starting at {@code firstSeq}. */
    void insert(long connection, int firstSeq, FrameBlock.Builder block) throws SQLException {
        byte[] raw = block.body();
        BlockCompression.Stored body = BlockCompression.compress(raw);
        insert.setLong(1, FrameKey.of(connection, firstSeq));
        insert.setInt(2, firstSeq + block.frames() - 1);
        insert.setInt(3, block.messages());
        insert.setLong(4, block.bytes());
        insert.setLong(5, block.minMicros());
        insert.setLong(6, block.maxMicros());
        insert.setInt(7, body.codec());
        insert.setInt(8, body.rawSize());
        if (body.bytes().length <= INLINE_LIMIT) {
            insert.setBytes(9, body.bytes());
            insert.setNull(10, Types.BLOB);
        } else {
            insert.setNull(9, Types.VARBINARY);
            insert.setBinaryStream(10, new ByteArrayInputStream(body.bytes()), body.bytes().length);
        }
        insert.executeUpdate();
        if (recent != null) {
            recent.put(FrameKey.of(connection, firstSeq), raw);
        }
    }

    /**
     * The messages of the block at the current row, as {@link #readMessages(ResultSet, int, java.nio.file.Path,
     * FrameBlock.MessageSink)}, from {@code recent} when it still holds the block (no decompression).
     */
    static void readMessages(ResultSet rs, int first, java.nio.file.Path file, RecentBlocks recent,
            FrameBlock.MessageSink sink) throws SQLException {
        long id = rs.getLong(first);
        byte[] held = recent == null ? null : recent.take(id);
        if (held == null) {
            readMessages(rs, first, file, sink);
            return;
        }
        try {
            FrameBlock.readMessages(held, sink);
        } catch (DamagedBlockException e) {
            throw damaged(id, file, e);
        }
    }

    /**
     * The frames of the block at the current row ({@link #COLUMNS} from column {@code first}).
     *
     * @throws StoreException CORRUPT, naming the block, when it cannot be read back
     */
    static List<FrameBlock.Row> read(ResultSet rs, int first, java.nio.file.Path file) throws SQLException {
        long id = rs.getLong(first);
        try {
            return FrameBlock.read(body(rs, first));
        } catch (DamagedBlockException e) {
            throw damaged(id, file, e);
        }
    }

    /** The messages of the block at the current row, for the search index. */
    static void readMessages(ResultSet rs, int first, java.nio.file.Path file, FrameBlock.MessageSink sink) throws SQLException {
        long id = rs.getLong(first);
        try {
            FrameBlock.readMessages(body(rs, first), sink);
        } catch (DamagedBlockException e) {
            throw damaged(id, file, e);
        }
    }

    private static byte[] body(ResultSet rs, int first) throws SQLException {
        return BlockCompression.decompress(rs.getInt(first + 1), inlineOrLarge(rs, first + 3, first + 4), rs.getInt(first + 2));
    }

    /** The bytes of a value stored inline (column {@code inline}) or, when that is NULL, as a BLOB (column {@code large}). */
    static byte[] inlineOrLarge(ResultSet rs, int inline, int large) throws SQLException {
        byte[] bytes = rs.getBytes(inline);
        if (bytes != null) {
            return bytes;
        }
        try (InputStream in = rs.getBinaryStream(large)) {
            return in == null ? new byte[0] : in.readAllBytes();
        } catch (IOException e) {
            throw new SQLException("cannot read a large value: " + e.getMessage(), e);
        }
    }

    private static StoreException damaged(long id, java.nio.file.Path file, DamagedBlockException e) {
        return new StoreException(StoreException.Reason.CORRUPT, "the frames of connection " + FrameKey.connection(id)
                + " from #" + FrameKey.seq(id) + " in " + file + " are damaged: " + e.getMessage(), e);
    }

    /** Sets a connection's counters to what its blocks hold now. */
    static void count(PreparedStatement update, long connection, long frames, long messages, long bytes, long lastMicros)
            throws SQLException {
        update.setLong(1, frames);
        update.setLong(2, messages);
        update.setLong(3, bytes);
        update.setLong(4, lastMicros);
        update.setLong(5, connection);
        update.executeUpdate();
    }

    /** The statement {@link #count} binds. */
    static final String COUNT = "UPDATE connection SET frames = ?, messages = ?, bytes = ?, last_us = ? WHERE id = ?";

    @Override
    public void close() throws SQLException {
        insert.close();
    }
}
