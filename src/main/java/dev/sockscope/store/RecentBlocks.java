package dev.sockscope.store;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bodies of the blocks the writer has just stored, uncompressed, for the indexer to sign
 * without reading them back and decompressing them (which cost it more CPU than the writer and a
 * proxy's event loop together under a flood). Bounded by bytes: the oldest go first, and a block
 * not found here is simply read from the database, as after a restart.
 */
final class RecentBlocks {
    static final long BUDGET_BYTES = 16L << 20;

    private final Map<Long, byte[]> bodies = new LinkedHashMap<>();
    private final long budget;
    private long bytes;

    RecentBlocks() {
        this(BUDGET_BYTES);
    }

    RecentBlocks(long budget) {
        this.budget = budget;
    }

    synchronized void put(long blockId, byte[] body) {
        if (body.length > budget) {
            return;
        }
        byte[] old = bodies.put(blockId, body);
        bytes += body.length - (old == null ? 0 : old.length);
        Iterator<byte[]> oldest = bodies.values().iterator();
        while (bytes > budget && oldest.hasNext()) {
            bytes -= oldest.next().length;
            oldest.remove();
        }
    }

    /** The body of a block just stored, taken out (null when it is not held). */
    synchronized byte[] take(long blockId) {
        byte[] body = bodies.remove(blockId);
        if (body != null) {
            bytes -= body.length;
        }
        return body;
    }

    synchronized long heldBytes() {
        return bytes;
    }
}
