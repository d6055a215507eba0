package dev.sockscope.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sockscope.core.Message;
import dev.sockscope.core.Opcode;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;

/**
 * A message reduced to what {@link MessageDiff} compares, as one string: JSON with its keys sorted,
 * numbers by value and volatile fields left out; other text as it is; binary by its bytes. Two
 * messages {@link MessageDiff} finds equal have the same canonical form, so a list of messages can
 * be matched by hashing instead of comparing every pair.
 */
public final class Canonical {
    private Canonical() {
    }

    public static String of(Message message, Set<String> ignored) {
        if (message.opcode() != Opcode.TEXT) {
            return "b" + message.opcode().ordinal() + ":" + new String(message.payload(), StandardCharsets.ISO_8859_1);
        }
        String text = new String(message.payload(), StandardCharsets.UTF_8);
        JsonNode json = MessageDiff.json(text);
        return json == null ? "t:" + text : "j:" + reduce("", json, ignored);
    }

    private static JsonNode reduce(String pointer, JsonNode node, Set<String> ignored) {
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            Set<String> keys = new TreeSet<>();
            node.fieldNames().forEachRemaining(keys::add);
            for (String key : keys) {
                String at = pointer + "/" + key.replace("~", "~0").replace("/", "~1");
                if (!JsonDiff.isIgnored(at, ignored)) {
                    out.set(key, reduce(at, node.get(key), ignored));
                }
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            for (int i = 0; i < node.size(); i++) {
                String at = pointer + "/" + i;
                // An ignored element keeps its place, so the elements after it keep their indexes.
                out.add(JsonDiff.isIgnored(at, ignored) ? JsonNodeFactory.instance.nullNode() : reduce(at, node.get(i), ignored));
            }
            return out;
        }
        if (node.isNumber()) {
            return JsonNodeFactory.instance.numberNode(node.decimalValue().stripTrailingZeros());
        }
        return node;
    }

}
