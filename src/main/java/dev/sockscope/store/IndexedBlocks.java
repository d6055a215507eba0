package dev.sockscope.store;

import java.util.Arrays;

/**
 * Where each indexed block lies (connection, first and last seq), by block number, in memory:
 * 16 bytes a block, about 64 KB per million frames. A query turns candidate block numbers into
 * frame ranges with it, without asking the database. Numbers of removed blocks stay empty.
 */
final class IndexedBlocks {
    private static final long NONE = Long.MIN_VALUE;

    private long[] connection = new long[0];
    private int[] firstSeq = new int[0];
    private int[] lastSeq = new int[0];

    void put(int block, long connectionId, int first, int last) {
        if (block >= connection.length) {
            int size = Math.max(block + 1, connection.length * 2 + 64);
            int old = connection.length;
            connection = Arrays.copyOf(connection, size);
            Arrays.fill(connection, old, size, NONE);
            firstSeq = Arrays.copyOf(firstSeq, size);
            lastSeq = Arrays.copyOf(lastSeq, size);
        }
        connection[block] = connectionId;
        firstSeq[block] = first;
        lastSeq[block] = last;
    }

    boolean has(int block) {
        return block < connection.length && connection[block] != NONE;
    }

    long connection(int block) {
        return connection[block];
    }

    int firstSeq(int block) {
        return firstSeq[block];
    }

    int lastSeq(int block) {
        return lastSeq[block];
    }

    void clear() {
        connection = new long[0];
        firstSeq = new int[0];
        lastSeq = new int[0];
    }
}
