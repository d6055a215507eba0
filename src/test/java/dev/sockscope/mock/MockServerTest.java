package dev.sockscope.mock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockscope.codec.FrameEncoder;
import dev.sockscope.core.ClosedBy;
import dev.sockscope.core.Direction;
import dev.sockscope.core.Frame;
import dev.sockscope.core.Handshake;
import dev.sockscope.core.Message;
import dev.sockscope.core.Opcode;
import dev.sockscope.core.Origin;
import dev.sockscope.core.RecordedConnection;
import dev.sockscope.core.SessionEvent;
import dev.sockscope.core.Timings;
import dev.sockscope.core.WsUrl;
import dev.sockscope.diff.Alignment;
import dev.sockscope.replay.Conversation;
import dev.sockscope.replay.MockScript;
import dev.sockscope.testing.Eventually;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The mock server on raw loopback sockets: what a client that is not a good one gets, and what is recorded. */
class MockServerTest {
    private final List<SessionEvent> events = new CopyOnWriteArrayList<>();
    private final List<String> notices = new CopyOnWriteArrayList<>();

    private MockServer start() throws Exception {
        WsUrl url = WsUrl.parse("ws://127.0.0.1:1/feed");
        Message hello = Message.of(Frame.message(Direction.RECEIVE, Opcode.TEXT, "hello".getBytes(StandardCharsets.UTF_8), 2));
        SessionEvent.Opened opened = new SessionEvent.Opened(1, url, new Handshake("", "", null), null, "feed.v1",
                Timings.NONE, 1);
        Conversation recording = new Conversation(new RecordedConnection(1, "qa", url.toString(), Origin.CLI, 0, 1, 1,
                opened, null), List.of(hello));
        AtomicLong ids = new AtomicLong(100);
        return MockServer.start(new MockConfig("127.0.0.1", 0, null,
                () -> new MockScript(recording, Alignment.Mode.ORDER, Set.of(), false), "feed.v1", true, "mocked",
                events::add, ids::incrementAndGet, notices::add));
    }

    private static String upgrade(String version, String protocols) {
        return "GET /feed HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: " + version + "\r\n"
                + (protocols == null ? "" : "Sec-WebSocket-Protocol: " + protocols + "\r\n") + "\r\n";
    }

    private static String exchange(int port, byte[] request) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.getOutputStream().write(request);
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void anUpgradeIsAnsweredWithTheRecordedSubprotocolAndAProtocolErrorIsFailedWith1002() throws Exception {
        try (MockServer server = start(); Socket s = new Socket("127.0.0.1", server.address().getPort())) {
            s.getOutputStream().write(upgrade("13", "other, feed.v1").getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = s.getInputStream();
            String head = new String(in.readNBytes(129 + "Sec-WebSocket-Protocol: feed.v1\r\n".length()),
                    StandardCharsets.ISO_8859_1);
            assertTrue(head.startsWith("HTTP/1.1 101 Switching Protocols\r\n"), head);
            assertTrue(head.contains("Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"), head);
            assertTrue(head.contains("Sec-WebSocket-Protocol: feed.v1\r\n"), head);
            byte[] welcome = in.readNBytes(7);
            assertEquals("hello", new String(welcome, 2, 5, StandardCharsets.UTF_8), "the recorded opening, at once");
            // A client must mask what it sends: this one does not.
            s.getOutputStream().write(FrameEncoder.encode(true, 0, Opcode.TEXT, "hi".getBytes(StandardCharsets.UTF_8), -1));
            byte[] close = in.readNBytes(4);
            assertEquals(0x88, close[0] & 0xFF);
            assertEquals(1002, ((close[2] & 0xFF) << 8) | (close[3] & 0xFF));
            s.close();
            Eventually.eventually(Duration.ofSeconds(5), "the end recorded",
                    () -> events.stream().anyMatch(e -> e instanceof SessionEvent.Closed));
        }
        SessionEvent.Closed closed = events.stream().filter(e -> e instanceof SessionEvent.Closed)
                .map(e -> (SessionEvent.Closed) e).findFirst().orElseThrow();
        assertEquals(1002, closed.code());
        assertEquals(ClosedBy.SERVER, closed.closedBy());
        assertTrue(events.get(0) instanceof SessionEvent.Started started && started.origin() == Origin.MOCK
                && started.session().equals("mocked"), events.get(0).toString());
        assertTrue(notices.stream().anyMatch(n -> n.contains("unmasked")), notices.toString());
    }

    @Test
    void whatIsNotAnUpgradeIsRefusedWithAStatusThatSaysWhy() throws Exception {
        try (MockServer server = start()) {
            int port = server.address().getPort();
            String plain = exchange(port, "GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            assertTrue(plain.startsWith("HTTP/1.1 426 Upgrade Required\r\n") && plain.contains("mock WebSocket server"), plain);
            String old = exchange(port, upgrade("8", null).getBytes(StandardCharsets.ISO_8859_1));
            assertTrue(old.startsWith("HTTP/1.1 400 Bad Request\r\n") && old.endsWith("only WebSocket version 13 is spoken"
                    + " here\n"), old);
            String garbage = exchange(port, new byte[] {0x16, 0x03, 0x01, 0x00, 0x05, 1, 2, 3, 4, 5, '\r', '\n', '\r', '\n'});
            assertTrue(garbage.startsWith("HTTP/1.1 426"), garbage);
        }
        assertTrue(events.isEmpty(), "nothing recorded for requests that never upgraded: " + events);
    }
}
