package dev.sockscope.ui.connection;

import atlantafx.base.theme.Styles;
import dev.sockscope.core.CloseCode;
import dev.sockscope.core.ConnectionState;
import dev.sockscope.ui.common.Icons;
import java.util.Arrays;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;

/**
 * The composer: draft in text, JSON (validated as you type, format and minify) or binary (hex or
 * base64); Ctrl+Enter sends; Up on the first line and Down on the last recall sent drafts. Below
 * it, ping with an optional payload and close with a chosen code and reason.
 */
public final class ComposerView extends VBox {
    private final ClientTabModel model;
    private final ComposerModel composer;
    /** A text field that takes a paste too large to lay out as a large draft instead. */
    private final TextArea editor = new TextArea() {
        @Override
        public void paste() {
            String pasted = javafx.scene.input.Clipboard.getSystemClipboard().getString();
            if (pasted == null || pasted.length() + getLength() <= LargeDraft.THRESHOLD) {
                super.paste();
                return;
            }
            // The draft is what the editor would hold after the paste: its text with the paste in place.
            javafx.scene.control.IndexRange selected = getSelection();
            String whole = getText(0, selected.getStart()) + pasted + getText(selected.getEnd(), getLength());
            ComposerMode mode = composer.modeProperty().get();
            if (mode.isBinary()) {
                try {
                    composer.largeProperty().set(new LargeDraft("pasted " + mode.key(), mode.encode(whole), false));
                } catch (IllegalArgumentException notValid) {
                    model.actionProblemProperty().set("Not pasted: this is not valid " + mode.key() + ": " + notValid.getMessage());
                }
            } else {
                composer.largeProperty().set(LargeDraft.ofText("pasted text", whole));
            }
        }
    };
    private final Button saveDraft = new Button("Save", Icons.of(Feather.BOOKMARK, 13));
    private final dev.sockscope.ui.fx.TaskSlot loading;

    /**
     * @param showSaved brings the tab's saved messages into view (after the draft was saved there)
     * @param background where files are read, off the FX thread
     */
    public ComposerView(ClientTabModel model, Runnable showSaved, dev.sockscope.ui.fx.Background background) {
        this.model = model;
        this.composer = model.composer();
        this.loading = background.slot();
        getStyleClass().add("composer");
        setSpacing(6);
        setPadding(new Insets(8, 10, 8, 10));

        editor.setId("composer");
        editor.setPromptText("Message to send. Ctrl+Enter sends; Up/Down recall sent messages.");
        editor.setPrefRowCount(3);
        editor.setWrapText(true);
        editor.getStyleClass().add("mono");
        editor.textProperty().bindBidirectional(composer.draftProperty());
        editor.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);

        Button send = new Button("Send", Icons.of(Feather.SEND));
        send.setId("sendButton");
        send.getStyleClass().add(Styles.ACCENT);
        send.setDefaultButton(false);
        send.setMinWidth(Region.USE_PREF_SIZE);
        send.setMaxHeight(Double.MAX_VALUE);
        send.setTooltip(new Tooltip("Send (Ctrl+Enter)"));
        BooleanBinding notOpen = Bindings.createBooleanBinding(
                () -> model.connection().stateProperty().get() != ConnectionState.OPEN, model.connection().stateProperty());
        send.disableProperty().bind(notOpen);
        send.setOnAction(e -> sendDraft());

