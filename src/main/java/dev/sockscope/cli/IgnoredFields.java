package dev.sockscope.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --ignore-field POINTER}...: volatile JSON fields left out when messages are compared or matched. */
final class IgnoredFields {
    @Option(names = "--ignore-field", paramLabel = "POINTER",
            description = "A JSON field left out when messages are compared or matched (ids, timestamps), * for any key"
                    + " or index: /id, /items/*/ts (repeatable).")
    List<String> pointers = new ArrayList<>();

    /** The pointers given, each checked to be one. */
    LinkedHashSet<String> checked() {
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
