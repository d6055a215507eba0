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
    private volatile String problem = "";
    private volatile boolean everyConnection;
    private final List<Consumer<PausedMessage>> listeners = new CopyOnWriteArrayList<>();

    public RuleBook(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static RuleBook empty() {
        return new RuleBook(List.of());
    }

    /**
     * The window's rules, kept in {@code file}: read now (a missing file is no rules; a damaged one
     * is no rules, and {@link #problem()} says why, so the file is not overwritten unasked).
     */
    public static RuleBook kept(Path file) {
        RuleBook book = empty();
        if (Files.exists(file)) {
            try {
                book = new RuleBook(RulesFile.parse(Files.readString(file)));
            } catch (RulesFileException e) {
                book.problem = "the saved rules (" + file + ") were not read: line " + e.line() + ": " + e.reason();
            } catch (IOException e) {
                book.problem = "the saved rules (" + file + ") could not be read: " + DataDirectory.reason(e);
            }
        }
        return book;
    }

    /** Why the saved rules were not read, or empty. */
    public String problem() {
        return problem;
    }

    /** Writes the rules as a rules file (a background thread's work: it is file I/O). */
    public void saveTo(Path file) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, RulesFile.write(rules));
        Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        problem = "";
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
    public AutoCloseable onHeld(Consumer<PausedMessage> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** What a proxy started with this book reads the rules from and tells held messages to. */
    InterceptHooks hooks() {
        return new InterceptHooks(this::rules, this::held, () -> everyConnection);
    }

    /**
     * Relay every connection that opens from now on frame by frame, so rules switched on later and
     * messages sent by hand reach it too (the window's proxy); off, only connections a rule concerns.
     */
    public void interceptEveryConnection(boolean on) {
        this.everyConnection = on;
    }

    private void held(HeldMessage message) {
        if (listeners.isEmpty()) {
            message.forward();
            return;
        }
        PausedMessage paused = new PausedMessage(message);
        listeners.forEach(l -> l.accept(paused));
    }
}