        saveDraft.setOnAction(e -> {
            if (model.saveDraft("")) {
                showSaved.run();
            }
        });
        javafx.scene.layout.StackPane editing = new javafx.scene.layout.StackPane(editor, largeCard());
        HBox editorRow = new HBox(8, editing, send);
        HBox.setHgrow(editing, Priority.ALWAYS);
        // Dragging the divider above the composer gives the editor the room.
        VBox.setVgrow(editorRow, Priority.ALWAYS);
        editor.setMaxHeight(Double.MAX_VALUE);
        getChildren().addAll(modeRow(), editorRow, controlRow(notOpen), problemLabel());
    }

    private HBox modeRow() {
        ComboBox<ComposerMode> mode = new ComboBox<>();
        mode.getItems().setAll(ComposerMode.values());
        mode.valueProperty().bindBidirectional(composer.modeProperty());
        mode.getStyleClass().add(Styles.SMALL);
        // A large draft is text or binary by its bytes; the modes are for the text field.
        mode.disableProperty().bind(composer.largeProperty().isNotNull());
        Button format = new Button("Format", Icons.of(Feather.ALIGN_LEFT, 13));
        Button minify = new Button("Minify", Icons.of(Feather.MINIMIZE_2, 13));
        for (Button b : new Button[] {format, minify}) {
            b.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
            b.visibleProperty().bind(composer.modeProperty().isEqualTo(ComposerMode.JSON).and(composer.largeProperty().isNull()));
            b.managedProperty().bind(b.visibleProperty());
        }
        format.setOnAction(e -> composer.format());
        minify.setOnAction(e -> composer.minify());

        Label validity = new Label();
        validity.getStyleClass().add(Styles.TEXT_SMALL);
        validity.visibleProperty().bind(composer.largeProperty().isNull());
        // Validation is cheap, but typing a large document should not re-parse on every key.
        PauseTransition settle = new PauseTransition(Duration.millis(150));
        settle.setOnFinished(e -> showValidity(validity));
        composer.draftProperty().addListener((obs, old, now) -> settle.playFromStart());
        composer.modeProperty().addListener((obs, old, now) -> showValidity(validity));
        showValidity(validity);

        Label size = new Label();
        size.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        size.textProperty().bind(Bindings.createStringBinding(() -> draftSize(), composer.draftProperty(), composer.modeProperty(),
                composer.largeProperty()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        saveDraft.setId("saveDraftButton");
        saveDraft.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        saveDraft.setTooltip(new Tooltip("Keep this message in the tab's saved messages, to send it again with one click"));
        saveDraft.setMinWidth(Region.USE_PREF_SIZE);
        saveDraft.disableProperty().bind(composer.largeProperty().isNotNull());
        javafx.scene.control.Hyperlink convert = new javafx.scene.control.Hyperlink();
        convert.setId("convertDraft");
        convert.getStyleClass().add(Styles.TEXT_SMALL);
        convert.textProperty().bind(Bindings.createStringBinding(() -> composer.convertibleFromProperty().get() == null ? ""
                : "Convert from " + composer.convertibleFromProperty().get().key(),
                composer.convertibleFromProperty()));
        convert.visibleProperty().bind(composer.convertibleFromProperty().isNotNull());
        convert.managedProperty().bind(convert.visibleProperty());
        convert.setOnAction(e -> composer.convert());
        Button load = new Button("Load file\u2026", Icons.of(Feather.FOLDER, 13));
        load.setId("loadFileButton");
        load.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        load.setMinWidth(Region.USE_PREF_SIZE);
        load.setTooltip(new Tooltip("Send a file's content: text into the editor, large or binary files as they are"));
        load.setOnAction(e -> loadFile());
        HBox row = new HBox(8, mode, format, minify, validity, convert, spacer, size, load, saveDraft);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private String draftSize() {
        if (composer.largeProperty().get() != null) {
            return String.format(java.util.Locale.ROOT, "%,d bytes", composer.largeProperty().get().bytes().length);
        }
        try {
            int bytes = composer.modeProperty().get().encode(composer.draftProperty().get()).length;
            return bytes + " bytes";
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private void showValidity(Label validity) {
        composer.validate();
        String problem = composer.problemProperty().get();
        ComposerMode mode = composer.modeProperty().get();
        boolean checked = mode != ComposerMode.TEXT && !composer.draftProperty().get().isBlank();
        validity.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER);
        if (!checked) {
            validity.setText("");
            validity.setGraphic(null);
        } else if (problem.isEmpty()) {
            validity.setText(mode == ComposerMode.JSON ? "valid JSON" : "valid " + mode.key());
            validity.setGraphic(Icons.of(Feather.CHECK_CIRCLE, 12));
            validity.getStyleClass().add(Styles.SUCCESS);
        } else {
            validity.setText(problem);
            validity.setGraphic(Icons.of(Feather.ALERT_CIRCLE, 12));
            validity.getStyleClass().add(Styles.DANGER);
        }
    }

    private HBox controlRow(BooleanBinding notOpen) {
        TextField pingPayload = new TextField();
        pingPayload.setPromptText("ping payload (optional)");
        pingPayload.setPrefColumnCount(14);
        pingPayload.getStyleClass().add(Styles.SMALL);
        Button ping = new Button("Ping", Icons.of(Feather.ACTIVITY, 13));
        ping.getStyleClass().add(Styles.SMALL);
        ping.disableProperty().bind(notOpen);
        ping.setOnAction(e -> model.ping(pingPayload.getText()));

        ComboBox<String> code = new ComboBox<>();
        code.setEditable(true);
        code.getItems().setAll(Arrays.stream(CloseCode.values()).map(c -> c.code() + " " + c.title()).toList());
        code.setValue(code.getItems().get(0));
        code.setPrefWidth(215);
        code.getStyleClass().add(Styles.SMALL);
        code.setTooltip(new Tooltip("A registered code, or 3000-4999 for your application"));
        TextField reason = new TextField();
        reason.setPromptText("close reason (optional)");
        reason.setPrefColumnCount(14);
        reason.getStyleClass().add(Styles.SMALL);
        Button close = new Button("Close", Icons.of(Feather.X_SQUARE, 13));
        close.getStyleClass().addAll(Styles.SMALL, Styles.DANGER);
        close.disableProperty().bind(notOpen);
        close.setTooltip(new Tooltip("Send a close frame with this code and reason (Disconnect always closes with 1000)"));
        close.setOnAction(e -> closeWith(code.getEditor().getText(), reason.getText()));

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label controlTitle = new Label("Control frames");
        controlTitle.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        HBox row = new HBox(6, controlTitle, pingPayload, ping, spacer, code, reason, close);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private void closeWith(String codeText, String reason) {
        String digits = codeText.strip().split("\\s+", 2)[0];
        try {
            model.close(Integer.parseInt(digits), reason);
        } catch (NumberFormatException e) {
            model.actionProblemProperty().set("Close code must be a number such as 1000 or 4001");
        }
    }

    private Label problemLabel() {
        Label problem = new Label();
        problem.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
        problem.textProperty().bind(model.actionProblemProperty());
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        problem.visibleProperty().bind(problem.managedProperty());
        return problem;
    }

    /**
     * What stands in for the text field while a large draft is set: its name, size and start, and
     * the way back to the text field.
     */
    private VBox largeCard() {
        Label title = new Label();
        title.setId("largeDraftTitle");
        title.getStyleClass().add(Styles.TEXT_BOLD);
        title.setGraphic(Icons.of(Feather.FILE, 14));
        Label preview = new Label();
        preview.getStyleClass().addAll("mono", Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        preview.setWrapText(false);
        preview.setMinHeight(0);
        preview.setAlignment(Pos.TOP_LEFT);
        VBox.setVgrow(preview, Priority.ALWAYS);
        preview.setMaxHeight(Double.MAX_VALUE);
        Button remove = new Button("Remove", Icons.of(Feather.X, 12));
        remove.setId("removeLargeDraft");
        remove.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        remove.setTooltip(new Tooltip("Back to the text field (the text there is kept)"));
        remove.setOnAction(e -> composer.largeProperty().set(null));
        javafx.scene.control.CheckBox binary = new javafx.scene.control.CheckBox("Send as binary");
        binary.setId("largeDraftBinary");
        binary.getStyleClass().add(Styles.SMALL);
        binary.setTooltip(new Tooltip("A text message (opcode 1) or a binary one (opcode 2); text must be valid UTF-8"));
        binary.setOnAction(e -> {
            LargeDraft now = composer.largeProperty().get();
            if (now == null) {
                return;
            }
            if (!binary.isSelected() && !dev.sockscope.core.Utf8.isValid(now.bytes())) {
                binary.setSelected(true);
                model.actionProblemProperty().set("It cannot go as text: it is not valid UTF-8");
                return;
            }
            composer.largeProperty().set(new LargeDraft(now.name(), now.bytes(), !binary.isSelected()));
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(8, title, spacer, binary, remove);
        head.setAlignment(Pos.CENTER_LEFT);
        VBox card = new VBox(4, head, preview);
        card.getStyleClass().add("large-draft");
        card.setPadding(new Insets(6, 8, 6, 8));
        card.visibleProperty().bind(composer.largeProperty().isNotNull());
        editor.visibleProperty().bind(composer.largeProperty().isNull());
        composer.largeProperty().addListener((obs, old, now) -> {
            title.setText(now == null ? "" : now.name() + "  \u00b7  " + now.summary()
                    + "  \u00b7  too large to edit here; Send sends it as it is");
            preview.setText(now == null ? "" : now.preview());
            binary.setSelected(now != null && !now.text());
        });
        return card;
    }

    /** Loads a file: small text into the text field, anything larger (or binary) as a large draft. */
    private void loadFile() {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle("Load a message from a file");
        java.io.File chosen = chooser.showOpenDialog(getScene().getWindow());
        if (chosen == null) {
            return;
        }
        java.nio.file.Path file = chosen.toPath();
        loading.submit(control -> {
            long size = java.nio.file.Files.size(file);
            // Sending copies a message a few times (text, frame, the log): keep that well inside the heap.
            long most = Math.min(Integer.MAX_VALUE - 8, Runtime.getRuntime().maxMemory() / 8);
            if (size > most) {
                throw new java.io.IOException("it is " + dev.sockscope.core.Bytes.humanSize(size) + ", more than this app sends"
                        + " at once (" + dev.sockscope.core.Bytes.humanSize(most) + ")");
            }
            return LargeDraft.ofFile(file.getFileName().toString(), java.nio.file.Files.readAllBytes(file));
        }, read -> {
            model.actionProblemProperty().set("");
            if (read.text() && read.bytes().length <= LargeDraft.THRESHOLD && !composer.modeProperty().get().isBinary()) {
                composer.largeProperty().set(null);
                composer.draftProperty().set(new String(read.bytes(), java.nio.charset.StandardCharsets.UTF_8));
            } else {
                composer.largeProperty().set(read);
            }
        }, failed -> model.actionProblemProperty().set("Not loaded: " + file.getFileName() + ": "
                + (failed instanceof java.nio.file.NoSuchFileException ? "no such file" : failed.getMessage())));
    }

    private void sendDraft() {
        if (model.send()) {
            editor.requestFocus();
        }
    }

    private void onKey(KeyEvent e) {
        if (e.getCode() == KeyCode.ENTER && e.isShortcutDown()) {
            sendDraft();
            e.consume();
        } else if (e.getCode() == KeyCode.UP && !e.isShiftDown() && onFirstLine()) {
            if (composer.recallPrevious()) {
                editor.positionCaret(0);
                e.consume();
            }
        } else if (e.getCode() == KeyCode.DOWN && !e.isShiftDown() && onLastLine()) {
            if (composer.recallNext()) {
                editor.positionCaret(editor.getLength());
                e.consume();
            }
        }
    }

    private boolean onFirstLine() {
        return editor.getText().lastIndexOf('\n', Math.max(0, editor.getCaretPosition() - 1)) < 0
                || editor.getCaretPosition() == 0;
    }

    private boolean onLastLine() {
        return editor.getText().indexOf('\n', editor.getCaretPosition()) < 0;
    }

    public TextArea editor() {
        return editor;
    }
}
