package dev.sockscope.proxy;

import dev.sockscope.intercept.Rule;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What the proxy needs to intercept: the rules as they are now (read for each message, so a rule
 * switched in the window applies from the next message), and where a message held at a
 * breakpoint is announced.
 */
public record InterceptHooks(Supplier<List<Rule>> rules, Consumer<HeldMessage> held) {
    /** No rules: every connection is relayed byte for byte. */
    public static final InterceptHooks NONE = new InterceptHooks(List::of, held -> held.forward());
}
