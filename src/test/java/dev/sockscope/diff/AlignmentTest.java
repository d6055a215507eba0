package dev.sockscope.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockscope.core.Direction;
import dev.sockscope.core.Frame;
import dev.sockscope.core.Message;
import dev.sockscope.core.Opcode;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AlignmentTest {
    private static Message text(Direction d, String s) {
        return Message.of(Frame.message(d, Opcode.TEXT, s.getBytes(StandardCharsets.UTF_8), 0));
    }

    private static List<Message> received(String... texts) {
        return List.of(texts).stream().map(t -> text(Direction.RECEIVE, t)).toList();
    }

    @Test
    void byContentAMissingMessageInTheMiddleIsReportedOnceAndTheRestStaySame() {
        List<Message> recorded = received("{\"a\":1}", "{\"b\":2}", "{\"c\":3}", "{\"d\":4}");
        List<Message> replayed = received("{\"a\":1}", "{\"c\":3}", "{\"d\":4}");
        ConversationDiff diff = ConversationDiff.of(recorded, replayed, Alignment.Mode.CONTENT, Set.of(),
                EnumSet.of(Direction.RECEIVE));
        assertEquals(1, diff.differences().size(), diff.toString());
        ConversationDiff.Row missing = diff.differences().get(0);
        assertEquals(ConversationDiff.Status.MISSING, missing.status());
        assertEquals(2, missing.first());
        // By order, the same gap makes every later message look changed.
        ConversationDiff byOrder = ConversationDiff.of(recorded, replayed, Alignment.Mode.ORDER, Set.of(),
                EnumSet.of(Direction.RECEIVE));
        assertEquals(3, byOrder.differences().size());
    }

    @Test
    void byContentAChangedMessageBetweenMatchesStandsAgainstItsCounterpart() {
        List<Message> recorded = received("{\"t\":\"welcome\"}", "{\"quote\":{\"ask\":11},\"ts\":1}", "tick", "bye");
        List<Message> replayed = received("{\"t\":\"welcome\"}", "{\"ts\":2,\"quote\":{\"ask\":12}}", "bye", "extra");
        ConversationDiff diff = ConversationDiff.of(recorded, replayed, Alignment.Mode.CONTENT, Set.of("/ts"),
                EnumSet.of(Direction.RECEIVE));
        List<ConversationDiff.Row> rows = diff.differences();
        assertEquals(3, rows.size(), rows.toString());
        assertEquals(ConversationDiff.Status.CHANGED, rows.get(0).status());
        assertEquals(List.of(new Difference("/quote/ask", Difference.Kind.CHANGED, "11", "12")), rows.get(0).diff().json());
        assertEquals(ConversationDiff.Status.MISSING, rows.get(1).status());
        assertEquals("tick", rows.get(1).a().text());
        assertEquals(ConversationDiff.Status.EXTRA, rows.get(2).status());
        assertEquals("extra", rows.get(2).b().text());
    }

    @Test
    void directionsAreComparedApartAndVolatileFieldsAreIgnoredWithWildcards() {
        List<Message> a = List.of(text(Direction.SEND, "{\"op\":\"x\",\"items\":[{\"ts\":1,\"v\":1}]}"),
                text(Direction.RECEIVE, "ok"));
        List<Message> b = List.of(text(Direction.RECEIVE, "ok"),
                text(Direction.SEND, "{\"items\":[{\"v\":1,\"ts\":9}],\"op\":\"x\"}"));
        assertTrue(ConversationDiff.of(a, b, Alignment.Mode.ORDER, Set.of("/items/*/ts"),
                EnumSet.allOf(Direction.class)).equal());
        assertFalse(ConversationDiff.of(a, b, Alignment.Mode.CONTENT, Set.of(), EnumSet.allOf(Direction.class)).equal());
    }

    @Test
    void canonicalFormsAgreeWithTheDiff() {
        Message x = text(Direction.RECEIVE, "{\"n\":1.0,\"s\":[1,2],\"id\":\"a\"}");
        Message y = text(Direction.RECEIVE, "{\"id\":\"b\",\"s\":[1,2],\"n\":1}");
        assertEquals(Canonical.of(x, Set.of("/id")), Canonical.of(y, Set.of("/id")));
        assertFalse(Canonical.of(x, Set.of()).equals(Canonical.of(y, Set.of())));
    }
}
