package dev.sockscope.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockscope.core.ClosedBy;
import dev.sockscope.core.ConnectRequest;
import dev.sockscope.core.Direction;
import dev.sockscope.core.Frame;
import dev.sockscope.core.Message;
import dev.sockscope.core.Opcode;
import dev.sockscope.core.SessionEvent;
import dev.sockscope.core.WsUrl;
import dev.sockscope.testing.EventRecorder;
import dev.sockscope.testing.ScriptedServer;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the client shows of frames as they come on the wire from a scripted server: fragments,
 * interleaved control frames and RSV bits as sent, and every violation of RFC 6455 failing the
 * connection with its close code, which the log shows as the close we sent.
 */
class WireFramesTest {
    private static ScheduledExecutorService timer;

    @BeforeAll
    static void startTimer() {
        timer = Executors.newSingleThreadScheduledExecutor();
    }

    @AfterAll
    static void stopTimer() {
        timer.shutdownNow();
    }

    private static EventRecorder connect(ScriptedServer server) throws InterruptedException {
        EventRecorder events = new EventRecorder();
        ClientConnection.open(1, ConnectRequest.of(WsUrl.parse(server.url())), events, timer);
        events.await(SessionEvent.Closed.class);
        return events;
    }

    private static List<Frame> frames(EventRecorder events, Direction direction) {
        return events.frames().stream().filter(f -> f.direction() == direction).toList();
    }

    @Test
    void aMessageInThreeFragmentsWithAPingBetweenIsFourWireFramesAndOneMessage() throws Exception {
        // "Hel" (FIN 0), "lo " (continuation, FIN 0), ping "p", "you" (continuation, FIN 1), then a normal close.
        try (ScriptedServer server = ScriptedServer.writing("010348656c 00036c6f20 890170 8003796f75 880203e8")) {
            EventRecorder events = connect(server);
            List<Frame> received = frames(events, Direction.RECEIVE);
            assertEquals(List.of(Opcode.TEXT, Opcode.CONTINUATION, Opcode.PING, Opcode.CONTINUATION, Opcode.CLOSE),
                    received.stream().map(Frame::opcode).toList(), "wire order");
            assertEquals(List.of(false, false, true, true, true), received.stream().map(Frame::fin).toList());
            List<Message> messages = events.messages().stream().filter(m -> m.direction() == Direction.RECEIVE).toList();
            assertEquals(List.of(Opcode.PING, Opcode.TEXT, Opcode.CLOSE), messages.stream().map(Message::opcode).toList(),
                    "the ping completes first; the text message when its last fragment comes");
            assertEquals("Hello you", messages.get(1).text());
            assertEquals(3, messages.get(1).frames());
            assertTrue(frames(events, Direction.SEND).stream().anyMatch(f -> f.opcode() == Opcode.PONG && f.text().equals("p")),
                    "the library's pong is shown as it went out");
            assertTrue(frames(events, Direction.SEND).stream().allMatch(Frame::masked), "every frame we send is masked");
            SessionEvent.Closed closed = events.await(SessionEvent.Closed.class);
            assertEquals(1000, closed.code());
            assertEquals(ClosedBy.SERVER, closed.closedBy());
        }
    }

    static Stream<Arguments> violations() {
        String twoHundred = "ab".repeat(200);
        return Stream.of(
                Arguments.of("an RSV1 frame without a negotiated extension", "c1026869", 1002,
                        "RSV1 set, but no extension was negotiated"),
                Arguments.of("a reserved opcode", "8300", 1002, "reserved opcode 0x3"),
                Arguments.of("a 200-byte ping", "897e00c8" + twoHundred, 1002, "ping frame longer than 125 bytes"),
                Arguments.of("invalid UTF-8", "8102c328", 1007, "invalid UTF-8 at byte 0 of a text message"),
                Arguments.of("a 2^62 length", "827f4000000000000000", 1009,
                        "a frame of 4611686018427387904 bytes is over the limit of 134217728"),
                Arguments.of("a masked frame from the server", "818400000000" + "61626364", 1002, "masked frame from the server"),
                Arguments.of("a close with a 1-byte payload", "880103", 1002, "close frame with a 1-byte payload (a code takes 2)"));
    }

    @ParameterizedTest(name = "{0} ends with {2}")
    @MethodSource("violations")
    void aViolationFailsTheConnectionWithItsCloseCodeShownAsTheCloseWeSent(String what, String script, int code,
            String reason) throws Exception {
        try (ScriptedServer server = ScriptedServer.writing(script)) {
            EventRecorder events = connect(server);
            SessionEvent.Closed closed = events.await(SessionEvent.Closed.class);
            assertEquals(code, closed.code(), what);
            assertEquals(reason, closed.reason(), what);
            assertEquals(ClosedBy.CLIENT, closed.closedBy(), what);
            Frame ours = frames(events, Direction.SEND).stream().filter(f -> f.opcode() == Opcode.CLOSE).findFirst()
                    .orElseThrow(() -> new AssertionError("no close sent for " + what + ": " + events.frames()
                            + " client bytes " + java.util.HexFormat.of().formatHex(server.clientBytes())));
            assertEquals(code, ours.closeCode(), "the close on the wire carries the code");
            assertEquals(reason, ours.closeReason(), "and our reason, not the library's");
            assertFalse(closed.isNormal());
        }
    }

    @Test
    void showsATextFrameWithInvalidUtf8WithWhereItBreaks() throws Exception {
        try (ScriptedServer server = ScriptedServer.writing("8105 6869c32821")) {
            EventRecorder events = connect(server);
            Message shown = events.messages().stream().filter(m -> m.opcode() == Opcode.TEXT).findFirst().orElseThrow();
            assertEquals(2, shown.invalidUtf8At());
            assertEquals(1007, events.await(SessionEvent.Closed.class).code());
        }
    }
}
