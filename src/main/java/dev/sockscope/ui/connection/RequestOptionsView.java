package dev.sockscope.ui.connection;

import atlantafx.base.theme.Styles;
import dev.sockscope.core.TrustOptions;
import dev.sockscope.ui.common.Icons;
import java.io.File;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.feather.Feather;

/**
 * Request options of a tab: headers (name/value rows with enable toggles), subprotocols, connect
 * timeout, and what wss:// trusts beyond the system store: a CA file and pinned fingerprints.
 */
public final class RequestOptionsView extends GridPane {

    public RequestOptionsView(RequestEditorModel model) {
        getStyleClass().add("request-options");
        setHgap(16);
        setVgap(8);
        setPadding(new Insets(10, 12, 12, 12));
        ColumnConstraints left = new ColumnConstraints();
        left.setPercentWidth(58);
        ColumnConstraints right = new ColumnConstraints();
        right.setPercentWidth(42);
        getColumnConstraints().addAll(left, right);

        add(section("Headers"), 0, 0);
        add(headersTable(model), 0, 1, 1, 4);
        add(section("Subprotocols"), 1, 0);
        TextField protocols = new TextField();
        protocols.setPromptText("e.g. graphql-ws, chat");
        protocols.setTooltip(new javafx.scene.control.Tooltip("Subprotocols to offer, comma-separated"));
        protocols.textProperty().bindBidirectional(model.subprotocolsProperty());
        Spinner<Integer> timeout = new Spinner<>(1, 300, model.timeoutSecondsProperty().get());
        timeout.setEditable(true);
        timeout.setPrefWidth(90);
        timeout.valueProperty().addListener((obs, old, now) -> model.timeoutSecondsProperty().set(now));
        model.timeoutSecondsProperty().addListener((obs, old, now) -> timeout.getValueFactory().setValue(now.intValue()));
        Label seconds = new Label("s timeout");
        seconds.getStyleClass().add(Styles.TEXT_MUTED);
        seconds.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        seconds.setTooltip(new javafx.scene.control.Tooltip("How long connecting (DNS, TCP, TLS and the upgrade) may take"));
        HBox protocolRow = new HBox(10, protocols, timeout, seconds);
        protocolRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(protocols, Priority.ALWAYS);
        javafx.scene.control.CheckBox reconnect = new javafx.scene.control.CheckBox("Reconnect when the connection drops");
        reconnect.setId("autoReconnect");
        reconnect.setTooltip(new javafx.scene.control.Tooltip("After a failure or an abnormal close, connect again after"
                + " 1 s, then 2, 4 … up to 30 s; your own Disconnect or Close never reconnects"));
        reconnect.selectedProperty().bindBidirectional(model.autoReconnectProperty());
        javafx.scene.control.CheckBox deflate = new javafx.scene.control.CheckBox("Offer compression (permessage-deflate)");
        deflate.setId("offerDeflate");
        deflate.setTooltip(new javafx.scene.control.Tooltip("Ask the server to compress, as browsers do; the log shows"
                + " each message inflated and the Frames view shows its size on the wire"));
        deflate.selectedProperty().bindBidirectional(model.offerDeflateProperty());
        add(new javafx.scene.layout.VBox(6, protocolRow, reconnect, deflate), 1, 1);
        add(section("Trust for wss:// (besides the system's trust store)"), 1, 2);
        add(trustBox(model), 1, 3);
    }

    private static Label section(String text) {
        Label label = new Label(text);
        label.getStyleClass().addAll(Styles.TEXT_BOLD, Styles.TEXT_SMALL, "section-title");
        return label;
    }

