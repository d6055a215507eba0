package dev.sockscope.ui.messages;

import com.fasterxml.jackson.databind.JsonNode;

/** What the JSON tree copies: a node's JSON Pointer (RFC 6901) and its value as a user would paste it. */
final class JsonPaths {
    private JsonPaths() {
    }

    /** A string is copied as its text, anything else as JSON. */
    static String valueText(JsonNode value) {
        return value.isTextual() ? value.asText() : value.toString();
    }

    /** RFC 6901: "~" is "~0" and "/" is "~1" in a key. */
    static String pointerTo(String parent, String key) {
        return parent + "/" + key.replace("~", "~0").replace("/", "~1");
    }
}
