package dev.sockscope.ui.proxy;

import atlantafx.base.theme.Styles;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sockscope.app.PausedMessage;
import dev.sockscope.core.Direction;
import dev.sockscope.core.Opcode;
import dev.sockscope.intercept.Rule;
import dev.sockscope.intercept.RuleAction;
import dev.sockscope.intercept.RuleMatch;
import dev.sockscope.ui.common.Icons;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * Rules and breakpoints in the proxy's tab: the rules in order with a switch each
 * ({@code rulesList}), edited as a rules file ({@code rulesEditor}, {@code applyRules}, an error
 * named by line in {@code rulesProblem}); and the messages held at breakpoints
 * ({@code heldMessages}), the selected one's payload editable as text, JSON (checked) or hex
 * ({@code heldPayload}, {@code heldMode}), with Forward, Forward edited, Drop and "Forward all,
 * stop pausing" ({@code heldForward}, {@code heldForwardEdited}, {@code heldDrop}, {@code heldForwardAll}).
 */
public final class InterceptPane extends TitledPane {
    private static final ObjectMapper JSON = new ObjectMapper();

    public InterceptPane(InterceptModel model) {
        setText("Rules and breakpoints");
        setGraphic(Icons.of(Feather.FILTER, 13));
        setId("interceptPane");
        HBox both = new HBox(16, rules(model), held(model));
        HBox.setHgrow(both.getChildren().get(0), Priority.ALWAYS);
        HBox.setHgrow(both.getChildren().get(1), Priority.ALWAYS);
        setContent(both);
        // Opens by itself when a message is held, so a paused app is never a mystery.
        model.held().addListener((javafx.collections.ListChangeListener<PausedMessage>) change -> {
            if (!model.held().isEmpty()) {
                setExpanded(true);
            }
        });
    }

