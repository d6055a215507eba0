package dev.sockscope.ui.proxy;

import dev.sockscope.app.AppContext;
import dev.sockscope.app.PausedMessage;
import dev.sockscope.app.RuleBook;
import dev.sockscope.intercept.Rule;
import dev.sockscope.intercept.RulesFile;
import dev.sockscope.intercept.RulesFileException;
import dev.sockscope.ui.fx.Background;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The proxy's rules and breakpoints as the window shows them: the rules in order (switched on
 * and off here, edited as a rules file), kept in the data directory's {@code rules.json}; and the
 * messages held at breakpoints, oldest first, each leaving the queue once it is settled.
 */
public final class InterceptModel {
    /** Null until read (in the background: it is a file). */
    private RuleBook book;
    private final Path file;
    private final Background background;
    private final ObservableList<Rule> rules = FXCollections.observableArrayList();
    private final ObservableList<PausedMessage> held = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");

    public InterceptModel(AppContext app, Background background) {
        this.file = app.dataDir().resolve("rules.json");
        this.background = background;
        background.run(control -> app.rules(), this::loaded, e -> problem.set("the rules could not be read: " + e.getMessage()));
    }

    private void loaded(RuleBook loaded) {
        this.book = loaded;
        // The window's proxy relays every connection frame by frame: rules switched on later, and
        // messages sent by hand, reach connections already open.
        book.interceptEveryConnection(true);
        rules.setAll(book.rules());
        problem.set(book.problem());
        book.onHeld(message -> background.ui().run(() -> {
            held.add(message);
            message.outcome().thenRun(() -> background.ui().run(() -> held.remove(message)));
        }));
    }

    public ObservableList<Rule> rules() {
        return rules;
    }

    public ObservableList<PausedMessage> held() {
        return held;
    }

    /** Why the rules were not read or saved, or why an edit was refused; empty when all is well. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The rules as a rules file, for the editor. */
    public String asText() {
        return RulesFile.write(rules);
    }

    public void setEnabled(int index, boolean on) {
        List<Rule> changed = new ArrayList<>(rules);
        changed.set(index, changed.get(index).withEnabled(on));
        use(changed);
    }

    /** Replaces the rules with those of {@code text}; false (and the line and reason in {@link #problemProperty}) when it has an error. */
    public boolean apply(String text) {
        try {
            return use(RulesFile.parse(text));
        } catch (RulesFileException e) {
            problem.set("line " + e.line() + ": " + e.reason());
            return false;
        }
    }

    /** Reads a rules file (in the background) and uses it; an error is said by line, and the rules in force stay. */
    public void loadFrom(Path chosen) {
        background.run(control -> java.nio.file.Files.readString(chosen), text -> {
            if (apply(text)) {
                problem.set("");
            } else {
                problem.set(chosen.getFileName() + ", " + problem.get());
            }
        }, e -> problem.set(chosen.getFileName() + " could not be read: " + e.getMessage()));
    }

    /** Writes the rules to a file of the user's (in the background). */
    public void saveAs(Path chosen) {
        String text = asText();
        background.run(control -> java.nio.file.Files.writeString(chosen, text), done -> problem.set(""),
                e -> problem.set(chosen.getFileName() + " could not be written: " + e.getMessage()));
    }

    /** Puts these rules in force and saves them; false while the saved rules are still being read. */
    private boolean use(List<Rule> changed) {
        if (book == null) {
            problem.set("the saved rules are still being read; try again in a moment");
            return false;
        }
        rules.setAll(changed);
        book.replace(changed);
        problem.set("");
        background.run(control -> {
            book.saveTo(file);
            return null;
        }, done -> { }, e -> problem.set("the rules apply but could not be saved: " + e.getMessage()));
        return true;
    }
}
