package dev.sockscope.intercept;

import java.util.Objects;

/**
 * One rule: a name to show and record, whether it is on, what it matches and what it does.
 *
 * @param line where the rule starts in its file (1 for rules made in the window), for error messages
 */
public record Rule(String name, boolean enabled, RuleMatch match, RuleAction action, int line) {
    public Rule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(action, "action");
    }

    public Rule withEnabled(boolean on) {
        return new Rule(name, on, match, action, line);
    }
}
