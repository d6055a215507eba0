package dev.sockscope.ui.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The tree's paths are JSON Pointers (RFC 6901) and its copied values are what a user pastes. */
class JsonPathsTest {
    @Test
    void pathsEscapeTildeAndSlashAndValuesCopyStringsAsText() throws Exception {
        assertEquals("/a~1b/c~0d", JsonPaths.pointerTo(JsonPaths.pointerTo("", "a/b"), "c~d"));
        ObjectMapper json = new ObjectMapper();
        assertEquals("ETH-USD", JsonPaths.valueText(json.readTree("\"ETH-USD\"")));
        assertEquals("{\"a\":[1,2]}", JsonPaths.valueText(json.readTree("{\"a\": [1, 2]}")));
    }
}
