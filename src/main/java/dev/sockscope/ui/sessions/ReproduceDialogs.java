package dev.sockscope.ui.sessions;

import atlantafx.base.theme.Styles;
import dev.sockscope.app.Replayer;
import dev.sockscope.core.RecordedConnection;
import dev.sockscope.replay.Conversation;
import dev.sockscope.ui.sessions.ReproduceActions.CompareChoice;
import dev.sockscope.ui.sessions.ReproduceActions.MockChoice;
import dev.sockscope.ui.sessions.ReproduceActions.ReplayChoice;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import javafx.util.StringConverter;

/** The questions before a replay, a mock and a comparison: each answers with a plain choice record. */
final class ReproduceDialogs {
    private static final List<String> PACES = List.of("As recorded", "2\u00d7 faster", "10\u00d7 faster",
        "As fast as the server answers");
    private static final double[] SPEEDS = {1, 2, 10, 0};

    private ReproduceDialogs() {
    }

    static Optional<ReplayChoice> replay(Window owner, RecordedConnection c, String freeSession, Conversation recording) {
        TextField url = new TextField(c.url());
        url.setId("replayUrl");
        url.setPrefColumnCount(36);
        StringBuilder recordedHeaders = new StringBuilder();
        Replayer.recordedHeaders(recording).forEach(h -> recordedHeaders.append(h.name()).append(": ").append(h.value())
                .append('\n'));
        TextArea headers = new TextArea(recordedHeaders.toString());
        headers.setId("replayHeaders");
        headers.setPrefRowCount(5);
        headers.setPrefColumnCount(36);
        headers.getStyleClass().add("monospace");
        TextField subprotocols = new TextField(String.join(", ", Replayer.recordedSubprotocols(recording)));
        subprotocols.setId("replaySubprotocols");
        ChoiceBox<String> pace = new ChoiceBox<>(FXCollections.observableArrayList(PACES));
        pace.setId("replayPace");
        pace.getSelectionModel().select(0);
        TextField into = new TextField(freeSession);
        into.setId("replayInto");
        GridPane grid = grid();
        grid.addRow(0, new Label("To"), url);
        grid.addRow(1, new Label("Headers"), headers);
        grid.addRow(2, new Label("Subprotocols"), subprotocols);
        grid.addRow(3, new Label("Pace"), pace);
        grid.addRow(4, new Label("Record in session"), into);
        grid.add(hint("The app's messages go again with the headers and subprotocols it sent (change a token here)."
                + " \u201cAs fast as the server answers\u201d sends each message once the answers that came before it in"
                + " the recording have come again."), 0, 5, 2, 1);
        Dialog<ReplayChoice> dialog = dialog(owner, "Replay", "Replay connection " + c.id() + "'s app side", grid);
        dialog.setResultConverter(b -> b != ButtonType.OK ? null
                : new ReplayChoice(url.getText(), headers.getText(), subprotocols.getText(),
                        SPEEDS[pace.getSelectionModel().getSelectedIndex()], into.getText()));
        return dialog.showAndWait();
    }

    static Optional<MockChoice> mock(Window owner, RecordedConnection c) {
        TextField port = new TextField("0");
        port.setId("mockPort");
        port.setPrefColumnCount(6);
        ChoiceBox<String> match = new ChoiceBox<>(FXCollections.observableArrayList(
                "By order: the n-th client message gets the n-th's answers", "By content: the equal recorded message's answers"));
        match.setId("mockMatch");
        match.getSelectionModel().select(0);
        TextField ignore = new TextField();
        ignore.setId("mockIgnore");
        ignore.setPromptText("/id /ts");
        CheckBox noWait = new CheckBox("Answer at once, not with the recorded delays");
        CheckBox tls = new CheckBox("wss:// with a certificate from Sockscope's CA");
        GridPane grid = grid();
        grid.addRow(0, new Label("Port on 127.0.0.1"), port);
        grid.addRow(1, new Label("Match"), match);
        grid.addRow(2, new Label("Ignore when matching"), ignore);
        grid.add(noWait, 1, 3);
        grid.add(tls, 1, 4);
        grid.add(hint("Any WebSocket client that connects gets the server's recorded messages; each client's connection"
                + " is recorded. Port 0 picks a free one."), 0, 5, 2, 1);
        Dialog<MockChoice> dialog = dialog(owner, "Serve as mock", "Serve connection " + c.id() + "'s server side", grid);
        dialog.setResultConverter(b -> {
            if (b != ButtonType.OK) {
                return null;
            }
            int p;
            try {
                p = Integer.parseInt(port.getText().strip());
            } catch (NumberFormatException e) {
                p = -1;
            }
            return new MockChoice(p, match.getSelectionModel().getSelectedIndex() == 1, ignore.getText(), noWait.isSelected(),
                    tls.isSelected());
        });
        return dialog.showAndWait();
    }

    /**
     * @param sessions every session's name
     * @param connectionsOf reads a session's connections off the FX thread and hands them back on it
     */
    static Optional<CompareChoice> compare(Window owner, RecordedConnection c, List<String> sessions,
            BiConsumer<String, Consumer<List<RecordedConnection>>> connectionsOf) {
        ChoiceBox<String> session = new ChoiceBox<>(FXCollections.observableArrayList(sessions));
        session.setId("compareSession");
        ChoiceBox<RecordedConnection> other = new ChoiceBox<>();
        other.setId("compareConnection");
        other.setConverter(new StringConverter<>() {
            @Override
            public String toString(RecordedConnection r) {
                return r == null ? "" : "connection " + r.id() + " \u00b7 " + r.url() + " \u00b7 " + r.frames() + " messages";
            }

            @Override
            public RecordedConnection fromString(String s) {
                return null;
            }
        });
        session.setOnAction(e -> {
            String chosen = session.getValue();
            other.getItems().clear();
            connectionsOf.accept(chosen, read -> {
                if (!chosen.equals(session.getValue())) {
                    return; // another session was chosen meanwhile
                }
                other.getItems().setAll(read);
                other.getItems().removeIf(r -> r.id() == c.id());
                if (!other.getItems().isEmpty()) {
                    other.getSelectionModel().select(0);
                }
            });
        });
        TextField ignore = new TextField();
        ignore.setId("compareIgnoreFirst");
        ignore.setPromptText("/id /ts");
        GridPane grid = grid();
        grid.addRow(0, new Label("Session"), session);
        grid.addRow(1, new Label("Connection"), other);
        grid.addRow(2, new Label("Ignore fields"), ignore);
        Dialog<CompareChoice> dialog = dialog(owner, "Compare", "Compare connection " + c.id() + " with", grid);
        dialog.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(other.valueProperty().isNull());
        session.getSelectionModel().select(c.session());
        session.getOnAction().handle(null);
        dialog.setResultConverter(b -> b != ButtonType.OK ? null : new CompareChoice(other.getValue(), ignore.getText()));
        return dialog.showAndWait();
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.setPadding(new Insets(4, 0, 0, 0));
        return grid;
    }

    private static Label hint(String text) {
        Label hint = new Label(text);
        hint.setWrapText(true);
        hint.setMaxWidth(460);
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        return hint;
    }

    private static <T> Dialog<T> dialog(Window owner, String title, String header, GridPane content) {
        Dialog<T> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        return dialog;
    }
}
