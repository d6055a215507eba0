package dev.sockscope.intercept;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockscope.core.Direction;
import dev.sockscope.core.Opcode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InterceptorTest {
    private static Interceptor interceptor(String rules, String host, String path) throws RulesFileException {
        List<Rule> parsed = RulesFile.parse(rules);
        return new Interceptor(() -> parsed, host, path);
    }

    private static Decision text(Interceptor interceptor, Direction direction, String text) {
        return interceptor.decide(direction, Opcode.TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theFirstMatchingRuleDecidesAndOthersPassUntouched() throws Exception {
        Interceptor i = interceptor("""
                [{"match": {"direction": "receive", "contains": "a"}, "action": {"drop": true}},
                 {"match": {"direction": "receive"}, "action": {"duplicate": true}}]""", "h", "/");
        assertTrue(text(i, Direction.RECEIVE, "abc").action() instanceof RuleAction.Drop);
        assertTrue(text(i, Direction.RECEIVE, "xyz").action() instanceof RuleAction.Duplicate);
        assertTrue(text(i, Direction.SEND, "abc").untouched());
    }

    @Test
    void everySecondMatchingMessage() throws Exception {
        Interceptor i = interceptor("[{\"match\": {\"every\": 2}, \"action\": {\"drop\": true}}]", "h", "/");
        List<Boolean> dropped = new ArrayList<>();
        for (int k = 0; k < 6; k++) {
            dropped.add(!text(i, Direction.RECEIVE, "m" + k).untouched());
        }
        assertEquals(List.of(false, true, false, true, false, true), dropped);
    }

    @Test
    void aSeededChanceRepeatsFromRunToRun() throws Exception {
        String rules = "[{\"match\": {\"probability\": 0.3, \"seed\": 42}, \"action\": {\"drop\": true}}]";
        List<Boolean> first = new ArrayList<>();
        List<Boolean> second = new ArrayList<>();
        Interceptor a = interceptor(rules, "h", "/");
        Interceptor b = interceptor(rules, "h", "/");
        for (int k = 0; k < 200; k++) {
            first.add(text(a, Direction.SEND, "x").untouched());
            second.add(text(b, Direction.SEND, "x").untouched());
        }
        assertEquals(first, second);
        long kept = first.stream().filter(x -> x).count();
        assertTrue(kept > 100 && kept < 180, "about 70% kept: " + kept);
    }

    @Test
    void hostAndPathAreGlobs() throws Exception {
        String rules = "[{\"match\": {\"host\": \"*.Example.com\", \"path\": \"/feed/*\"}, \"action\": {\"drop\": true}}]";
        assertTrue(!text(interceptor(rules, "api.example.com", "/feed/1"), Direction.SEND, "x").untouched());
        assertTrue(text(interceptor(rules, "example.org", "/feed/1"), Direction.SEND, "x").untouched());
        assertTrue(text(interceptor(rules, "api.example.com", "/other"), Direction.SEND, "x").untouched());
        assertTrue(!Interceptor.concerns(RulesFile.parse(rules), "example.org", "/feed/1"));
    }

    @Test
    void replaceOnTextAndOnAJsonPointer() throws Exception {
        Interceptor i = interceptor("""
                [{"match": {"jsonPointer": "/type", "equals": "price"}, "action": {"replace": {"jsonPointer": "/price", "value": "NaN"}}},
                 {"match": {"regex": "\\\\d+"}, "action": {"replace": {"regex": "(\\\\d+)", "with": "<$1>"}}}]""", "h", "/");
        Decision json = text(i, Direction.RECEIVE, "{\"type\":\"price\",\"price\":12.5,\"id\":1}");
        assertEquals("{\"type\":\"price\",\"price\":\"NaN\",\"id\":1}", new String(json.payload(), StandardCharsets.UTF_8));
        Decision regex = text(i, Direction.RECEIVE, "order 66 at 9");
        assertEquals("order <66> at <9>", new String(regex.payload(), StandardCharsets.UTF_8));
        Decision notJson = text(i, Direction.RECEIVE, "{\"type\":\"trade\"}");
        assertTrue(notJson.untouched());
    }

    @Test
    void aReplaceWithNothingToChangeLeavesThePayloadAsItWas() throws Exception {
        Interceptor i = interceptor("[{\"match\": {\"jsonPointer\": \"/a\"}, \"action\": {\"replace\": {\"jsonPointer\": \"/b/c\","
                + " \"value\": 1}}}]", "h", "/");
        byte[] original = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        Decision d = i.decide(Direction.SEND, Opcode.TEXT, original);
        assertArrayEquals(original, d.payload());
        assertTrue(!Interceptor.changes(d, original));
    }

    @Test
    void switchedOffRulesAndTimedInjectionsDoNotDecideMessages() throws Exception {
        Interceptor i = interceptor("""
                [{"enabled": false, "action": {"drop": true}},
                 {"action": {"inject": {"direction": "receive", "text": "tick", "everyMs": 100}}}]""", "h", "/");
        assertTrue(text(i, Direction.SEND, "x").untouched());
        assertEquals(1, i.timedInjections().size());
        assertNull(text(i, Direction.SEND, "x").payload());
    }
}
