package dev.sockscope.store;

import dev.sockscope.core.ClosedBy;
import dev.sockscope.core.Failure;
import dev.sockscope.core.FailureKind;
import dev.sockscope.core.Handshake;
import dev.sockscope.core.LegInfo;
import dev.sockscope.core.Origin;
import dev.sockscope.core.RecordedConnection;
import dev.sockscope.core.SessionEvent;
import dev.sockscope.core.Timings;
import dev.sockscope.core.TlsInfo;
import dev.sockscope.core.WsUrl;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a session's connections back as the events they were recorded from: the upgrade with
 * its handshake, TLS session, chain and timings, and the close or failure.
 */
public final class RecordedConnections {
    private static final String SELECT = "SELECT c.id, s.name, c.url, c.origin, c.started_us, c.opened_us, c.ended_us,"
            + " c.close_code, c.close_reason, c.close_remote, c.error, c.failure_kind, c.failure_detail,"
            + " c.request_head, c.response_head, c.response_body, c.tls_protocol, c.tls_cipher, c.tls_alpn, c.tls_sni,"
            + " c.tls_resumed, c.peer_address, c.dns_us, c.tcp_us, c.tls_us, c.upgrade_us, c.subprotocol,"
            + " c.messages, c.closed_by, c.not_upgraded, c.frames"
            + " FROM connection c JOIN session s ON c.session_id = s.id WHERE s.name = ? ORDER BY c.id";

    private final Database database;

    public RecordedConnections(Database database) {
        this.database = database;
    }

    /** The session's connections in the order they were made; empty for an unknown session. */
    public List<RecordedConnection> of(String session) {
        List<RecordedConnection> out = new ArrayList<>();
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(SELECT)) {
            ps.setString(1, session);
            Map<Long, List<byte[]>> chains = chains(c, session);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs, chains.getOrDefault(rs.getLong(1), List.of())));
                }
            }
        } catch (SQLException e) {
            throw Database.translate(e, database.file());
        }
        return out;
    }

    private static Map<Long, List<byte[]>> chains(Connection c, String session) throws SQLException {
        Map<Long, List<byte[]>> chains = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT t.connection_id, t.der FROM certificate t"
                + " JOIN connection c ON t.connection_id = c.id JOIN session s ON c.session_id = s.id"
                + " WHERE s.name = ? ORDER BY t.connection_id, t.position")) {
            ps.setString(1, session);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    chains.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getBytes(2));
                }
            }
        }
        return chains;
    }

    private static RecordedConnection read(ResultSet rs, List<byte[]> chain) throws SQLException {
        long id = rs.getLong(1);
        String url = rs.getString(3);
        long started = rs.getLong(5);
        Long opened = nullable(rs, 6);
        Long ended = nullable(rs, 7);
        Handshake handshake = new Handshake(rs.getString(14), rs.getString(15), rs.getBytes(16));
        TlsInfo tls = rs.getString(17) == null ? null : new TlsInfo(rs.getString(17), rs.getString(18), rs.getString(19),
                rs.getString(20), rs.getBoolean(21), rs.getString(22), chain);
        String peer = rs.getString(22);
        WsUrl target = parse(url);

        SessionEvent.Opened open = null;
        if (opened != null && target != null) {
            Timings timings = new Timings(orNone(rs, 23), orNone(rs, 24), orNone(rs, 25), orNone(rs, 26));
            String subprotocol = rs.getString(27);
            open = new SessionEvent.Opened(id, target, new LegInfo(handshake, tls, peer, timings), null,
                    subprotocol == null ? "" : subprotocol, opened);
        }
        SessionEvent end = null;
        String error = rs.getString(11);
        if (error != null && target != null) {
            Failure failure = failure(rs.getString(12), rs.getString(13), error, open == null ? handshake : null,
                    open == null ? tls : null);
            end = new SessionEvent.Failed(id, target, failure, ended == null ? started : ended);
        } else if (rs.getString(30) != null) {
            end = new SessionEvent.NotUpgraded(id, rs.getString(30), 0, 0, ended == null ? started : ended);
        } else if (ended != null) {
            Integer code = (Integer) rs.getObject(8);
            String reason = rs.getString(9);
            end = new SessionEvent.Closed(id, code == null ? 1005 : code, reason == null ? "" : reason,
                    closedBy(rs.getString(29), rs.getBoolean(10)), ended);
        }
        return new RecordedConnection(id, rs.getString(2), url, Origin.fromStoredName(rs.getString(4)), started, rs.getLong(28),
                rs.getLong(31), open, end);
    }

    /** Who closed; rows recorded before it was stored only say whether the server did. */
    private static ClosedBy closedBy(String stored, boolean remote) {
        if (stored != null) {
            try {
                return ClosedBy.valueOf(stored);
            } catch (IllegalArgumentException unknown) {
                // a value from a newer version: fall back to the flag
            }
        }
        return remote ? ClosedBy.SERVER : ClosedBy.CLIENT;
    }

    /**
     * The failure as it was classified; rows recorded before the kind was stored get it back from
     * the message, which always starts with the kind's phrase.
     */
    static Failure failure(String kind, String detail, String message, Handshake handshake, TlsInfo tls) {
        if (kind != null) {
            try {
                return new Failure(FailureKind.valueOf(kind), detail, handshake, tls);
            } catch (IllegalArgumentException unknownKind) {
                // a kind from a newer version: fall through to the message
            }
        }
        for (FailureKind k : FailureKind.values()) {
            if (k != FailureKind.HTTP_STATUS && message.startsWith(k.phrase())) {
                String rest = message.substring(k.phrase().length());
                return new Failure(k, rest.startsWith(": ") ? rest.substring(2) : rest.strip(), handshake, tls);
            }
        }
        return new Failure(FailureKind.HTTP_STATUS, message, handshake, tls);
    }

    private static WsUrl parse(String url) {
        try {
            return WsUrl.parse(url);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Long nullable(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static long orNone(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? -1 : value;
    }
}
