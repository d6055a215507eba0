package dev.sockscope.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MockScriptTest {
    private static final long OPEN = 1_000_000;

    /** welcome; > login; < ok (after 5 ms); > price {id}; < quote, < tick (after 10 and 30 ms); server closes 1000. */
    private static Conversation recording() {
        List<Message> m = new ArrayList<>();
        m.add(msg(Direction.RECEIVE, "welcome", OPEN + 1_000));
        m.add(msg(Direction.SEND, "{\"op\":\"login\",\"id\":1}", OPEN + 100_000));
        m.add(msg(Direction.RECEIVE, "ok", OPEN + 105_000));
        m.add(msg(Direction.SEND, "{\"op\":\"price\",\"id\":2}", OPEN + 200_000));
        m.add(msg(Direction.RECEIVE, "quote", OPEN + 210_000));
        m.add(msg(Direction.RECEIVE, "tick", OPEN + 230_000));
        WsUrl url = WsUrl.parse("ws://127.0.0.1:1/feed");
        SessionEvent.Opened opened = new SessionEvent.Opened(1, url, new Handshake("GET /feed HTTP/1.1\r\n\r\n",
                "HTTP/1.1 101 Switching Protocols\r\n\r\n", null), null, "feed.v1", Timings.NONE, OPEN);
        SessionEvent.Closed closed = new SessionEvent.Closed(1, 1000, "done", ClosedBy.SERVER, OPEN + 300_000);
        return new Conversation(new RecordedConnection(1, "qa", url.toString(), Origin.PROXY, OPEN - 10, 6, 6, opened, closed),
                m);
    }

    private static Message msg(Direction d, String text, long at) {
        return Message.of(Frame.message(d, Opcode.TEXT, text.getBytes(StandardCharsets.UTF_8), at));
    }

    private static List<String> texts(MockScript.Answer a) {
        return a.messages().stream().map(t -> t.message().text()).toList();
    }

    @Test
    void byOrderEachClientMessageGetsWhatFollowedItsCounterpartWithTheRecordedDelays() {
        MockScript script = new MockScript(recording(), Alignment.Mode.ORDER, Set.of(), false);
        assertEquals(List.of("welcome"), texts(script.opening()));
        assertEquals(1_000, script.opening().messages().get(0).afterMicros());
        MockScript.Answer first = script.answer(msg(Direction.SEND, "anything", 0));
        assertEquals(List.of("ok"), texts(first));
        assertEquals(5_000, first.messages().get(0).afterMicros());
        assertNull(first.thenClose());
        MockScript.Answer second = script.answer(msg(Direction.SEND, "else", 0));
        assertEquals(List.of("quote", "tick"), texts(second));
        assertEquals(List.of(10_000L, 30_000L), second.messages().stream().map(MockScript.Timed::afterMicros).toList());
        assertNotNull(second.thenClose(), "the server closed after the last answers");
        assertEquals(1000, second.thenClose().code());
        assertEquals(0, script.answer(msg(Direction.SEND, "more", 0)).matched(), "beyond the recording, no answer");
    }

    @Test
    void byContentTheEqualRecordedMessageDecidesWithVolatileFieldsIgnored() {
        MockScript script = new MockScript(recording(), Alignment.Mode.CONTENT, Set.of("/id"), false);
        MockScript.Answer price = script.answer(msg(Direction.SEND, "{\"id\":77,\"op\":\"price\"}", 0));
        assertEquals(2, price.matched());
        assertEquals(List.of("quote", "tick"), texts(price));
        assertEquals(List.of("ok"), texts(script.answer(msg(Direction.SEND, "{\"op\":\"login\",\"id\":5}", 0))));
        assertEquals(0, script.answer(msg(Direction.SEND, "{\"op\":\"logout\"}", 0)).matched());
        // Equal again: the first equal one answers again.
        assertEquals(1, script.answer(msg(Direction.SEND, "{\"op\":\"login\"}", 0)).matched());
    }

    @Test
    void loopingStartsAgainAndNeverCloses() {
        MockScript script = new MockScript(recording(), Alignment.Mode.ORDER, Set.of(), true);
        script.answer(msg(Direction.SEND, "1", 0));
        assertNull(script.answer(msg(Direction.SEND, "2", 0)).thenClose());
        assertEquals(List.of("ok"), texts(script.answer(msg(Direction.SEND, "3", 0))));
    }

    @Test
    void theReplayWaitsForAsManyAnswersAsCameBeforeEachMessage() {
        List<ReplayStep> steps = recording().steps();
        assertEquals(2, steps.size());
        assertEquals(1, steps.get(0).answersBefore());
        assertEquals(100_000, steps.get(0).atMicros());
        assertEquals(2, steps.get(1).answersBefore());
    }
}
