package dev.sockscope.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * The fields of one JSON Lines message, read with the streaming parser: no tree, no map per
 * line (a tree per line cost more than everything else an import does). Values read as
 * Jackson's {@code asText} would: a number's digits, "" for an object or array.
 */
final class JsonLineFields {
    private static final JsonFactory JSON = new JsonFactory();

    String connection = "";
    String url = "";
    String direction = "";
    String timestamp = "";
    /** -1 when absent or not an integer. */
    int opcode = -1;
    String text;
    String base64;

    /** The line's message, or null when the line is not a JSON object. */
    static JsonLineFields parse(byte[] line, int offset, int length) throws IOException {
        try (JsonParser parser = JSON.createParser(line, offset, length)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            JsonLineFields m = new JsonLineFields();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("opcode".equals(field)) {
                    m.opcode = value == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT
                            ? Math.max(-1, parser.getIntValue()) : -1;
                    parser.skipChildren();
                    continue;
                }
                if ("session".equals(field) || "size".equals(field)) {
                    parser.skipChildren(); // not needed to import: never decoded
                    continue;
                }
                String text = value.isStructStart() ? "" : parser.getText();
                parser.skipChildren();
                switch (field) {
                    case "connection" -> m.connection = text;
                    case "url" -> m.url = text;
                    case "direction" -> m.direction = text;
                    case "timestamp" -> m.timestamp = text;
                    case "text" -> m.text = text;
                    case "base64" -> m.base64 = text;
                    default -> {
                        // fields of newer versions: not needed to import
                    }
                }
            }
            if (parser.nextToken() != null) {
                // A second value (or a line break other than LF) would be lost silently: refuse it.
                throw new JsonParseException(parser, "more than one JSON value on the line (one message per line,"
                        + " each line ending with LF)");
            }
            return m;
        }
    }
}
