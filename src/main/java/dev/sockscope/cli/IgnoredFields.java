package dev.sockscope.cli;

import java.util.LinkedHashSet;
import java.util.List;

/** The {@code --ignore-field} values: JSON pointers, checked before anything runs. */
final class IgnoredFields {
    private IgnoredFields() {
    }

    static LinkedHashSet<String> check(List<String> pointers) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String p : pointers) {
            if (!p.startsWith("/")) {
                throw UserError.usage("--ignore-field takes a JSON pointer such as /id or /items/*/ts, not " + p);
            }
            out.add(p);
        }
        return out;
    }
}
