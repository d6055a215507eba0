package dev.sockscope.intercept;

/**
 * What becomes of one message: passed on untouched (no rule), or what the rule that matched does.
 *
 * @param payload the message to send instead, for a replace (what it was when the replace changed nothing)
 */
public record Decision(Rule rule, RuleAction action, byte[] payload) {
    public static final Decision UNTOUCHED = new Decision(null, null, null);

    public boolean untouched() {
        return rule == null;
    }
}
