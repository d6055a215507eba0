package dev.sockscope.intercept;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockscope.core.Direction;
import java.util.List;
import org.junit.jupiter.api.Test;

class RulesFileTest {
    private static final String GOOD = """
            [
              {"name": "cheap", "match": {"direction": "receive", "jsonPointer": "/type", "equals": "price"},
               "action": {"replace": {"jsonPointer": "/price", "value": -1}}},
              {"match": {"host": "*.example.com", "path": "/feed*", "every": 2}, "action": {"drop": true}},
              {"enabled": false, "match": {"regex": "hel+o"}, "action": {"replace": {"regex": "hel+o", "with": "bye"}}},
              {"action": {"delayMs": 500}},
              {"match": {"probability": 0.5, "seed": 7}, "action": {"duplicate": true}},
              {"action": {"inject": {"direction": "receive", "text": "{\\"tick\\":1}", "everyMs": 1000}}},
              {"match": {"contains": "bye"}, "action": {"close": {"code": 4001, "reason": "rule", "to": "app"}}},
              {"match": {"opcode": "binary"}, "action": {"pause": true}}
            ]
            """;

    @Test
    void aGoodFileReadsWholeAndWritesBackTheSame() throws Exception {
        List<Rule> rules = RulesFile.parse(GOOD);
        assertEquals(8, rules.size());
        assertEquals("cheap", rules.get(0).name());
        assertEquals("rule 2", rules.get(1).name());
        assertEquals(4, rules.get(1).line());
        assertEquals(Direction.RECEIVE, rules.get(0).match().direction());
        assertTrue(!rules.get(2).enabled());
        assertInstanceOf(RuleAction.ReplaceJson.class, rules.get(0).action());
        assertEquals(new RuleAction.Close(4001, "rule", RuleAction.CloseTarget.APP), rules.get(6).action());
        List<Rule> again = RulesFile.parse(RulesFile.write(rules));
        assertEquals(RulesFile.write(rules), RulesFile.write(again));
    }

    @Test
    void aSyntaxErrorIsRefusedWithItsLine() {
        RulesFileException e = assertThrows(RulesFileException.class, () -> RulesFile.parse("""
                [
                  {"action": {"drop": true}},
                  {"action": {"drop": true}
                  {"action": {"duplicate": true}}
                ]
                """));
        assertEquals(4, e.line(), e.getMessage());
        assertTrue(e.reason().startsWith("not valid JSON"), e.reason());
    }

    @Test
    void anUnknownActionIsRefusedAtItsLineNamingTheKnownOnes() {
        RulesFileException e = assertThrows(RulesFileException.class, () -> RulesFile.parse("""
                [
                  {"action": {"drop": true}},
                  {"match": {"direction": "send"},
                   "action": {"explode": true}}
                ]
                """));
        assertEquals(4, e.line(), e.getMessage());
        assertEquals("unknown action \"explode\"; an action is one of drop, replace, delayMs, duplicate, inject, close, pause",
                e.reason());
    }

    @Test
    void wrongFieldsAreNamed() {
        assertEquals("unknown field \"directoin\" in \"match\"; known: contains, direction, equals, every, host, jsonPointer,"
                + " opcode, path, probability, regex, seed", reason("[{\"match\": {\"directoin\": \"send\"}, \"action\": {\"drop\": true}}]"));
    }

    @Test
    void badValuesAreNamed() {
        assertTrue(reason("[{\"match\": {\"direction\": \"up\"}, \"action\": {\"drop\": true}}]").contains("\"send\""));
        assertTrue(reason("[{\"match\": {\"regex\": \"(\"}, \"action\": {\"drop\": true}}]").contains("regular expression"));
        assertTrue(reason("[{\"action\": {\"close\": {\"code\": 1005}}}]").contains("may not be sent"));
        assertTrue(reason("[{\"action\": {\"drop\": true, \"pause\": true}}]").contains("exactly one"));
        assertTrue(reason("[{\"match\": {}}]").contains("no \"action\""));
        assertTrue(reason("{\"action\": {\"drop\": true}}").contains("JSON list"));
        assertTrue(reason("").contains("JSON list"));
    }

    @Test
    void theReadmesExampleIsAValidRulesFile() throws Exception {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
        int section = readme.indexOf("**Rules: change what goes through**");
        int start = readme.indexOf("```json\n", section) + "```json\n".length();
        List<Rule> rules = RulesFile.parse(readme.substring(start, readme.indexOf("```", start)));
        assertEquals(6, rules.size());
        assertEquals("bad price", rules.get(0).name());
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFile() throws Exception {
        assertEquals(1, RulesFile.parse("\uFEFF[{\"action\": {\"drop\": true}}]").size());
    }

    private static String reason(String text) {
        return assertThrows(RulesFileException.class, () -> RulesFile.parse(text)).reason();
    }
}