    private static VBox headersTable(RequestEditorModel model) {
        TableView<HeaderRowModel> table = new TableView<>(model.headers());
        table.setEditable(true);
        table.setPrefHeight(150);
        table.getStyleClass().addAll(Styles.DENSE, Styles.BORDERED);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No extra headers. Add one with +."));

        TableColumn<HeaderRowModel, Boolean> on = new TableColumn<>("");
        on.setPrefWidth(34);
        on.setMaxWidth(34);
        on.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().enabledProperty().get()));
        on.setCellFactory(c -> new TableCell<>() {
            private final CheckBox box = new CheckBox();

            @Override
            protected void updateItem(Boolean value, boolean empty) {
                super.updateItem(value, empty);
                if (empty || getTableRow() == null || getTableRow().getItem() == null) {
                    setGraphic(null);
                    return;
                }
                HeaderRowModel row = getTableRow().getItem();
                box.setSelected(row.enabledProperty().get());
                box.setOnAction(e -> row.enabledProperty().set(box.isSelected()));
                setGraphic(box);
            }
        });
        TableColumn<HeaderRowModel, String> name = new TableColumn<>("Name");
        name.setPrefWidth(160);
        name.setCellValueFactory(c -> c.getValue().nameProperty());
        name.setCellFactory(TextFieldTableCell.forTableColumn());
        TableColumn<HeaderRowModel, String> value = new TableColumn<>("Value");
        value.setCellValueFactory(c -> c.getValue().valueProperty());
        value.setCellFactory(TextFieldTableCell.forTableColumn());
        table.getColumns().setAll(java.util.List.of(on, name, value));

        Button add = new Button("Add header", Icons.of(Feather.PLUS));
        add.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        add.setOnAction(e -> {
            model.headers().add(new HeaderRowModel("", "", true));
            table.getSelectionModel().selectLast();
            table.edit(model.headers().size() - 1, name);
        });
        Button remove = new Button("Remove", Icons.of(Feather.TRASH_2));
        remove.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> model.headers().remove(table.getSelectionModel().getSelectedItem()));
        VBox box = new VBox(4, table, new HBox(4, add, remove));
        VBox.setVgrow(table, Priority.ALWAYS);
        return box;
    }

    private static VBox trustBox(RequestEditorModel model) {
        TextField caFile = new TextField();
        caFile.setPromptText("CA file (PEM), optional");
        caFile.textProperty().bindBidirectional(model.caFileProperty());
        Button browse = new Button("Browse…", Icons.of(Feather.FOLDER));
        browse.getStyleClass().add(Styles.SMALL);
        browse.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("CA certificates (PEM)");
            chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Certificates", "*.pem", "*.crt", "*.cer"),
                    new FileChooser.ExtensionFilter("All files", "*"));
            File file = chooser.showOpenDialog(browse.getScene().getWindow());
            if (file != null) {
                model.caFileProperty().set(file.getAbsolutePath());
            }
        });
        HBox caRow = new HBox(6, caFile, browse);
        HBox.setHgrow(caFile, Priority.ALWAYS);

        ListView<String> pins = new ListView<>(model.pins());
        pins.setPrefHeight(60);
        pins.setPlaceholder(new Label("No pinned certificates"));
        pins.getStyleClass().add(Styles.DENSE);
        TextField newPin = new TextField();
        newPin.setPromptText("SHA-256 fingerprint to trust for this tab");
        Label pinProblem = new Label();
        pinProblem.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
        pinProblem.managedProperty().bind(pinProblem.textProperty().isNotEmpty());
        Button addPin = new Button("Pin", Icons.of(Feather.LOCK));
        addPin.getStyleClass().add(Styles.SMALL);
        addPin.setTooltip(new Tooltip("Trust the certificate with this fingerprint for this tab only"));
        Runnable pin = () -> {
            try {
                String fingerprint = TrustOptions.normalizeFingerprint(newPin.getText());
                if (!model.pins().contains(fingerprint)) {
                    model.pins().add(fingerprint);
                }
                newPin.clear();
                pinProblem.setText("");
            } catch (IllegalArgumentException ex) {
                pinProblem.setText(ex.getMessage());
            }
        };
        addPin.setOnAction(e -> pin.run());
        newPin.setOnAction(e -> pin.run());
        Button unpin = new Button(null, Icons.of(Feather.TRASH_2));
        unpin.getStyleClass().addAll(Styles.SMALL, Styles.FLAT, Styles.BUTTON_ICON);
        unpin.setTooltip(new Tooltip("Remove the selected pin"));
        unpin.disableProperty().bind(pins.getSelectionModel().selectedItemProperty().isNull());
        unpin.setOnAction(e -> model.pins().remove(pins.getSelectionModel().getSelectedItem()));
        HBox pinRow = new HBox(6, newPin, addPin, unpin);
        HBox.setHgrow(newPin, Priority.ALWAYS);
        return new VBox(6, caRow, pins, pinRow, pinProblem);
    }
}
