package dev.sockscope.ui.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The context shown before a match: its last characters as they are in the message, no space added. */
class SnippetContextTest {
    @Test
    void keepsTheLastCharactersBeforeTheMatchExactly() {
        Snippet snippet = Snippet.of("{\"type\":\"ticker\",\"symbol\":\"ETH-USD\"}", "ETH-USD", false);
        assertEquals("ETH-USD", snippet.match());
        assertEquals("…\"symbol\":\"", SearchView.tail(snippet.before(), 10));
        assertEquals("ab", SearchView.tail("ab", 8), "short context is shown whole, without an ellipsis");
        assertEquals("…cdefghij", SearchView.tail("…abcdefghij", 8), "an ellipsis is not doubled");
    }
}
