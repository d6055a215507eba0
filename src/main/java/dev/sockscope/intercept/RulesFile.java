package dev.sockscope.intercept;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The rules file: a JSON list of {@code {"name", "enabled", "match": {...}, "action": {...}}}, read
 * whole or refused with the line and the reason (a syntax error where the parser stopped; an
 * unknown or wrong field at that field). Written back in the same form by {@link #write}.
 */
public final class RulesFile {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RulesFile() {
    }

    /** The rules in {@code text}, in order. */
    public static List<Rule> parse(String file) throws RulesFileException {
        // Editors on Windows start UTF-8 files with a byte order mark; it is not part of the JSON.
        String text = file.startsWith("\uFEFF") ? file.substring(1) : file;
        List<Rule> rules = new ArrayList<>();
        try (JsonParser parser = JSON.getFactory().createParser(text)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new RulesFileException(line(parser.currentTokenLocation()), "a rules file is a JSON list: [ {\"match\": …, "
                        + "\"action\": …}, … ]");
            }
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                JsonLocation start = parser.currentTokenLocation();
                JsonNode node = parser.readValueAsTree();
                rules.add(new RuleReader(text, (int) start.getCharOffset(), line(start), rules.size() + 1).rule((ObjectNode) node));
            }
            if (parser.currentToken() != JsonToken.END_ARRAY) {
                throw new RulesFileException(line(parser.currentTokenLocation()), "each rule is a JSON object: {\"match\": …, "
                        + "\"action\": …}");
            }
            if (parser.nextToken() != null) {
                throw new RulesFileException(line(parser.currentTokenLocation()), "there is more after the list of rules");
            }
        } catch (JsonProcessingException e) {
            throw new RulesFileException(e.getLocation() == null ? 1 : line(e.getLocation()), "not valid JSON: "
                    + e.getOriginalMessage().replaceAll("\\s*\\(for .*$", "").replaceAll("\\s+", " "));
        } catch (IOException e) {
            throw new RulesFileException(1, "it could not be read: " + e.getMessage());
        }
        return rules;
    }

    private static int line(JsonLocation location) {
        return Math.max(1, location.getLineNr());
    }

    /** The rules as a file {@link #parse} reads back to the same rules. */
    public static String write(List<Rule> rules) {
        ArrayNode list = JSON.createArrayNode();
        for (Rule rule : rules) {
            list.add(RuleWriter.node(rule));
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(list) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("rules always serialize", e);
        }
    }

    /** The names a field may have, for "unknown field" messages. */
    static String names(Iterator<String> names) {
        List<String> all = new ArrayList<>();
        names.forEachRemaining(all::add);
        return String.join(", ", all);
    }
}
