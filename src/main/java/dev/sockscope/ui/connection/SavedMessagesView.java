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
 * A tab's saved messages, a tab beside the message detail: a double click (or Enter) sends one while the
 * connection is open and loads it into the composer otherwise; the draft is saved under a name;
 * the list is exported to and imported from a JSON file (off the UI thread).
 */
final class SavedMessagesView extends VBox {
    private final ClientTabModel model;
    private final ListView<SavedMessage> list = new ListView<>();
    private final TextField name = new TextField();
    private final Label problem = new Label();
    private final TaskSlot files;

    SavedMessagesView(ClientTabModel model, Background background) {
        this.model = model;
        this.files = background.slot();
        getStyleClass().add("saved-messages");
        setSpacing(4);
        setPadding(new Insets(8));

        list.setId("savedMessages");
        list.setItems(model.saved());
        list.setPlaceholder(new Label("Save a draft to send it again with one click."));
        ((Label) list.getPlaceholder()).setWrapText(true);
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
                model.saved().remove(list.getSelectionModel().getSelectedItem());
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
        exportButton.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(model.saved()));
        HBox fileRow = new HBox(4, importButton, exportButton);
        problem.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.DANGER);
        problem.setWrapText(true);
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        getChildren().addAll(list, saveRow, fileRow, problem);
    }

    private ContextMenu menu() {
        MenuItem send = new MenuItem("Send");
        send.setOnAction(e -> model.sendSaved(list.getSelectionModel().getSelectedItem()));
        MenuItem load = new MenuItem("Load into composer");
        load.setOnAction(e -> model.load(list.getSelectionModel().getSelectedItem()));
        MenuItem delete = new MenuItem("Delete");
        delete.setOnAction(e -> model.saved().remove(list.getSelectionModel().getSelectedItem()));
        ContextMenu menu = new ContextMenu(send, load, delete);
        menu.setOnShowing(e -> {
            boolean any = list.getSelectionModel().getSelectedItem() != null;
            send.setDisable(!any || model.connection().stateProperty().get() != ConnectionState.OPEN);
            load.setDisable(!any);
            delete.setDisable(!any);
        });
        return menu;
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
        if (model.saveDraft(name.getText())) {
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
            model.saved().addAll(read);
        }, failed -> problem.setText("Not imported: " + file.getFileName() + ": " + failed.getMessage()));
    }

    private void exportFile() {
        FileChooser chooser = chooser("Export saved messages");
        chooser.setInitialFileName("saved-messages.json");
        File chosen = chooser.showSaveDialog(getScene().getWindow());
        if (chosen == null) {
            return;
        }
        List<SavedMessage> snapshot = List.copyOf(model.saved());
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
