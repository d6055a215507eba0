package dev.sockscope.intercept;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sockscope.core.Direction;
import dev.sockscope.core.Opcode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * The rules as they apply to one proxied connection: for each whole data message, the first
 * enabled rule that matches it decides (rules are read anew for each message, so switching one
 * in the window takes effect at the next message). Counters for {@code every} and the seeded
 * chance for {@code probability} are kept per rule and per connection. Not thread-safe: one
 * connection's messages are decided on its own thread.
 */
public final class Interceptor {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<List<Rule>> rules;
    private final String host;
    private final String path;
    private final Map<Rule, int[]> counts = new IdentityHashMap<>();
    private final Map<Rule, Random> chances = new IdentityHashMap<>();

    public Interceptor(Supplier<List<Rule>> rules, String host, String path) {
        this.rules = rules;
        this.host = host;
        this.path = path;
    }

    /** True when some rule, on or off, could apply to this connection: its messages are then handled one by one. */
    public static boolean concerns(List<Rule> rules, String host, String path) {
        return rules.stream().anyMatch(r -> r.match().matchesConnection(host, path));
    }

    /** The timed injections for this connection (rules on, whose host and path match). */
    public List<Rule> timedInjections() {
        List<Rule> timed = new ArrayList<>();
        for (Rule rule : rules.get()) {
            if (rule.enabled() && rule.action() instanceof RuleAction.Inject inject && inject.everyMillis() > 0
                    && rule.match().matchesConnection(host, path)) {
                timed.add(rule);
            }
        }
        return timed;
    }

    /** What becomes of a whole text or binary message going in {@code direction}, with its (inflated) payload. */
    public Decision decide(Direction direction, Opcode opcode, byte[] payload) {
        MessageText text = new MessageText(payload);
        for (Rule rule : rules.get()) {
            if (!rule.enabled() || rule.action() instanceof RuleAction.Inject i && i.everyMillis() > 0
                    || !rule.match().matchesConnection(host, path)
                    || !rule.match().matchesMessage(direction, opcode, payload, text) || !counted(rule)) {
                continue;
            }
            return new Decision(rule, rule.action(), replaced(rule.action(), opcode, payload, text));
        }
        return Decision.UNTOUCHED;
    }

    /** The every-Nth and the chance of a rule whose conditions held. */
    private boolean counted(Rule rule) {
        RuleMatch match = rule.match();
        if (match.every() > 1 && ++counts.computeIfAbsent(rule, r -> new int[1])[0] % match.every() != 0) {
            return false;
        }
        return match.probability() >= 1 || chances.computeIfAbsent(rule, r -> new Random(match.seed())).nextDouble()
                < match.probability();
    }

    private static byte[] replaced(RuleAction action, Opcode opcode, byte[] payload, MessageText text) {
        if (action instanceof RuleAction.ReplaceText r && opcode == Opcode.TEXT) {
            return r.regex().matcher(text.text()).replaceAll(r.with()).getBytes(StandardCharsets.UTF_8);
        }
        if (action instanceof RuleAction.ReplaceJson r && opcode == Opcode.TEXT && text.json() != null) {
            JsonNode copy = text.json().deepCopy();
            if (set(copy, r.pointer(), r.value())) {
                try {
                    return JSON.writeValueAsBytes(copy);
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    return payload;
                }
            }
        }
        return action instanceof RuleAction.ReplaceText || action instanceof RuleAction.ReplaceJson ? payload : null;
    }

    /** Sets the value at a JSON pointer whose parent exists; false when it does not (nothing changes). */
    private static boolean set(JsonNode root, String pointer, JsonNode value) {
        if (pointer.isEmpty()) {
            return false;
        }
        int cut = pointer.lastIndexOf('/');
        JsonNode parent = root.at(pointer.substring(0, cut));
        String last = pointer.substring(cut + 1).replace("~1", "/").replace("~0", "~");
        if (parent instanceof ObjectNode object) {
            object.set(last, value.deepCopy());
            return true;
        }
        if (parent instanceof ArrayNode array && last.matches("\\d+") && Integer.parseInt(last) < array.size()) {
            array.set(Integer.parseInt(last), value.deepCopy());
            return true;
        }
        return false;
    }

    /** True when a decision's payload differs from the message (a replace that changed something). */
    public static boolean changes(Decision decision, byte[] original) {
        return decision.payload() != null && !Arrays.equals(decision.payload(), original);
    }
}
