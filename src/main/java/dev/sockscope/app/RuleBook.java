package dev.sockscope.app;

import dev.sockscope.intercept.Rule;
import dev.sockscope.intercept.RuleAction;
import dev.sockscope.intercept.RulesFile;
import dev.sockscope.intercept.RulesFileException;
import dev.sockscope.proxy.HeldMessage;
import dev.sockscope.proxy.InterceptHooks;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The interception rules a proxy applies, as they are now, and who hears of messages held at a
 * breakpoint. Rules are replaced whole (the window's edits, a file loaded); a proxy reads them
 * for each message. With nobody listening, a held message is forwarded at once rather than
 * held where no one can release it.
 */
public final class RuleBook {
    private volatile List<Rule> rules;
    private final List<Consumer<HeldMessage>> listeners = new CopyOnWriteArrayList<>();

    public RuleBook(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static RuleBook empty() {
        return new RuleBook(List.of());
    }

    /**
     * The rules of a file.
     *
     * @param headless refuse breakpoints ({@code pause}): without a window nobody can release them
     * @throws UserFacingException (usage) naming the file, the line and the reason
     */
    public static RuleBook load(Path file, boolean headless) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw UserFacingException.usage("the rules file " + file + " does not exist");
        } catch (MalformedInputException e) {
            throw UserFacingException.usage("the rules file " + file + " is not UTF-8 text");
        } catch (IOException e) {
            throw UserFacingException.usage("the rules file " + file + " cannot be read: " + DataDirectory.reason(e));
        }
        List<Rule> rules;
        try {
            rules = RulesFile.parse(text);
        } catch (RulesFileException e) {
            throw UserFacingException.usage("the rules file " + file + ", line " + e.line() + ": " + e.reason());
        }
        if (headless) {
            for (Rule rule : rules) {
                if (rule.action() instanceof RuleAction.Pause) {
                    throw UserFacingException.usage("the rules file " + file + ", line " + rule.line() + ": \"pause\" holds a"
                            + " message until someone releases it in the window; headless, use {\"delayMs\": N}");
                }
            }
        }
        return new RuleBook(rules);
    }

    public List<Rule> rules() {
        return rules;
    }

    /** How many rules are switched on. */
    public long switchedOn() {
        return rules.stream().filter(Rule::enabled).count();
    }

    public void replace(List<Rule> newRules) {
        this.rules = List.copyOf(newRules);
    }

    /** Tells {@code listener} of each message held at a breakpoint, on a proxy thread; returns how to stop. */
    public AutoCloseable onHeld(Consumer<HeldMessage> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** What a proxy started with this book reads the rules from and tells held messages to. */
    InterceptHooks hooks() {
        return new InterceptHooks(this::rules, this::held);
    }

    private void held(HeldMessage message) {
        if (listeners.isEmpty()) {
            message.forward();
            return;
        }
        listeners.forEach(l -> l.accept(message));
    }
}
