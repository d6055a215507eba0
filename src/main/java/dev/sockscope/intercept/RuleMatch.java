package dev.sockscope.intercept;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sockscope.core.Direction;
import dev.sockscope.core.Opcode;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a rule matches: every condition given must hold, and a rule with none matches every
 * message. Hosts and paths are globs ({@code *} any run of characters, {@code ?} one), hosts
 * without regard to case. {@code contains}, {@code regex} and the JSON pointer look at text
 * messages ({@code contains} at binary ones too, as UTF-8 bytes).
 *
 * @param every only each {@code every}-th message that met the other conditions (0 or 1: each)
 * @param probability only with this probability (1: always), drawn from a generator seeded with
 *     {@code seed} per connection, so a run can be repeated
 */
public record RuleMatch(String host, String path, Direction direction, Opcode opcode, String contains, Pattern regex,
        String jsonPointer, JsonNode equals, int every, double probability, long seed) {

    /** Matches every message. */
    public static final RuleMatch ANY = new RuleMatch(null, null, null, null, null, null, null, null, 0, 1, 0);

    /** The conditions that only depend on the connection: its host and path. */
    public boolean matchesConnection(String connectionHost, String connectionPath) {
        return (host == null || glob(host.toLowerCase(Locale.ROOT), connectionHost.toLowerCase(Locale.ROOT)))
                && (path == null || glob(path, connectionPath));
    }

    /** True when a message's own conditions hold (the counters and chance are the interceptor's). */
    boolean matchesMessage(Direction messageDirection, Opcode messageOpcode, byte[] payload, MessageText text) {
        if (direction != null && direction != messageDirection || opcode != null && opcode != messageOpcode) {
            return false;
        }
        if (contains != null && !(messageOpcode == Opcode.TEXT ? text.text().contains(contains)
                : indexOf(payload, contains.getBytes(java.nio.charset.StandardCharsets.UTF_8)) >= 0)) {
            return false;
        }
        if ((regex != null || jsonPointer != null) && messageOpcode != Opcode.TEXT) {
            return false;
        }
        if (regex != null && !regex.matcher(text.text()).find()) {
            return false;
        }
        if (jsonPointer != null) {
            JsonNode value = text.json() == null ? null : text.json().at(jsonPointer);
            return value != null && !value.isMissingNode() && (equals == null || equals.equals(value));
        }
        return true;
    }

    static boolean glob(String pattern, String value) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return value.matches(regex.toString());
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
