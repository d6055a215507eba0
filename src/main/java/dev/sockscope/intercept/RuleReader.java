package dev.sockscope.intercept;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sockscope.core.Direction;
import dev.sockscope.core.Opcode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads one rule object of a rules file, checking every field; an error names the line of the
 * field it is about (found from the rule's place in the text) and what is wrong with it.
 */
final class RuleReader {
    private static final Set<String> RULE_FIELDS = Set.of("name", "enabled", "match", "action");
    private static final Set<String> MATCH_FIELDS = Set.of("host", "path", "direction", "opcode", "contains", "regex",
            "jsonPointer", "equals", "every", "probability", "seed");
    private static final String ACTIONS = "drop, replace, delayMs, duplicate, inject, close, pause";

    private final String text;
    private final int offset;
    private final int line;
    private final int number;

    RuleReader(String text, int offset, int line, int number) {
        this.text = text;
        this.offset = offset;
        this.line = line;
        this.number = number;
    }

    Rule rule(ObjectNode node) throws RulesFileException {
        unknownFields(node, RULE_FIELDS, "a rule");
        String name = node.has("name") ? string(node, "name") : "rule " + number;
        boolean enabled = !node.has("enabled") || bool(node, "enabled");
        JsonNode match = node.get("match");
        if (match != null && !match.isObject()) {
            throw error("match", "\"match\" must be an object such as {\"direction\": \"receive\"}");
        }
        JsonNode action = node.get("action");
        if (action == null) {
            throw new RulesFileException(line, "rule " + number + " has no \"action\" (one of " + ACTIONS + ")");
        }
        if (!action.isObject() || action.size() != 1) {
            throw error("action", "\"action\" must be an object with exactly one of " + ACTIONS);
        }
        return new Rule(name, enabled, match == null ? RuleMatch.ANY : match((ObjectNode) match), action((ObjectNode) action), line);
    }

    private RuleMatch match(ObjectNode node) throws RulesFileException {
        unknownFields(node, MATCH_FIELDS, "\"match\"");
        Direction direction = node.has("direction") ? direction(node, "direction") : null;
        Opcode opcode = null;
        if (node.has("opcode")) {
            String value = string(node, "opcode").toLowerCase(Locale.ROOT);
            opcode = switch (value) {
                case "text" -> Opcode.TEXT;
                case "binary" -> Opcode.BINARY;
                default -> throw error("opcode", "\"opcode\" is \"text\" or \"binary\", not \"" + value + "\"");
            };
        }
        Pattern regex = node.has("regex") ? pattern(node, "regex") : null;
        String pointer = node.has("jsonPointer") ? pointer(node, "jsonPointer") : null;
        if (node.has("equals") && pointer == null) {
            throw error("equals", "\"equals\" needs a \"jsonPointer\" to compare at");
        }
        int every = node.has("every") ? (int) number(node, "every", 1, Integer.MAX_VALUE) : 0;
        double probability = 1;
        if (node.has("probability")) {
            JsonNode value = node.get("probability");
            if (!value.isNumber() || value.asDouble() < 0 || value.asDouble() > 1) {
                throw error("probability", "\"probability\" is a number from 0 to 1");
            }
            probability = value.asDouble();
        }
        long seed = node.has("seed") ? number(node, "seed", Long.MIN_VALUE, Long.MAX_VALUE) : 0;
        return new RuleMatch(node.has("host") ? string(node, "host") : null, node.has("path") ? string(node, "path") : null,
                direction, opcode, node.has("contains") ? string(node, "contains") : null, regex, pointer, node.get("equals"),
                every, probability, seed);
    }

    private RuleAction action(ObjectNode node) throws RulesFileException {
        String kind = node.fieldNames().next();
        return switch (kind) {
            case "drop" -> flag(node, kind, new RuleAction.Drop());
            case "duplicate" -> flag(node, kind, new RuleAction.Duplicate());
            case "pause" -> flag(node, kind, new RuleAction.Pause());
            case "delayMs" -> new RuleAction.Delay(number(node, kind, 0, 3_600_000));
            case "replace" -> replace(object(node, kind, Set.of("regex", "with", "jsonPointer", "value")));
            case "inject" -> inject(object(node, kind, Set.of("direction", "text", "everyMs")));
            case "close" -> close(object(node, kind, Set.of("code", "reason", "to")));
            default -> throw error(kind, "unknown action \"" + kind + "\"; an action is one of " + ACTIONS);
        };
    }

    private RuleAction replace(ObjectNode node) throws RulesFileException {
        if (node.has("regex") && node.has("with") && !node.has("jsonPointer") && !node.has("value")) {
            return new RuleAction.ReplaceText(pattern(node, "regex"), string(node, "with"));
        }
        if (node.has("jsonPointer") && node.has("value") && !node.has("regex") && !node.has("with")) {
            return new RuleAction.ReplaceJson(pointer(node, "jsonPointer"), node.get("value"));
        }
        throw error("replace", "\"replace\" takes {\"regex\": …, \"with\": …} or {\"jsonPointer\": …, \"value\": …}");
    }

    private RuleAction inject(ObjectNode node) throws RulesFileException {
        if (!node.has("direction") || !node.has("text")) {
            throw error("inject", "\"inject\" needs \"direction\" (\"send\": to the server, \"receive\": to the app) and \"text\"");
        }
        long every = node.has("everyMs") ? number(node, "everyMs", 10, 86_400_000) : 0;
        return new RuleAction.Inject(direction(node, "direction"), string(node, "text"), every);
    }

    private RuleAction close(ObjectNode node) throws RulesFileException {
        if (!node.has("code")) {
            throw error("close", "\"close\" needs a \"code\" (1000, or 3000-4999 for an application's own)");
        }
        int code = (int) number(node, "code", 1000, 4999);
        if (code < 3000 && !Set.of(1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 1012, 1013, 1014).contains(code)) {
            throw error("code", "close code " + code + " may not be sent (RFC 6455 section 7.4): use 1000-1003, 1007-1014 or 3000-4999");
        }
        String reason = node.has("reason") ? string(node, "reason") : "";
        if (reason.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 123) {
            throw error("reason", "a close reason is at most 123 bytes of UTF-8");
        }
        RuleAction.CloseTarget to = RuleAction.CloseTarget.BOTH;
        if (node.has("to")) {
            String value = string(node, "to").toLowerCase(Locale.ROOT);
            to = switch (value) {
                case "app" -> RuleAction.CloseTarget.APP;
                case "server" -> RuleAction.CloseTarget.SERVER;
                case "both" -> RuleAction.CloseTarget.BOTH;
                default -> throw error("to", "\"to\" is \"app\", \"server\" or \"both\", not \"" + value + "\"");
            };
        }
        return new RuleAction.Close(code, reason, to);
    }

    private RuleAction flag(ObjectNode node, String field, RuleAction action) throws RulesFileException {
        if (!node.get(field).isBoolean() || !node.get(field).asBoolean()) {
            throw error(field, "\"" + field + "\" is written {\"" + field + "\": true}");
        }
        return action;
    }

    private ObjectNode object(ObjectNode node, String field, Set<String> known) throws RulesFileException {
        if (!node.get(field).isObject()) {
            throw error(field, "\"" + field + "\" must be an object");
        }
        ObjectNode object = (ObjectNode) node.get(field);
        unknownFields(object, known, "\"" + field + "\"");
        return object;
    }

    private void unknownFields(ObjectNode node, Set<String> known, String where) throws RulesFileException {
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!known.contains(name)) {
                throw error(name, "unknown field \"" + name + "\" in " + where + "; known: "
                        + RulesFile.names(known.stream().sorted().iterator()));
            }
        }
    }

    private String string(JsonNode node, String field) throws RulesFileException {
        if (!node.get(field).isTextual()) {
            throw error(field, "\"" + field + "\" must be a string");
        }
        return node.get(field).asText();
    }

    private boolean bool(JsonNode node, String field) throws RulesFileException {
        if (!node.get(field).isBoolean()) {
            throw error(field, "\"" + field + "\" is true or false");
        }
        return node.get(field).asBoolean();
    }

    private long number(JsonNode node, String field, long min, long max) throws RulesFileException {
        JsonNode value = node.get(field);
        if (!value.isIntegralNumber() || value.asLong() < min || value.asLong() > max) {
            throw error(field, "\"" + field + "\" is a whole number from " + min + " to " + max);
        }
        return value.asLong();
    }

    private Direction direction(JsonNode node, String field) throws RulesFileException {
        String value = string(node, field).toLowerCase(Locale.ROOT);
        return switch (value) {
            case "send" -> Direction.SEND;
            case "receive" -> Direction.RECEIVE;
            default -> throw error(field, "\"" + field + "\" is \"send\" (app to server) or \"receive\" (server to app), not \""
                    + value + "\"");
        };
    }

    private Pattern pattern(JsonNode node, String field) throws RulesFileException {
        try {
            return Pattern.compile(string(node, field));
        } catch (PatternSyntaxException e) {
            throw error(field, "\"" + field + "\" is not a valid regular expression: " + e.getDescription());
        }
    }

    private String pointer(JsonNode node, String field) throws RulesFileException {
        String value = string(node, field);
        if (!value.isEmpty() && !value.startsWith("/")) {
            throw error(field, "a JSON pointer starts with \"/\", such as \"/price\" or \"/items/0/id\"");
        }
        return value;
    }

    /** An error at {@code field}: its line is where "field" first appears in this rule's text. */
    private RulesFileException error(String field, String reason) {
        int at = text.indexOf("\"" + field + "\"", offset);
        int fieldLine = line;
        if (at >= 0) {
            fieldLine = line + (int) text.substring(offset, at).chars().filter(c -> c == '\n').count();
        }
        return new RulesFileException(fieldLine, reason);
    }
}