    private static VBox rules(InterceptModel model) {
        Label title = new Label("Rules, first match decides");
        title.getStyleClass().addAll(Styles.TEXT_BOLD, Styles.TEXT_SMALL);
        ListView<Rule> list = new ListView<>(model.rules());
        list.setId("rulesList");
        list.setPrefHeight(150);
        list.setMinHeight(120);
        list.setPlaceholder(new Label("No rules: everything is relayed as it came. Edit to add some."));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Rule rule, boolean empty) {
                super.updateItem(rule, empty);
                if (empty || rule == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                CheckBox on = new CheckBox(rule.name());
                on.setSelected(rule.enabled());
                on.setOnAction(e -> model.setEnabled(getIndex(), on.isSelected()));
                Label what = new Label(summary(rule));
                what.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
                setText(rule.name() + " " + summary(rule));
                setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
                setPrefWidth(1);
                HBox line = new HBox(10, on, what);
                line.setAlignment(Pos.CENTER_LEFT);
                setGraphic(line);
            }
        });
        TextArea editor = new TextArea();
        editor.setId("rulesEditor");
        editor.getStyleClass().add("code-editor");
        editor.setPrefRowCount(8);
        Label problem = new Label();
        problem.setId("rulesProblem");
        problem.setWrapText(true);
        problem.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
        problem.textProperty().bind(model.problemProperty());
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        Button apply = new Button("Apply", Icons.of(Feather.CHECK, 13));
        apply.setId("applyRules");
        apply.getStyleClass().addAll(Styles.SMALL, Styles.ACCENT);
        Button cancel = new Button("Cancel");
        cancel.getStyleClass().add(Styles.SMALL);
        VBox editing = new VBox(6, editor, new HBox(8, apply, cancel));
        editing.setVisible(false);
        editing.managedProperty().bind(editing.visibleProperty());
        Button edit = new Button("Edit as JSON", Icons.of(Feather.EDIT_2, 13));
        edit.setId("editRules");
        edit.getStyleClass().add(Styles.SMALL);
        edit.setOnAction(e -> {
            editor.setText(model.asText());
            editing.setVisible(true);
        });
        apply.setOnAction(e -> editing.setVisible(!model.apply(editor.getText())));
        cancel.setOnAction(e -> editing.setVisible(false));
        Label how = new Label("Rules act on the next message of every connection through this proxy; the file is"
                + " the one sockscope proxy --rules reads.");
        how.setWrapText(true);
        how.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        HBox buttons = new HBox(8, edit);
        buttons.getChildren().addAll(fileButtons(model));
        VBox box = new VBox(6, title, list, buttons, editing, problem, how);
        box.setMinWidth(360);
        return box;
    }

    private static VBox held(InterceptModel model) {
        Label title = new Label("Held at breakpoints");
        title.getStyleClass().addAll(Styles.TEXT_BOLD, Styles.TEXT_SMALL);
        ListView<PausedMessage> list = heldList(model);
        TextArea payload = new TextArea();
        payload.setId("heldPayload");
        payload.getStyleClass().add("code-editor");
        payload.setPrefRowCount(7);
        payload.setMinHeight(130);
        payload.setWrapText(true);
        ChoiceBox<String> mode = new ChoiceBox<>(javafx.collections.FXCollections.observableArrayList("Text", "JSON", "Hex"));
        mode.setId("heldMode");
        Label check = new Label();
        check.setId("heldCheck");
        check.getStyleClass().add(Styles.TEXT_SMALL);
        Button forward = button("Forward", Feather.PLAY, "heldForward", Styles.ACCENT);
        Button edited = button("Forward edited", Feather.EDIT, "heldForwardEdited", null);
        Button drop = button("Drop", Feather.TRASH_2, "heldDrop", Styles.DANGER);
        Button all = button("Forward all, stop pausing", Feather.FAST_FORWARD, "heldForwardAll", Styles.FLAT);
        List<Button> actions = List.of(forward, edited, drop, all);
        actions.forEach(b -> b.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull()));
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, message) -> {
            if (message == null) {
                payload.clear();
                return;
            }
            boolean json = message.opcode() == Opcode.TEXT && parses(new String(message.payload(), StandardCharsets.UTF_8));
            mode.setValue(message.opcode() == Opcode.BINARY ? "Hex" : json ? "JSON" : "Text");
            payload.setText(shown(message.payload(), mode.getValue()));
        });
        model.held().addListener((javafx.collections.ListChangeListener<PausedMessage>) change -> {
            if (list.getSelectionModel().getSelectedItem() == null && !model.held().isEmpty()) {
                list.getSelectionModel().select(0);
            }
        });
        mode.valueProperty().addListener((obs, old, now) -> {
            if (old != null && now != null) {
                byte[] bytes = bytes(payload.getText(), old);
                if (bytes != null) {
                    payload.setText(shown(bytes, now));
                }
            }
        });
        Runnable validate = () -> {
            String problem = problem(payload.getText(), mode.getValue());
            check.setText(problem == null ? (mode.getValue() == null ? "" : mode.getValue().equals("JSON") ? "valid JSON" : "")
                    : problem);
            check.getStyleClass().setAll("label", Styles.TEXT_SMALL, problem == null ? Styles.SUCCESS : Styles.DANGER);
            edited.disableProperty().unbind();
            edited.setDisable(problem != null || list.getSelectionModel().getSelectedItem() == null);
        };
        payload.textProperty().addListener((obs, old, now) -> validate.run());
        mode.valueProperty().addListener((obs, old, now) -> validate.run());
        forward.setOnAction(e -> list.getSelectionModel().getSelectedItem().forward());
        drop.setOnAction(e -> list.getSelectionModel().getSelectedItem().drop());
        all.setOnAction(e -> list.getSelectionModel().getSelectedItem().forwardAllAndStopPausing());
        edited.setOnAction(e -> {
            PausedMessage message = list.getSelectionModel().getSelectedItem();
            byte[] bytes = bytes(payload.getText(), mode.getValue());
            if (message != null && bytes != null) {
                message.forwardEdited(mode.getValue().equals("Hex") ? Opcode.BINARY : Opcode.TEXT, bytes);
            }
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox modeRow = new HBox(8, new Label("Edit as"), mode, check);
        modeRow.setAlignment(Pos.CENTER_LEFT);
        HBox buttons = new HBox(8, forward, edited, drop, spacer, all);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(6, title, list, modeRow, payload, buttons);
        box.setMinWidth(420);
        return box;
    }

    /** Open a rules file (its rules replace these), and save these as one. */
    private static List<Button> fileButtons(InterceptModel model) {
        Button open = new Button("Open file…", Icons.of(Feather.FOLDER, 13));
        open.setId("loadRulesFile");
        open.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        open.setOnAction(e -> {
            java.io.File file = chooser("Open a rules file").showOpenDialog(open.getScene().getWindow());
            if (file != null) {
                model.loadFrom(file.toPath());
            }
        });
        Button save = new Button("Save as…", Icons.of(Feather.SAVE, 13));
        save.setId("saveRulesFile");
        save.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        save.setOnAction(e -> {
            java.io.File file = chooser("Save the rules as a file for sockscope proxy --rules").showSaveDialog(
                    save.getScene().getWindow());
            if (file != null) {
                model.saveAs(file.toPath());
            }
        });
        return List.of(open, save);
    }

    private static javafx.stage.FileChooser chooser(String title) {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("Rules (JSON)", "*.json"));
        chooser.setInitialFileName("rules.json");
        return chooser;
    }

    private static ListView<PausedMessage> heldList(InterceptModel model) {
        ListView<PausedMessage> list = new ListView<>(model.held());
        list.setId("heldMessages");
        list.setPrefHeight(96);
        list.setMinHeight(72);
        list.setPlaceholder(new Label("Nothing held. A rule with {\"pause\": true} holds its messages here."));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(PausedMessage message, boolean empty) {
                super.updateItem(message, empty);
                setText(empty || message == null ? null : heldLine(message));
                // Cut with an ellipsis at the list's width rather than scrolled sideways.
                setPrefWidth(1);
            }
        });
        return list;
    }

    private static Button button(String text, Feather icon, String id, String style) {
        Button b = new Button(text, Icons.of(icon, 13));
        b.setId(id);
        b.getStyleClass().add(Styles.SMALL);
        if (style != null) {
            b.getStyleClass().add(style);
        }
        return b;
    }

    static String heldLine(PausedMessage message) {
        String payload = message.opcode() == Opcode.BINARY ? HexFormat.of().formatHex(message.payload(), 0,
                Math.min(16, message.payload().length)) : new String(message.payload(), StandardCharsets.UTF_8);
        payload = payload.replace('\n', ' ');
        return "#" + message.connectionId() + " " + message.url().host() + (message.direction() == Direction.SEND ? "  app → server"
                : "  server → app") + "  " + message.opcode().name().toLowerCase(Locale.ROOT) + "  "
                + (payload.length() > 80 ? payload.substring(0, 80) + "…" : payload) + "  (rule \"" + message.rule() + "\")";
    }

    /** A rule in one line: "receive · contains "x" → drop". */
    static String summary(Rule rule) {
        RuleMatch m = rule.match();
        List<String> parts = new ArrayList<>();
        if (m.host() != null) {
            parts.add("host " + m.host());
        }
        if (m.path() != null) {
            parts.add("path " + m.path());
        }
        if (m.direction() != null) {
            parts.add(m.direction() == Direction.SEND ? "app → server" : "server → app");
        }
        if (m.opcode() != null) {
            parts.add(m.opcode().name().toLowerCase(Locale.ROOT));
        }
        if (m.contains() != null) {
            parts.add("contains \"" + m.contains() + "\"");
        }
        if (m.regex() != null) {
            parts.add("/" + m.regex().pattern() + "/");
        }
        if (m.jsonPointer() != null) {
            parts.add(m.jsonPointer() + (m.equals() != null ? " = " + m.equals() : " exists"));
        }
        if (m.every() > 1) {
            parts.add("every " + m.every());
        }
        if (m.probability() < 1) {
            parts.add(Math.round(m.probability() * 100) + "% (seed " + m.seed() + ")");
        }
        return (parts.isEmpty() ? "every message" : String.join(" · ", parts)) + " → " + action(rule.action());
    }

    private static String action(RuleAction action) {
        if (action instanceof RuleAction.Delay d) {
            return "delay " + d.millis() + " ms";
        }
        if (action instanceof RuleAction.ReplaceText r) {
            return "replace /" + r.regex().pattern() + "/ with \"" + r.with() + "\"";
        }
        if (action instanceof RuleAction.ReplaceJson r) {
            return "set " + r.pointer() + " to " + r.value();
        }
        if (action instanceof RuleAction.Inject i) {
            return "inject \"" + i.text() + "\" " + (i.direction() == Direction.SEND ? "to the server" : "to the app")
                    + (i.everyMillis() > 0 ? " every " + i.everyMillis() + " ms" : "");
        }
        if (action instanceof RuleAction.Close c) {
            return "close " + c.code() + " to " + c.to().name().toLowerCase(Locale.ROOT);
        }
        return action.getClass().getSimpleName().toLowerCase(Locale.ROOT);
    }

    private static boolean parses(String text) {
        try {
            JSON.readTree(text);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static String shown(byte[] bytes, String mode) {
        if ("Hex".equals(mode)) {
            return HexFormat.ofDelimiter(" ").formatHex(bytes);
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if ("JSON".equals(mode) && parses(text)) {
            try {
                return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(text));
            } catch (java.io.IOException e) {
                return text;
            }
        }
        return text;
    }

    /** The editor's content as bytes in this mode, or null when it is not valid there. */
    private static byte[] bytes(String text, String mode) {
        if (problem(text, mode) != null) {
            return null;
        }
        if ("Hex".equals(mode)) {
            return HexFormat.of().parseHex(text.replaceAll("\\s+", ""));
        }
        if ("JSON".equals(mode)) {
            try {
                // Sent compact, as apps send JSON; the editor shows it indented.
                return JSON.writeValueAsBytes(JSON.readTree(text));
            } catch (java.io.IOException e) {
                return null;
            }
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String problem(String text, String mode) {
        if ("Hex".equals(mode)) {
            String digits = text.replaceAll("\\s+", "");
            return digits.matches("([0-9a-fA-F]{2})*") ? null : "not hex: pairs of 0-9 and a-f";
        }
        if ("JSON".equals(mode) && !parses(text)) {
            return "not valid JSON";
        }
        return null;
    }
}
