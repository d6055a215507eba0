package dev.sockscope.ui.connection;

import atlantafx.base.theme.Styles;
import dev.sockscope.app.TabState.SavedMessage;
import dev.sockscope.core.ConnectionState;
import dev.sockscope.ui.common.Icons;
import dev.sockscope.ui.fx.Background;
import dev.sockscope.ui.fx.TaskSlot;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.feather.Feather;

/**
 * Saved messages, a tab beside the message detail: this tab's own, or those every tab shares
 * (one list for the window). A double click (or Enter) sends one while the connection is open and
 * loads it into the composer otherwise; the draft is saved under a name into the list shown; a
 * list is exported to and imported from a JSON file (off the UI thread).
 */
final class SavedMessagesView extends VBox {
    private final ClientTabModel model;
    private final ListView<SavedMessage> list = new ListView<>();
    private final TextField name = new TextField();
    private final Label problem = new Label();
    private final TaskSlot files;
    private final javafx.scene.control.ToggleGroup scope = new javafx.scene.control.ToggleGroup();
    private final javafx.scene.control.ToggleButton ownScope = new javafx.scene.control.ToggleButton();
    private final javafx.scene.control.ToggleButton sharedScope = new javafx.scene.control.ToggleButton();

    SavedMessagesView(ClientTabModel model, Background background) {
        this.model = model;
        this.files = background.slot();
        getStyleClass().add("saved-messages");
        setSpacing(4);
        setPadding(new Insets(8));

        list.setId("savedMessages");
        list.setItems(model.saved());
        Label placeholder = new Label();
        placeholder.setWrapText(true);
        list.setPlaceholder(placeholder);
        HBox scopes = scopes(placeholder);
        list.getStyleClass().add(Styles.DENSE);
        list.setCellFactory(v -> new SavedCell());
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                use(list.getSelectionModel().getSelectedItem());
            }
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                use(list.getSelectionModel().getSelectedItem());
            } else if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
                shown().remove(list.getSelectionModel().getSelectedItem());
            }
        });
        list.setContextMenu(menu());
        VBox.setVgrow(list, Priority.ALWAYS);

        name.setPromptText("name (optional)");
        name.getStyleClass().add(Styles.SMALL);
        name.setOnAction(e -> save());
        Button save = small("Save draft", Feather.BOOKMARK, "Save the composer's message under this name", e -> save());
        save.setId("saveNamedDraftButton");
        HBox saveRow = new HBox(4, name, save);
        HBox.setHgrow(name, Priority.ALWAYS);
        saveRow.setAlignment(Pos.CENTER_LEFT);
        Button importButton = small("Import…", Feather.DOWNLOAD, "Add saved messages from a JSON file", e -> importFile());
        Button exportButton = small("Export…", Feather.UPLOAD, "Write these saved messages to a JSON file", e -> exportFile());
        exportButton.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> list.getItems().isEmpty(), list.itemsProperty(), model.saved(), model.shared()));
        HBox fileRow = new HBox(4, importButton, exportButton);
        problem.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.DANGER);
        problem.setWrapText(true);
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        getChildren().addAll(scopes, list, saveRow, fileRow, problem);
    }

    /** "This tab (n)" and "All tabs (n)": which list is shown, saved into, imported into and exported. */
    private HBox scopes(Label placeholder) {
        ownScope.setId("savedScopeTab");
        sharedScope.setId("savedScopeAll");
        ownScope.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> "This tab (" + model.saved().size() + ")", model.saved()));
        sharedScope.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> "All tabs (" + model.shared().size() + ")", model.shared()));
        ownScope.setTooltip(new Tooltip("Saved messages kept with this tab"));
        sharedScope.setTooltip(new Tooltip("Saved messages every tab offers"));
        for (javafx.scene.control.ToggleButton b : List.of(ownScope, sharedScope)) {
            b.setToggleGroup(scope);
            b.getStyleClass().add(Styles.SMALL);
            b.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(b, Priority.ALWAYS);
        }
        ownScope.getStyleClass().add(Styles.LEFT_PILL);
        sharedScope.getStyleClass().add(Styles.RIGHT_PILL);
        ownScope.setSelected(true);
        scope.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true);
                return;
            }
            list.setItems(shown());
            placeholder.setText(now == ownScope ? "Save a draft to send it again from this tab with one click."
                    : "Messages saved here are offered in every tab.");
        });
        placeholder.setText("Save a draft to send it again from this tab with one click.");
        return new HBox(ownScope, sharedScope);
    }

    /** The list shown: this tab's, or the one all tabs share. */
    private javafx.collections.ObservableList<SavedMessage> shown() {
        return sharedScope.isSelected() ? model.shared() : model.saved();
    }

    private ContextMenu menu() {
        MenuItem send = new MenuItem("Send");
        send.setOnAction(e -> model.sendSaved(list.getSelectionModel().getSelectedItem()));
        MenuItem load = new MenuItem("Load into composer");
        load.setOnAction(e -> model.load(list.getSelectionModel().getSelectedItem()));
        MenuItem move = new MenuItem();
        move.setOnAction(e -> move(list.getSelectionModel().getSelectedItem()));
        MenuItem delete = new MenuItem("Delete");
        delete.setOnAction(e -> shown().remove(list.getSelectionModel().getSelectedItem()));
        ContextMenu menu = new ContextMenu(send, load, move, delete);
        menu.setOnShowing(e -> {
            boolean any = list.getSelectionModel().getSelectedItem() != null;
            send.setDisable(!any || model.connection().stateProperty().get() != ConnectionState.OPEN);
            load.setDisable(!any);
            move.setText(sharedScope.isSelected() ? "Move to this tab only" : "Offer in all tabs");
            move.setDisable(!any);
            delete.setDisable(!any);
        });
        return menu;
    }

    /** Moves a saved message between this tab's list and the shared one, replacing one of the same name there. */
    private void move(SavedMessage message) {
        if (message == null) {
            return;
        }
        javafx.collections.ObservableList<SavedMessage> from = shown();
        javafx.collections.ObservableList<SavedMessage> to = from == model.saved() ? model.shared() : model.saved();
        to.removeIf(m -> m.name().equals(message.name()));
        to.add(message);
        from.remove(message);
    }

    /** Sends the message while the connection is open; otherwise loads it, to be sent once connected. */
    private void use(SavedMessage message) {
        if (message == null) {
            return;
        }
        if (model.connection().stateProperty().get() == ConnectionState.OPEN) {
            model.sendSaved(message);
        } else {
            model.load(message);
        }
    }

    private void save() {
        problem.setText("");
        if (model.saveDraft(name.getText(), shown())) {
            name.clear();
        }
    }

    private void importFile() {
        File chosen = chooser("Import saved messages").showOpenDialog(getScene().getWindow());
        if (chosen == null) {
            return;
        }
        Path file = chosen.toPath();
        files.submit(control -> SavedMessages.read(file), read -> {
            problem.setText("");
            shown().addAll(read);
        }, failed -> problem.setText("Not imported: " + file.getFileName() + ": " + failed.getMessage()));
    }

    private void exportFile() {
        FileChooser chooser = chooser("Export saved messages");
        chooser.setInitialFileName("saved-messages.json");
        File chosen = chooser.showSaveDialog(getScene().getWindow());
        if (chosen == null) {
            return;
        }
        List<SavedMessage> snapshot = List.copyOf(shown());
        Path file = chosen.toPath();
        files.submit(control -> {
            SavedMessages.write(snapshot, file);
            return file;
        }, done -> problem.setText(""), failed -> problem.setText("Not exported to " + file + ": " + failed.getMessage()));
    }

    private static FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("JSON", "*.json"));
        return chooser;
    }

    private static Button small(String text, Feather icon, String tip,
            javafx.event.EventHandler<javafx.event.ActionEvent> action) {
        Button button = new Button(text, Icons.of(icon, 12));
        button.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        button.setTooltip(new Tooltip(tip));
        button.setOnAction(action);
        button.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return button;
    }

    /** A saved message: its name, and its mode and start in small type. */
    private static final class SavedCell extends ListCell<SavedMessage> {
        private final Label title = new Label();
        private final Label detail = new Label();
        private final VBox box = new VBox(title, detail);

        SavedCell() {
            title.getStyleClass().add(Styles.TEXT_BOLD);
            detail.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        }

        @Override
        protected void updateItem(SavedMessage item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            title.setText(item.name());
            String start = item.text().strip().replace('\n', ' ');
            detail.setText(item.mode() + " · " + (start.length() > 40 ? start.substring(0, 40) + "…" : start));
            setGraphic(box);
        }
    }
}
