package dev.sockscope.ui.messages;

import dev.sockscope.ui.common.CopyButton;
import atlantafx.base.theme.Styles;
import dev.sockscope.core.Bytes;
import dev.sockscope.core.Frame;
import dev.sockscope.ui.messages.PayloadPresentation.Mode;
import dev.sockscope.ui.messages.PayloadPresentation.Shown;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The payload of the selected message: a header (direction, type, size, time, close status),
 * a Text / JSON / Hex switcher, copy buttons and one read-only view. Node id {@code messageDetail}.
 *
 * <p>Call {@link #show(Frame)} on the FX thread with the selected frame, or null for none. The
 * payload is checked, pretty-printed and parsed off the FX thread, and only the chosen view is
 * rendered; a large one as rows laid out as they scroll into view (see {@link PayloadPresentation}).
 * Copying always copies the whole payload.
 */
public class MessageDetailView extends VBox {
    private static final String STYLESHEET = "detail.css";
    private static final double COMPACT_WIDTH = 600;

    private final StackPane placeholder = new StackPane();
    private final VBox body = new VBox();
    private final DetailHeader header = new DetailHeader();
    private final ToggleGroup modes = new ToggleGroup();
    private final Map<Mode, ToggleButton> toggles = new EnumMap<>(Mode.class);
    private final Map<Mode, PayloadArea> areas = new EnumMap<>(Mode.class);
    private final Map<Mode, Shown> rendered = new EnumMap<>(Mode.class);
    private final Label note = new Label();
    private final JsonTree tree = new JsonTree();
    private final dev.sockscope.ui.fx.TaskSlot preparing;
    private final dev.sockscope.ui.fx.TaskSlot saving;
    private PayloadPresentation payload;
    /** The frame last asked for: shown once prepared, unless another was asked for meanwhile. */
    private Frame requested;

    /** @param background where payloads are prepared and saved, off the FX thread */
    public MessageDetailView(dev.sockscope.ui.fx.Background background) {
        this.preparing = background.slot();
        this.saving = background.slot();
        setId("messageDetail");
        getStyleClass().add("message-detail");
        getStylesheets().add(Objects.requireNonNull(
                MessageDetailView.class.getResource(STYLESHEET), STYLESHEET).toExternalForm());
        buildPlaceholder();
        buildBody();
        // A narrow pane shows the view switcher as words alone, so the switcher and the copy
        // buttons fit its narrowest.
        widthProperty().addListener((obs, old, width) -> toggles.values().forEach(t -> t.setContentDisplay(
                width.doubleValue() < COMPACT_WIDTH ? javafx.scene.control.ContentDisplay.TEXT_ONLY
                        : javafx.scene.control.ContentDisplay.LEFT)));
        getChildren().addAll(placeholder, body);
        show(null);
    }

    /** Shows a frame's payload; null shows the "nothing selected" placeholder. */
    public void show(Frame frame) {
        show(frame, java.util.List.of());
    }

    /**
     * Shows a payload with notes on how it crossed the wire (masking, fragments, compression) as
     * badges; null shows the "nothing selected" placeholder.
     */
    public void show(Frame frame, java.util.List<String> notes) {
        if (frame == null) {
            preparing.cancel();
            requested = null;
            payload = null;
            forgetRendered();
            setShowing(false);
            return;
        }
        if (frame.equals(requested)) {
            return;
        }
        requested = frame;
        preparing.submit(control -> {
            PayloadPresentation prepared = PayloadPresentation.of(frame);
            Mode mode = prepared.defaultMode();
            return new Prepared(prepared, mode, prepared.show(mode), null);
        }, ready -> present(ready, notes), this::notPrepared);
    }

    /** A payload checked and one of its views rendered, off the FX thread. */
    private record Prepared(PayloadPresentation payload, Mode mode, Shown shown, com.fasterxml.jackson.databind.JsonNode tree) {
    }

    private void present(Prepared ready, java.util.List<String> notes) {
        payload = ready.payload();
        forgetRendered();
        header.show(payload, notes);
        ToggleButton json = toggles.get(Mode.JSON);
        json.setDisable(!payload.jsonAvailable());
        json.setTooltip(new Tooltip(payload.jsonAvailable() ? "Pretty-printed JSON" : payload.jsonUnavailableReason()));
        ToggleButton treeToggle = toggles.get(Mode.TREE);
        treeToggle.setDisable(!payload.jsonAvailable());
        treeToggle.setTooltip(new Tooltip(payload.jsonAvailable() ? "JSON as a tree: open one level at a time, copy a"
                + " node's path or value" : payload.jsonUnavailableReason()));
        setShowing(true);
        showRendered(ready);
        modes.selectToggle(toggles.get(ready.mode()));
    }

    private void notPrepared(Exception e) {
        // Asking for the same message again tries again.
        requested = payload == null ? null : payload.frame();
        note.setText("Cannot show this payload: " + e.getMessage());
        note.setVisible(true);
    }

    /** The view now showing, or null when no frame is. For tests and keyboard shortcuts. */
    public String selectedView() {
        Toggle selected = modes.getSelectedToggle();
        return payload == null || selected == null ? null : ((Mode) selected.getUserData()).name();
    }

    private void buildPlaceholder() {
        Label hint = new Label("Select a message to see its payload", new FontIcon(Feather.MOUSE_POINTER));
        hint.getStyleClass().addAll("detail-placeholder", Styles.TEXT_MUTED);
        placeholder.getChildren().add(hint);
        placeholder.getStyleClass().add("detail-placeholder-pane");
        VBox.setVgrow(placeholder, Priority.ALWAYS);
    }

    private void buildBody() {
        String mono = PayloadArea.monospaceFamily();
        areas.put(Mode.TEXT, new PayloadArea("payload-text", true, false, mono));
        areas.put(Mode.JSON, new PayloadArea("payload-json", true, true, mono));
        areas.put(Mode.HEX, new PayloadArea("payload-hex", false, false, mono));
        StackPane content = new StackPane(areas.values().toArray(new PayloadArea[0]));
        content.getChildren().add(tree);
        tree.setVisible(false);
        content.getStyleClass().add("detail-content");
        VBox.setVgrow(content, Priority.ALWAYS);

        note.getStyleClass().addAll("detail-note", Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        note.managedProperty().bind(note.visibleProperty());
        body.getStyleClass().add("detail-body");
        body.getChildren().addAll(header, toolbar(), note, content);
        VBox.setVgrow(body, Priority.ALWAYS);
    }

    private HBox toolbar() {
        HBox switcher = new HBox(
                modeToggle(Mode.TEXT, "Text", Feather.FILE_TEXT, Styles.LEFT_PILL),
                modeToggle(Mode.JSON, "JSON", Feather.CODE, Styles.CENTER_PILL),
                modeToggle(Mode.TREE, "Tree", Feather.LIST, Styles.CENTER_PILL),
                modeToggle(Mode.HEX, "Hex", Feather.HASH, Styles.RIGHT_PILL));
        switcher.getStyleClass().add("detail-switcher");
        modes.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null && old != null) {
                modes.selectToggle(old); // a segmented switcher always has one choice
            } else if (now != null) {
                display((Mode) now.getUserData());
            }
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(switcher, spacer,
                copyButton("Copy text", Feather.COPY, () -> requested.opcode() == dev.sockscope.core.Opcode.CLOSE
                        ? requested.closeReason() : requested.text()),
                copyButton("Copy hex", Feather.HASH, () -> Bytes.hex(requested.payload())),
                copyButton("Copy base64", Feather.CLIPBOARD, () -> Bytes.base64(requested.payload())),
                saveButton());
        bar.getStyleClass().add("detail-toolbar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    /** "Save…": the whole payload, byte for byte, to a file the user picks; written off the FX thread. */
    private Button saveButton() {
        Button save = new Button("Save\u2026", new FontIcon(Feather.SAVE));
        save.setId("savePayloadButton");
        save.getStyleClass().addAll(Styles.SMALL, Styles.FLAT, "detail-copy");
        save.setTooltip(new Tooltip("Save the whole payload to a file, exactly as its bytes"));
        save.setMinWidth(Region.USE_PREF_SIZE);
        widthProperty().addListener((obs, old, width) -> save.setContentDisplay(width.doubleValue() < COMPACT_WIDTH
                ? javafx.scene.control.ContentDisplay.GRAPHIC_ONLY : javafx.scene.control.ContentDisplay.LEFT));
        save.setOnAction(e -> {
            // The message asked for, even while it is still being prepared for display.
            Frame frame = requested;
            if (frame == null) {
                return;
            }
            javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
            chooser.setTitle("Save the payload");
            chooser.setInitialFileName(suggestedName(frame));
            java.io.File chosen = chooser.showSaveDialog(getScene().getWindow());
            if (chosen != null) {
                savePayload(frame.payload(), chosen.toPath());
            }
        });
        return save;
    }

    /** Writes bytes to a file next to it first, then moves it into place: never a half-written file. */
    void savePayload(byte[] bytes, java.nio.file.Path file) {
        saving.submit(control -> {
            java.nio.file.Path part = file.resolveSibling(file.getFileName() + ".part");
            try {
                java.nio.file.Files.write(part, bytes);
                java.nio.file.Files.move(part, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (java.io.IOException e) {
                java.nio.file.Files.deleteIfExists(part);
                throw e;
            }
            return file;
        }, saved -> {
            note.setText("Saved " + Bytes.humanSize(bytes.length) + " to " + saved);
            note.setVisible(true);
        }, failed -> {
            note.setText("Not saved to " + file + ": " + whyNotWritten(failed));
            note.setVisible(true);
        });
    }

    /** Why a file was not written, in words rather than an exception's. */
    private static String whyNotWritten(Exception failed) {
        if (failed instanceof java.nio.file.NoSuchFileException) {
            return "its folder does not exist";
        }
        if (failed instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        String reason = failed.getMessage() == null ? "" : failed.getMessage();
        return reason.contains("No space left") ? "the disk is full" : reason;
    }

    private String suggestedName(Frame frame) {
        boolean json = payload != null && payload.frame() == frame && payload.jsonAvailable();
        String extension = json ? ".json" : frame.opcode() == dev.sockscope.core.Opcode.TEXT ? ".txt" : ".bin";
        return "message-" + frame.timestampMicros() + extension;
    }

    private ToggleButton modeToggle(Mode mode, String text, Ikon icon, String pill) {
        ToggleButton toggle = new ToggleButton(text, new FontIcon(icon));
        toggle.setUserData(mode);
        toggle.setToggleGroup(modes);
        toggle.getStyleClass().addAll(pill, Styles.SMALL);
        toggle.setMinWidth(Region.USE_PREF_SIZE);
        toggles.put(mode, toggle);
        return toggle;
    }

    private Button copyButton(String text, Ikon icon, Supplier<String> content) {
        return CopyButton.create(text, icon, text.replace("Copy", "Copy the whole payload as"),
                () -> requested == null ? null : content.get(), this, COMPACT_WIDTH, "detail-copy");
    }

    /** Makes one view visible, preparing it off the FX thread first if this frame was not shown in it yet. */
    private void display(Mode mode) {
        if (payload == null || payload.frame() != requested) {
            // Another frame is being prepared: it comes with its own default view.
            return;
        }
        Shown shown = rendered.get(mode);
        if (shown != null) {
            reveal(mode, shown);
            return;
        }
        PayloadPresentation current = payload;
        preparing.submit(control -> new Prepared(current, mode, current.show(mode),
                mode == Mode.TREE ? JsonTree.parse(current.frame().text()) : null), ready -> {
                    if (ready.payload() == payload) {
                        showRendered(ready);
                    }
                }, this::notPrepared);
    }

    /** Fills a view with what was prepared and shows it, if its button is still the one chosen. */
    private void showRendered(Prepared ready) {
        Mode mode = ready.mode();
        if (mode == Mode.TREE) {
            tree.show(ready.tree() != null ? ready.tree() : JsonTree.parse(payload.frame().text()));
        } else {
            areas.get(mode).fill(ready.shown());
        }
        rendered.put(mode, ready.shown());
        Toggle chosen = modes.getSelectedToggle();
        if (chosen == null || chosen.getUserData() == mode) {
            reveal(mode, ready.shown());
        }
    }

    private void reveal(Mode mode, Shown shown) {
        areas.forEach((m, a) -> a.setVisible(m == mode));
        tree.setVisible(mode == Mode.TREE);
        note.setText(shown.note());
        note.setVisible(!shown.note().isEmpty());
    }

    private void forgetRendered() {
        rendered.clear();
        areas.values().forEach(PayloadArea::clear);
        tree.clear();
    }

    private void setShowing(boolean showing) {
        placeholder.setVisible(!showing);
        placeholder.setManaged(!showing);
        body.setVisible(showing);
        body.setManaged(showing);
    }
}
