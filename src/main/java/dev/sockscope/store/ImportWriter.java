package dev.sockscope.store;

import dev.sockscope.core.Direction;
import dev.sockscope.core.Frame;
import dev.sockscope.core.Leg;
import dev.sockscope.core.Opcode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What an import writes, in the caller's transaction: a connection row for each imported
 * connection, its messages in blocks as they fill, and its counters at the end. After the commit
 * the indexer is told, so the next search finds the imported messages through the index.
 */
final class ImportWriter {
    private final Connection db;
    private final long sessionId;
    private final StoredBlocks blocks;
    private final List<ConnectionBlocks> connections = new ArrayList<>();
    /** What the open blocks of every connection hold together. */
    private long buffered;
    private static final long MAX_BUFFERED_BYTES = 32L << 20;

    ImportWriter(Connection db, long sessionId) throws SQLException {
        this.db = db;
        this.sessionId = sessionId;
        this.blocks = new StoredBlocks(db);
    }

    boolean isEmpty() {
        return connections.isEmpty();
    }

    /** A new imported connection: opened when it started, with the handshake the file gives (or none). */
    ConnectionBlocks connection(String url, long started, String requestHead, String responseHead) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("INSERT INTO connection(session_id, url, origin, started_us, opened_us,"
                + " request_head, response_head) VALUES (?, ?, 'import', ?, ?, ?, ?)", PreparedStatement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, sessionId);
            ps.setString(2, url);
            ps.setLong(3, started);
            ps.setLong(4, started);
            ps.setString(5, requestHead);
            ps.setString(6, responseHead);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                ConnectionBlocks connection = new ConnectionBlocks(keys.getLong(1));
                connections.add(connection);
                return connection;
            }
        }
    }

    /** An imported message: one whole frame, its header unknown. */
    void add(ConnectionBlocks connection, Direction direction, int opcode, long micros, byte[] payload) throws SQLException {
        int before = connection.open.buffered();
        connection.open.addWhole(Leg.UPSTREAM, Frame.message(direction, Opcode.of(opcode), payload, micros));
        buffered += connection.open.buffered() - before;
        if (connection.open.isFull()) {
            buffered -= connection.open.buffered();
            connection.flush(blocks);
        }
        if (buffered > MAX_BUFFERED_BYTES) {
            // A file of many interleaved connections: their open blocks together stay bounded.
            for (ConnectionBlocks c : connections) {
                c.flush(blocks, true);
            }
            buffered = 0;
        }
    }

    /** Writes the open blocks and the counters; an imported connection is over, ended with its last message. */
    void finish() throws SQLException {
        try (PreparedStatement count = db.prepareStatement(StoredBlocks.COUNT);
             PreparedStatement end = db.prepareStatement("UPDATE connection SET ended_us = COALESCE(last_us, started_us)"
                     + " WHERE id = ?")) {
            for (ConnectionBlocks connection : connections) {
                connection.flush(blocks);
                if (connection.frames() > 0) {
                    connection.count(count);
                }
                end.setLong(1, connection.id);
                end.executeUpdate();
            }
        } finally {
            blocks.close();
        }
    }

    /** After the commit: the indexer takes the new blocks. */
    void index(SearchIndexer indexer) {
        if (indexer == null) {
            return;
        }
        for (ConnectionBlocks connection : connections) {
            if (connection.frames() > 0) {
                indexer.committed(connection.id, connection.frames());
            }
        }
    }
}
