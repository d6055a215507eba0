package dev.sockscope.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockscope.core.ClosedBy;
import dev.sockscope.core.Direction;
import dev.sockscope.core.Failure;
import dev.sockscope.core.FailureKind;
import dev.sockscope.core.Frame;
import dev.sockscope.core.Handshake;
import dev.sockscope.core.Opcode;
import dev.sockscope.core.Origin;
import dev.sockscope.core.RecordedConnection;
import dev.sockscope.core.SessionEvent;
import dev.sockscope.core.Timings;
import dev.sockscope.core.TlsInfo;
import dev.sockscope.core.WsUrl;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordedConnectionsTest {
    @TempDir
    Path dir;

    private static final WsUrl URL = WsUrl.parse("wss://example.test/feed");
    private static final byte[] LEAF = {1, 2, 3};
    private static final byte[] ISSUER = {4, 5};

    @Test
    void aReopenedSessionHasEachConnectionsUpgradeTlsTimingsAndEndAsRecorded() {
        Handshake handshake = new Handshake("GET /feed HTTP/1.1\r\nHost: example.test\r\n\r\n",
                "HTTP/1.1 101 Switching Protocols\r\nSec-WebSocket-Protocol: chat\r\n\r\n", null);
        TlsInfo tls = new TlsInfo("TLSv1.3", "TLS_AES_128_GCM_SHA256", "http/1.1", "example.test", true, "127.0.0.1:8443",
                List.of(LEAF, ISSUER));
        Handshake refused = new Handshake("GET / HTTP/1.1\r\n\r\n", "HTTP/1.1 403 Forbidden\r\n\r\n",
                "no entry".getBytes(StandardCharsets.UTF_8));
        TlsInfo badChain = new TlsInfo("TLSv1.3", "", "", "bad.test", false, "127.0.0.1:9443", List.of(ISSUER));
        try (Database db = Database.open(dir); Recorder recorder = new Recorder(db)) {
            recorder.accept(new SessionEvent.Started(1, Origin.TAB, "qa", URL, 0));
            recorder.accept(new SessionEvent.Opened(1, URL, handshake, tls, "chat", new Timings(10, 20, 30, 40), 100));
            recorder.accept(new SessionEvent.FrameEvent(1, Frame.message(Direction.SEND, Opcode.TEXT, "hi".getBytes(
                    StandardCharsets.UTF_8), 101)));
            recorder.accept(new SessionEvent.Closed(1, 4001, "bye", ClosedBy.SERVER, 200));
            recorder.accept(new SessionEvent.Started(2, Origin.TAB, "qa", WsUrl.parse("ws://example.test/x"), 0));
            recorder.accept(new SessionEvent.Failed(2, WsUrl.parse("ws://example.test/x"),
                    new Failure(FailureKind.HTTP_STATUS, "HTTP 403 Forbidden", refused), 300));
            recorder.accept(new SessionEvent.Started(3, Origin.TAB, "qa", WsUrl.parse("wss://bad.test/"), 0));
            recorder.accept(new SessionEvent.Failed(3, WsUrl.parse("wss://bad.test/"),
                    new Failure(FailureKind.TLS_UNTRUSTED, "unknown issuer").withTls(badChain), 400));
        }
        try (Database db = Database.open(dir)) {
            List<RecordedConnection> connections = new RecordedConnections(db).of("qa");
            assertEquals(3, connections.size());

            RecordedConnection open = connections.get(0);
            assertEquals(1, open.frames());
            assertEquals(Origin.TAB, open.origin());
            assertEquals(handshake.responseHead(), open.opened().handshake().responseHead());
            assertEquals("chat", open.opened().subprotocol());
            assertEquals(new Timings(10, 20, 30, 40), open.opened().timings());
            TlsInfo back = open.opened().tls();
            assertEquals(List.of("TLSv1.3", "TLS_AES_128_GCM_SHA256", "http/1.1", "example.test", "127.0.0.1:8443"),
                    List.of(back.protocol(), back.cipherSuite(), back.alpn(), back.sniHost(), back.peerAddress()));
            assertTrue(back.resumed());
            assertEquals(2, back.chainDer().size());
            assertArrayEquals(LEAF, back.chainDer().get(0), "the chain leaf first");
            SessionEvent.Closed closed = assertInstanceOf(SessionEvent.Closed.class, open.end());
            assertEquals(List.of(4001, "bye", true, 200L), List.of(closed.code(), closed.reason(), closed.closedBy() == ClosedBy.SERVER,
                    closed.timestampMicros()));

            RecordedConnection http = connections.get(1);
            assertNull(http.opened());
            Failure failure = assertInstanceOf(SessionEvent.Failed.class, http.end()).failure();
            assertEquals(FailureKind.HTTP_STATUS, failure.kind());
            assertEquals("HTTP 403 Forbidden", failure.message());
            assertEquals("no entry", failure.handshake().bodyText());

            Failure tlsFailure = assertInstanceOf(SessionEvent.Failed.class, connections.get(2).end()).failure();
            assertEquals(FailureKind.TLS_UNTRUSTED, tlsFailure.kind());
            assertEquals("untrusted certificate: unknown issuer", tlsFailure.message());
            assertArrayEquals(ISSUER, tlsFailure.tls().chainDer().get(0), "the refused chain is kept");

            assertTrue(new RecordedConnections(db).of("no such session").isEmpty());
        }
    }

    @Test
    void aFailureRecordedWithoutItsKindGetsItBackFromTheMessage() {
        Failure refused = RecordedConnections.failure(null, null, "connection refused: localhost:9", null, null);
        assertEquals(FailureKind.REFUSED, refused.kind());
        assertEquals("connection refused: localhost:9", refused.message());
        Failure http = RecordedConnections.failure(null, null, "HTTP 500 Internal Server Error", null, null);
        assertEquals("HTTP 500 Internal Server Error", http.message());
    }
}
