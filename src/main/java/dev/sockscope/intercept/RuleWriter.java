package dev.sockscope.intercept;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sockscope.core.Direction;
import java.util.Locale;

/** One rule as the rules file writes it (the fields it was read from, and only those). */
final class RuleWriter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RuleWriter() {
    }

    static ObjectNode node(Rule rule) {
        ObjectNode node = JSON.createObjectNode();
        node.put("name", rule.name());
        node.put("enabled", rule.enabled());
        ObjectNode match = node.putObject("match");
        RuleMatch m = rule.match();
        putIf(match, "host", m.host());
        putIf(match, "path", m.path());
        putIf(match, "direction", m.direction() == null ? null : direction(m.direction()));
        putIf(match, "opcode", m.opcode() == null ? null : m.opcode().name().toLowerCase(Locale.ROOT));
        putIf(match, "contains", m.contains());
        putIf(match, "regex", m.regex() == null ? null : m.regex().pattern());
        putIf(match, "jsonPointer", m.jsonPointer());
        if (m.equals() != null) {
            match.set("equals", m.equals());
        }
        if (m.every() > 1) {
            match.put("every", m.every());
        }
        if (m.probability() < 1) {
            match.put("probability", m.probability());
            match.put("seed", m.seed());
        }
        node.set("action", action(rule.action()));
        return node;
    }

    private static ObjectNode action(RuleAction action) {
        ObjectNode node = JSON.createObjectNode();
        if (action instanceof RuleAction.Drop) {
            node.put("drop", true);
        } else if (action instanceof RuleAction.Duplicate) {
            node.put("duplicate", true);
        } else if (action instanceof RuleAction.Pause) {
            node.put("pause", true);
        } else if (action instanceof RuleAction.Delay d) {
            node.put("delayMs", d.millis());
        } else if (action instanceof RuleAction.ReplaceText r) {
            node.putObject("replace").put("regex", r.regex().pattern()).put("with", r.with());
        } else if (action instanceof RuleAction.ReplaceJson r) {
            node.putObject("replace").put("jsonPointer", r.pointer()).set("value", r.value());
        } else if (action instanceof RuleAction.Inject i) {
            ObjectNode inject = node.putObject("inject").put("direction", direction(i.direction())).put("text", i.text());
            if (i.everyMillis() > 0) {
                inject.put("everyMs", i.everyMillis());
            }
        } else if (action instanceof RuleAction.Close c) {
            node.putObject("close").put("code", c.code()).put("reason", c.reason()).put("to", c.to().name().toLowerCase(Locale.ROOT));
        }
        return node;
    }

    private static String direction(Direction direction) {
        return direction == Direction.SEND ? "send" : "receive";
    }

    private static void putIf(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
