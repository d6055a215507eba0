package dev.sockscope.ui.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.fxmisc.richtext.model.StyleSpan;
import org.fxmisc.richtext.model.StyleSpans;
import org.junit.jupiter.api.Test;

class JsonHighlighterTest {

    /** The style classes at {@code offset}, walking the spans as the area would. */
    private static Collection<String> styleAt(StyleSpans<Collection<String>> spans, int offset) {
        int start = 0;
        for (StyleSpan<Collection<String>> span : spans) {
            if (offset < start + span.getLength()) {
                return span.getStyle();
            }
            start += span.getLength();
        }
        throw new AssertionError("offset " + offset + " beyond spans of length " + spans.length());
    }

    /** The single style class of every character of {@code token}'s first occurrence at or after {@code from}. */
    private static String styleOf(String json, String token, int from) {
        StyleSpans<Collection<String>> spans = JsonHighlighter.highlight(json);
        int at = json.indexOf(token, from);
        assertTrue(at >= 0, token + " not in " + json);
        Collection<String> first = styleAt(spans, at);
        for (int i = at; i < at + token.length(); i++) {
            assertEquals(first, styleAt(spans, i), "style changes inside " + token);
        }
        return first.isEmpty() ? "" : String.join(" ", first);
    }

    private static String styleOf(String json, String token) {
        return styleOf(json, token, 0);
    }

    @Test
    void spansCoverTheWholeText() {
        for (String json : List.of("", "{}", "  [1, 2]  ", "{\"a\": \"b\"}\n", "not json at all", "{\"open")) {
            assertEquals(json.length(), JsonHighlighter.highlight(json).length(), json);
        }
    }

    @Test
    void stringsFollowedByAColonAreKeysAndOthersAreStrings() {
        String json = "{\"name\" : \"name\", \"list\": [\"x\"]}";
        assertEquals(JsonHighlighter.KEY, styleOf(json, "\"name\""));
        assertEquals(JsonHighlighter.STRING, styleOf(json, "\"name\"", 2));
        assertEquals(JsonHighlighter.KEY, styleOf(json, "\"list\""));
        assertEquals(JsonHighlighter.STRING, styleOf(json, "\"x\""));
    }

    @Test
    void escapedQuotesStayInsideTheString() {
        String json = "{\"say\": \"he said \\\"hi\\\": ok\"}";
        assertEquals(JsonHighlighter.STRING, styleOf(json, "\"he said \\\"hi\\\": ok\""));
    }

    @Test
    void numbersIncludingSignsFractionsAndExponentsAreNumbers() {
        String json = "[-12, 3.5e+10, 0, 1E-3]";
        for (String number : List.of("-12", "3.5e+10", "0", "1E-3")) {
            assertEquals(JsonHighlighter.NUMBER, styleOf(json, number), number);
        }
    }

    @Test
    void trueFalseAndNullAreLiteralsButOtherWordsAreNot() {
        String json = "{\"a\": true, \"b\": false, \"c\": null, \"d\": nope}";
        assertEquals(JsonHighlighter.BOOLEAN, styleOf(json, "true"));
        assertEquals(JsonHighlighter.BOOLEAN, styleOf(json, "false"));
        assertEquals(JsonHighlighter.NULL, styleOf(json, "null"));
        assertEquals("", styleOf(json, "nope"));
    }

    @Test
    void bracesBracketsColonsAndCommasArePunctuationAndWhitespaceIsPlain() {
        String json = "{ \"a\": [1, 2] }";
        for (String mark : List.of("{", "[", "]", "}", ":", ",")) {
            assertEquals(JsonHighlighter.PUNCTUATION, styleOf(json, mark), mark);
        }
        assertEquals("", styleOf(json, " "));
    }

    @Test
    void truncatedJsonStillHighlightsWithoutFailing() {
        String json = "{\n  \"key\": \"unterminated\n  \"next\": 4";
        assertEquals(json.length(), JsonHighlighter.highlight(json).length());
        assertEquals(JsonHighlighter.STRING, styleOf(json, "\"unterminated"));
        assertEquals(JsonHighlighter.KEY, styleOf(json, "\"next\""));
        assertEquals(JsonHighlighter.NUMBER, styleOf(json, "4"));
    }

    @Test
    void prettyPrintsObjectsWithTwoSpaceIndentAndColonSpace() {
        assertEquals(Optional.of("{\n  \"a\": 1,\n  \"b\": [\n    true,\n    null\n  ],\n  \"c\": {}\n}"),
                JsonHighlighter.prettyPrint("{\"a\":1,\"b\":[true,null],\"c\":{}}"));
    }

    @Test
    void prettyPrintsTopLevelArrays() {
        assertEquals(Optional.of("[\n  \"x\",\n  []\n]"), JsonHighlighter.prettyPrint(" [\"x\", [ ]] "));
    }

    @Test
    void prettyPrintKeepsNumbersExactlyAsSentAndDuplicateKeys() {
        assertEquals(Optional.of("{\n  \"n\": 1.10,\n  \"big\": 12345678901234567890123,\n  \"e\": 1e5,\n  \"n\": -0.0\n}"),
                JsonHighlighter.prettyPrint("{\"n\":1.10,\"big\":12345678901234567890123,\"e\":1e5,\"n\":-0.0}"));
    }

    @Test
    void prettyPrintRejectsScalarsBrokenJsonAndTrailingGarbage() {
        for (String text : List.of("42", "\"just a string\"", "true", "", "   ", "{\"a\":", "{} {}", "[1] x",
                "hello", "{'single': 1}")) {
            assertEquals(Optional.empty(), JsonHighlighter.prettyPrint(text), text);
        }
        assertEquals(Optional.empty(), JsonHighlighter.prettyPrint(null));
    }

    @Test
    void prettyPrintedOutputHighlightsEveryKeyAsAKey() {
        String pretty = JsonHighlighter.prettyPrint("{\"outer\":{\"inner\":\"v\"}}").orElseThrow();
        assertEquals(JsonHighlighter.KEY, styleOf(pretty, "\"outer\""));
        assertEquals(JsonHighlighter.KEY, styleOf(pretty, "\"inner\""));
        assertEquals(JsonHighlighter.STRING, styleOf(pretty, "\"v\""));
    }
}
