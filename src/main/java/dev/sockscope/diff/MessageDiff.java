package dev.sockscope.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sockscope.core.Opcode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Two messages compared as a person reads them: as JSON when both are JSON text (structurally,
 * see {@link JsonDiff}), line by line for other text, and by their first differing byte for
 * binary. {@link #equal()} when nothing differs that is not ignored.
 *
 * @param kind how they were compared: "json", "text", "binary", or "type" when one is text and the other binary
 * @param json the JSON differences, for "json"
 * @param lines the changed lines, "- old" and "+ new", for "text"
 * @param firstDifferentByte for "binary", the offset of the first byte that differs (the shorter
 *     length when one is a prefix of the other), -1 when they are equal
 */
public record MessageDiff(String kind, List<Difference> json, List<String> lines, long firstDifferentByte) {
    /** Decimals as written (1796233511.6191692, not 1.7962335116191692E9), so a changed value reads as sent. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    /** Beyond this many lines on a side, a text diff says only that they differ (the table grows as the product). */
    private static final int MAX_LINES = 2_000;

    /**
     * The differences in words, one line each: JSON fields by pointer, changed lines ("- old",
     * "+ new"), the first differing byte, or that one is text and the other binary.
     *
     * @param a the first message compared, b the second
     */
    public List<String> explained(dev.sockscope.core.Message a, dev.sockscope.core.Message b) {
        List<String> out = new ArrayList<>();
        switch (kind) {
            case "json" -> json.forEach(x -> out.add(x.toString()));
            case "text" -> out.addAll(lines);
            case "binary" -> out.add("bytes differ from offset " + firstDifferentByte + " (" + a.size() + " and " + b.size()
                    + " bytes)");
            default -> out.add("one is " + a.opcode().label() + ", the other " + b.opcode().label());
        }
        return out;
    }

    public boolean equal() {
        return json.isEmpty() && lines.isEmpty() && firstDifferentByte < 0 && !kind.equals("type");
    }

    public static MessageDiff of(Opcode firstOpcode, byte[] first, Opcode secondOpcode, byte[] second, Set<String> ignored) {
        boolean firstText = firstOpcode == Opcode.TEXT;
        if (firstText != (secondOpcode == Opcode.TEXT)) {
            return new MessageDiff("type", List.of(), List.of(), -1);
        }
        if (!firstText) {
            return new MessageDiff("binary", List.of(), List.of(), firstDifference(first, second));
        }
        String a = new String(first, StandardCharsets.UTF_8);
        String b = new String(second, StandardCharsets.UTF_8);
        JsonNode aJson = json(a);
        JsonNode bJson = aJson == null ? null : json(b);
        if (aJson != null && bJson != null) {
            return new MessageDiff("json", JsonDiff.of(aJson, bJson, ignored), List.of(), -1);
        }
        return new MessageDiff("text", List.of(), lines(a, b), -1);
    }

    /** The JSON object or array this text holds, or null when it holds none. */
    static JsonNode json(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            return node != null && (node.isObject() || node.isArray()) ? node : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static long firstDifference(byte[] a, byte[] b) {
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            if (a[i] != b[i]) {
                return i;
            }
        }
        return a.length == b.length ? -1 : n;
    }

    /** The lines only one side has, in order, from a longest common subsequence of lines. */
    private static List<String> lines(String a, String b) {
        if (a.equals(b)) {
            return List.of();
        }
        String[] x = a.split("\n", -1);
        String[] y = b.split("\n", -1);
        if (x.length > MAX_LINES || y.length > MAX_LINES) {
            return List.of("(too long to compare line by line: " + x.length + " and " + y.length + " lines, not equal)");
        }
        int[][] common = new int[x.length + 1][y.length + 1];
        for (int i = x.length - 1; i >= 0; i--) {
            for (int j = y.length - 1; j >= 0; j--) {
                common[i][j] = x[i].equals(y[j]) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<String> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < x.length || j < y.length) {
            if (i < x.length && j < y.length && x[i].equals(y[j])) {
                i++;
                j++;
            } else if (i < x.length && (j == y.length || common[i + 1][j] >= common[i][j + 1])) {
                // A removed line before the line that replaces it, as diff prints them.
                out.add("- " + x[i++]);
            } else {
                out.add("+ " + y[j++]);
            }
        }
        return out;
    }
}
