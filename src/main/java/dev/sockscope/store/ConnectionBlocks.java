package dev.sockscope.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * One connection's frames on their way into blocks: its open block and the counters its row
 * keeps (frames, messages, bytes, last time), for whoever writes it (the recorder, an import, the
 * V6 upgrade). Not thread-safe: one writer owns it.
 */
final class ConnectionBlocks {
    final long id;
    final FrameBlock.Builder open = new FrameBlock.Builder();
    /** Frames written in blocks, which is also the first seq of the open block. */
    private int frames;
    private long messages;
    private long bytes;
    private long lastMicros;

    ConnectionBlocks(long id) {
        this.id = id;
    }

    /** Writes the open block (a full one: its arrays are kept for the next), uncommitted; returns its frames. */
    int flush(StoredBlocks blocks) throws SQLException {
        return flush(blocks, false);
    }

    /**
     * Writes the open block, uncommitted, and counts it; returns how many frames it held (0 when
     * empty). With {@code release} the block's grown arrays are given back (a quiet connection).
     */
    int flush(StoredBlocks blocks, boolean release) throws SQLException {
        if (open.isEmpty()) {
            return 0;
        }
        int written = open.frames();
        blocks.insert(id, frames, open);
        frames += written;
        messages += open.messages();
        bytes += open.bytes();
        lastMicros = frames == written ? open.maxMicros() : Math.max(lastMicros, open.maxMicros());
        open.clear(release);
        return written;
    }

    /** Frames written so far. */
    int frames() {
        return frames;
    }

    /** Sets the connection row's counters to what was written ({@link StoredBlocks#COUNT}). */
    void count(PreparedStatement update) throws SQLException {
        StoredBlocks.count(update, id, frames, messages, bytes, lastMicros);
    }
}
