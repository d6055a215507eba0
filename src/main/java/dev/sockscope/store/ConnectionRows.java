package dev.sockscope.store;

import dev.sockscope.core.Handshake;
import dev.sockscope.core.LegInfo;
import dev.sockscope.core.Origin;
import dev.sockscope.core.SessionEvent;
import dev.sockscope.core.Timings;
import dev.sockscope.core.TlsInfo;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The recorder's writes to the connection table: a row when a connection starts (its origin and
 * session, as the producer said), its upgrade and TLS session when it opens, and how it ended.
 * Runs on the writer thread, inside its transaction.
 */
final class ConnectionRows {
    /** The session of a connection whose start this recorder never saw (a producer that skipped it). */
    static final String FALLBACK_SESSION = "default";

    /** The widths of the handshake columns (V1__recording.sql). */
    private static final int HEAD_CHARS = 1_000_000;
    private static final int BODY_BYTES = 1_000_000;

    private final Connection db;

    ConnectionRows(Connection db) {
        this.db = db;
    }

    /** Inserts the row of a connection that starts; returns its id in the recording. */
    long started(SessionEvent.Started s) throws SQLException {
        return insert(s.session(), s.origin(), s.url().toString(), s.timestampMicros());
    }

    /** Inserts a row in the {@link #FALLBACK_SESSION} for a connection whose start was not seen. */
    long unannounced(String url, long micros) throws SQLException {
        return insert(FALLBACK_SESSION, Origin.TAB, url, micros);
    }

    void closed(long id, SessionEvent.Closed c) throws SQLException {
        update("UPDATE connection SET ended_us = ?, close_code = ?, close_reason = ?, close_remote = ?, closed_by = ?"
                + " WHERE id = ?", c.timestampMicros(), c.code(), fit(c.reason(), 1000),
                c.closedBy() == dev.sockscope.core.ClosedBy.SERVER, c.closedBy().name(), id);
    }

    void notUpgraded(long id, SessionEvent.NotUpgraded n) throws SQLException {
        update("UPDATE connection SET ended_us = ?, not_upgraded = ? WHERE id = ?", n.timestampMicros(), fit(n.what(), 1000), id);
    }

    /**
     * Records a failure.
     *
     * @param known true when the connection's row was made by its start event (else it was just inserted)
     */
    void failed(long id, SessionEvent.Failed f, boolean known) throws SQLException {
        writeFailure(id, f, !known || !hasTls(id));
    }

    private long insert(String session, Origin origin, String url, long startedMicros) throws SQLException {
        long sessionId = Sessions.idOf(db, session);
        try (PreparedStatement ps = db.prepareStatement("INSERT INTO connection(session_id, url, origin, started_us)"
                + " VALUES (?, ?, ?, ?)", PreparedStatement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, sessionId);
            ps.setString(2, fit(url, 8000));
            ps.setString(3, origin.storedName());
            ps.setLong(4, startedMicros);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    void opened(long id, SessionEvent.Opened o) throws SQLException {
        LegInfo leg = o.upstream();
        Timings t = leg.timings();
        update("UPDATE connection SET opened_us = ?, request_head = ?, response_head = ?, subprotocol = ?, dns_us = ?,"
                + " tcp_us = ?, tls_us = ?, upgrade_us = ?, peer_address = ? WHERE id = ?", o.timestampMicros(),
                fit(leg.handshake().requestHead(), HEAD_CHARS), fit(leg.handshake().responseHead(), HEAD_CHARS),
                fit(o.subprotocol(), 1000), t.dnsMicros(),
                t.tcpMicros(), t.tlsMicros(), t.upgradeMicros(), fit(leg.peer(), 300), id);
        if (leg.tls() != null) {
            tls(id, leg.tls());
        }
    }

    private void writeFailure(long id, SessionEvent.Failed f, boolean keepChain) throws SQLException {
        Handshake h = f.failure().handshake();
        update("UPDATE connection SET ended_us = ?, error = ?, request_head = COALESCE(?, request_head),"
                + " response_head = COALESCE(?, response_head), response_body = COALESCE(?, response_body),"
                + " failure_kind = ?, failure_detail = ? WHERE id = ?", f.timestampMicros(), fit(f.failure().message(), 8000),
                h == null ? null : fit(h.requestHead(), HEAD_CHARS), h == null ? null : fit(h.responseHead(), HEAD_CHARS),
                h == null ? null : fit(h.responseBody(), BODY_BYTES),
                f.failure().kind().name(), fit(f.failure().detail(), 8000), id);
        if (keepChain && f.failure().tls() != null) {
            // A refused certificate: keep the chain the server sent, so the reopened session can explain it.
            tls(id, f.failure().tls());
        }
    }

    private boolean hasTls(long id) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("SELECT tls_protocol FROM connection WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getString(1) != null;
            }
        }
    }

    /** The TLS session and the chain as the server sent it, leaf first. */
    private void tls(long id, TlsInfo tls) throws SQLException {
        update("UPDATE connection SET tls_protocol = ?, tls_cipher = ?, tls_alpn = ?, tls_sni = ?, tls_resumed = ?,"
                + " peer_address = ? WHERE id = ?", fit(tls.protocol(), 40), fit(tls.cipherSuite(), 200), fit(tls.alpn(), 200),
                fit(tls.sniHost(), 1000), tls.resumed(), fit(tls.peerAddress(), 300), id);
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

    /**
     * A value cut to its column's width (with an ellipsis): one over-long URL or reason must not stop
     * the whole recording, which a failed insert would.
     */
    static byte[] fit(byte[] value, int max) {
        return value.length <= max ? value : java.util.Arrays.copyOf(value, max);
    }

    static String fit(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "\u2026";
    }

    private void update(String sql, Object... values) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            ps.executeUpdate();
        }
    }
}
