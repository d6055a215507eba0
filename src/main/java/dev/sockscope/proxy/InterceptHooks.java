package dev.sockscope.proxy;

import dev.sockscope.intercept.Rule;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What the proxy needs to intercept: the rules as they are now (read for each message, so a rule
 * switched in the window applies from the next message), where a message held at a breakpoint is
 * announced, and whether every connection is relayed frame by frame (the window's proxy, where
 * rules may be switched on and messages sent by hand at any time) or only those a rule concerns
 * when the relay starts.
 */
public record InterceptHooks(Supplier<List<Rule>> rules, Consumer<HeldMessage> held, BooleanSupplier everyConnection) {
    /** No rules: every connection is relayed byte for byte. */
    public static final InterceptHooks NONE = new InterceptHooks(List::of, held -> held.forward(), () -> false);
}
