package dev.sockscope.ui.connection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The composer's state: draft, mode, validation and the history of sent drafts (up/down recall).
 * Validation runs on every edit; it is cheap for the sizes people type, and the view debounces.
 */
public final class ComposerModel {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int HISTORY_LIMIT = 200;

    private final StringProperty draft = new SimpleStringProperty("");
    private final ObjectProperty<ComposerMode> mode = new SimpleObjectProperty<>(ComposerMode.TEXT);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    /** A message too large for the text field, sent instead of the draft while set. */
    private final ObjectProperty<LargeDraft> large = new SimpleObjectProperty<>();
    private final List<String> history = new ArrayList<>();
    private int historyCursor;
    private String unsentDraft = "";
    /** The mode the draft was valid in before a switch made it invalid: what "convert" converts from. */
    private final javafx.beans.property.ReadOnlyObjectWrapper<ComposerMode> convertibleFrom =
            new javafx.beans.property.ReadOnlyObjectWrapper<>();

    public ComposerModel() {
        draft.addListener((obs, old, now) -> {
            convertibleFrom.set(null);
            validate();
        });
        mode.addListener((obs, old, now) -> {
            validate();
            boolean bytesDiffer = old != null && now != null && (old.isBinary() || now.isBinary());
            convertibleFrom.set(bytesDiffer && !problem.get().isEmpty() && check(draft.get(), old).isEmpty() ? old : null);
        });
    }

    /**
     * Set after a mode switch left a draft that was valid in the old mode invalid in the new one
     * (text typed, then Hex chosen): the view offers to convert it, never does it unasked, since the
     * user may have meant the text to be hex all along.
     */
    public javafx.beans.property.ReadOnlyObjectProperty<ComposerMode> convertibleFromProperty() {
        return convertibleFrom.getReadOnlyProperty();
    }

    /** Rewrites the draft's bytes, as they were in the mode before the switch, in the current mode. */
    public void convert() {
        ComposerMode from = convertibleFrom.get();
        if (from == null) {
            return;
        }
        byte[] bytes = from.encode(draft.get());
        ComposerMode to = mode.get();
        String converted = switch (to) {
            case HEX -> dev.sockscope.core.Bytes.hex(bytes).replaceAll("(..)(?!$)", "$1 ");
            case BASE64 -> dev.sockscope.core.Bytes.base64(bytes);
            default -> {
                if (!dev.sockscope.core.Utf8.isValid(bytes)) {
                    problem.set("these bytes are not UTF-8 text, so they cannot become a text message");
                    yield null;
                }
                yield new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
            }
        };
        if (converted != null) {
            draft.set(converted);
        }
    }

    /** A pasted or loaded message too large for the text field; while set, Send sends it. Not saved with the tab. */
    public ObjectProperty<LargeDraft> largeProperty() {
        return large;
    }

    public StringProperty draftProperty() {
        return draft;
    }

    public ObjectProperty<ComposerMode> modeProperty() {
        return mode;
    }

    /** Empty when the draft can be sent as it is; otherwise what is wrong with it. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public void validate() {
        problem.set(check(draft.get(), mode.get()));
    }

    static String check(String text, ComposerMode mode) {
        try {
            switch (mode) {
                case JSON -> JSON.readTree(text.isBlank() ? "x" : text);
                case HEX, BASE64 -> mode.encode(text);
                default -> {
                    return "";
                }
            }
            return "";
        } catch (JsonProcessingException e) {
            return "invalid JSON at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()
                    + ": " + inWords(e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** The parser's message in a user's words: the usual mistakes named, its internals (char codes) left out. */
    static String inWords(String parser) {
        String message = parser == null ? "" : parser;
        java.util.regex.Matcher unexpected = java.util.regex.Pattern
                .compile("Unexpected character \\('(.+?)' \\(code \\d+[^)]*\\)\\): (?:was )?expect(?:ed|ing) (.*)", java.util.regex.Pattern.DOTALL)
                .matcher(message);
        if (unexpected.find()) {
            String expected = unexpected.group(2).replace("double-quote to start field name", "a field name in double quotes")
                    .replace("comma to separate Object entries", "a comma or }")
                    .replace("comma to separate Array entries", "a comma or ]");
            return "'" + unexpected.group(1) + "' where " + expected.strip() + " should be";
        }
        if (message.startsWith("Unexpected end-of-input")) {
            return "the JSON ends too early (a } or ] or a closing quote is missing)";
        }
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("Unrecognized token '(.*?)'").matcher(message);
        if (token.find()) {
            return "'" + token.group(1) + "' is not a JSON value (text needs double quotes; true, false and null are lower case)";
        }
        int detail = message.indexOf("\n at [Source");
        return detail < 0 ? message : message.substring(0, detail);
    }

    /** Pretty-prints a JSON draft as the detail pane shows JSON; leaves an invalid one as it is. */
    public void format() {
        reformat(true);
    }

    public void minify() {
        reformat(false);
    }

    private void reformat(boolean pretty) {
        try {
            JsonNode node = JSON.readTree(draft.get());
            draft.set(pretty ? dev.sockscope.ui.messages.JsonHighlighter.prettyPrint(draft.get()).orElse(draft.get())
                    : JSON.writeValueAsString(node));
        } catch (JsonProcessingException e) {
            validate();
        }
    }

    /** Records a sent draft for recall; the composer keeps it, as Postman and wscat users expect. */
    public void remember(String sent) {
        if (!sent.isEmpty() && (history.isEmpty() || !history.get(history.size() - 1).equals(sent))) {
            history.add(sent);
            if (history.size() > HISTORY_LIMIT) {
                history.remove(0);
            }
        }
        historyCursor = history.size();
    }

    /** Up: the previous sent draft. Returns false when there is none further back. */
    public boolean recallPrevious() {
        if (historyCursor == 0 || history.isEmpty()) {
            return false;
        }
        if (historyCursor == history.size()) {
            unsentDraft = draft.get();
        }
        historyCursor--;
        draft.set(history.get(historyCursor));
        return true;
    }

    /** Down: the next sent draft, and finally what was being typed before recalling. */
    public boolean recallNext() {
        if (historyCursor >= history.size()) {
            return false;
        }
        historyCursor++;
        draft.set(historyCursor == history.size() ? unsentDraft : history.get(historyCursor));
        return true;
    }

    public List<String> history() {
        return List.copyOf(history);
    }
}
