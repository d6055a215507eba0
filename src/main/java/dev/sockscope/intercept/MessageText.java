package dev.sockscope.intercept;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;

/** A text message's text and JSON, each made once and only when a rule asks for it. */
final class MessageText {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final byte[] payload;
    private String text;
    private JsonNode json;
    private boolean parsed;

    MessageText(byte[] payload) {
        this.payload = payload;
    }

    String text() {
        if (text == null) {
            text = new String(payload, StandardCharsets.UTF_8);
        }
        return text;
    }

    /** The message as JSON, or null when it is not JSON. */
    JsonNode json() {
        if (!parsed) {
            parsed = true;
            try {
                json = JSON.readTree(text());
            } catch (java.io.IOException e) {
                json = null;
            }
        }
        return json;
    }
}
