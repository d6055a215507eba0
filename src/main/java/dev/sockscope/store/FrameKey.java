package dev.sockscope.store;

/**
 * A frame's primary key: its connection in the high 32 bits, its position in the connection in
 * the low 32. Key order is (connection, seq) order, and a connection's frames are one key range.
 */
final class FrameKey {
    private FrameKey() {
    }

    static long of(long connection, int seq) {
        return (connection << 32) | (seq & 0xFFFFFFFFL);
    }

    /** The connection of a key. */
    static long connection(long key) {
        return key >>> 32;
    }

    /** The position in its connection of a key. */
    static int seq(long key) {
        return (int) key;
    }

    /** The first key of a connection. */
    static long first(long connection) {
        return connection << 32;
    }

    /** The last possible key of a connection. */
    static long last(long connection) {
        return (connection << 32) | 0xFFFFFFFFL;
    }
}
