package dev.sockscope.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The structural difference of two JSON values: objects compared field by field whatever their
 * key order, arrays element by element (what one has beyond the other's length is added or
 * removed), anything else by value (1 and 1.0 are equal). Fields named in {@code ignored} (JSON
 * pointers, {@code *} standing for any one key or index: {@code /items/*}{@code /ts}) are left
 * out on both sides: ids and timestamps that differ on every run.
 */
public final class JsonDiff {
    private JsonDiff() {
    }

    public static List<Difference> of(JsonNode first, JsonNode second, Set<String> ignored) {
        List<Difference> out = new ArrayList<>();
        compare("", first, second, ignored, out);
        return out;
    }

    private static void compare(String pointer, JsonNode a, JsonNode b, Set<String> ignored, List<Difference> out) {
        if (isIgnored(pointer, ignored)) {
            return;
        }
        if (a.isObject() && b.isObject()) {
            Set<String> keys = new TreeSet<>();
            a.fieldNames().forEachRemaining(keys::add);
            b.fieldNames().forEachRemaining(keys::add);
            for (String key : keys) {
                String at = pointer + "/" + key.replace("~", "~0").replace("/", "~1");
                compareOrReport(at, a.get(key), b.get(key), ignored, out);
            }
        } else if (a.isArray() && b.isArray()) {
            for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
                compareOrReport(pointer + "/" + i, a.get(i), b.get(i), ignored, out);
            }
        } else if (!same(a, b)) {
            out.add(new Difference(pointer, Difference.Kind.CHANGED, a.toString(), b.toString()));
        }
    }

    private static void compareOrReport(String at, JsonNode a, JsonNode b, Set<String> ignored, List<Difference> out) {
        if (isIgnored(at, ignored)) {
            return;
        }
        if (a == null) {
            out.add(new Difference(at, Difference.Kind.ADDED, null, b.toString()));
        } else if (b == null) {
            out.add(new Difference(at, Difference.Kind.REMOVED, a.toString(), null));
        } else {
            compare(at, a, b, ignored, out);
        }
    }

    /** Equal values; numbers by their value, so 1, 1.0 and 1e0 are the same number. */
    private static boolean same(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }

    static boolean isIgnored(String pointer, Set<String> ignored) {
        if (ignored.isEmpty() || pointer.isEmpty()) {
            return false;
        }
        for (String pattern : ignored) {
            if (matches(pattern, pointer)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(String pattern, String pointer) {
        Iterator<String> want = List.of(pattern.substring(1).split("/", -1)).iterator();
        Iterator<String> have = List.of(pointer.substring(1).split("/", -1)).iterator();
        while (want.hasNext() && have.hasNext()) {
            String w = want.next();
            String h = have.next();
            if (!w.equals("*") && !w.equals(h)) {
                return false;
            }
        }
        return !want.hasNext() && !have.hasNext();
    }
}
