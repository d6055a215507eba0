package dev.sockscope.ui.proxy;

import atlantafx.base.theme.Styles;
import dev.sockscope.core.Bytes;
import dev.sockscope.core.Clock;
import dev.sockscope.core.ConnectionState;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The live list of proxied connections (node id {@code proxyConnections}) under a header of
 * columns, with filters by host and by state. Each row's text is its one-line summary, host
 * first; what shows is the same in columns.
 */
final class ProxiedList extends VBox {
    /** The state filter's choices. */
    static final String ALL = "All states";
    static final String OPEN = "Open";
    static final String ENDED = "Closed";
    static final String FAILED = "Failed";
    static final String TLS_PROBLEMS = "TLS problems";

    private static final double[] WIDTHS = {200, 0, 64, 196, 70, 70, 112, 112};
    private static final String[] TITLES = {"Host", "Path", "State", "TLS", "Started", "Duration", "\u2197 App to server",
        "\u2199 Server to app"};
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    private final ListView<ProxiedRow> list = new ListView<>();
    private final FilteredList<ProxiedRow> shown;
    private final TextField hostFilter = new TextField();
    private final ComboBox<String> stateFilter = new ComboBox<>();

    ProxiedList(ProxyPanelModel model, Consumer<ProxiedRow> open) {
        shown = new FilteredList<>(model.rows());
        hostFilter.setId("proxyHostFilter");
        hostFilter.setPromptText("Filter by host");
        hostFilter.getStyleClass().add(Styles.SMALL);
        hostFilter.setPrefColumnCount(16);
        stateFilter.setId("proxyStateFilter");
        stateFilter.getItems().addAll(ALL, OPEN, ENDED, FAILED, TLS_PROBLEMS);
        stateFilter.getSelectionModel().select(ALL);
        stateFilter.getStyleClass().add(Styles.SMALL);
        hostFilter.textProperty().addListener((obs, old, now) -> applyFilter());
        stateFilter.valueProperty().addListener((obs, old, now) -> applyFilter());
        Label count = new Label();
        count.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        count.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> (shown.size() == model.rows().size()
                ? model.rows().size() + (model.rows().size() == 1 ? " connection" : " connections")
                : shown.size() + " of " + model.rows().size() + " connections")
                + (model.endedLetGoProperty().get() == 0 ? ""
                        : " (" + model.endedLetGoProperty().get() + " older ended ones are in the recording: Sessions)"),
                shown, model.rows(), model.endedLetGoProperty()));
        javafx.scene.control.Button clear = new javafx.scene.control.Button("Clear ended");
        clear.setId("proxyClearEnded");
        clear.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        clear.setTooltip(new javafx.scene.control.Tooltip("Take ended connections off this list (they stay in the recording)"));
        clear.setOnAction(e -> model.clearEnded());
        HBox filters = new HBox(8, hostFilter, stateFilter, clear, count);
        filters.setAlignment(Pos.CENTER_LEFT);

        list.setId("proxyConnections");
        list.setItems(shown);
        list.getStyleClass().addAll(Styles.DENSE, "proxied-list");
        list.setPlaceholder(new Label("No WebSocket connection through the proxy yet"));
        list.setCellFactory(v -> new RowCell());
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && selected() != null) {
                open.accept(selected());
            }
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && selected() != null) {
                open.accept(selected());
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        setSpacing(6);
        getChildren().addAll(filters, columns(TITLES, true), list);
    }

    ListView<ProxiedRow> listView() {
        return list;
    }

    ProxiedRow selected() {
        return list.getSelectionModel().getSelectedItem();
    }

    /** Shows only what matches this state filter (one of the constants). */
    void filterState(String state) {
        stateFilter.getSelectionModel().select(state);
    }

    /**
     * Reads the model again, keeping the selected connection selected (its row is a new snapshot
     * each time it changes) and the durations of running connections current.
     */
    void refresh(Runnable pulse) {
        ProxiedRow before = selected();
        pulse.run();
        if (before != null && (selected() == null || selected().id() != before.id())) {
            for (int i = 0; i < shown.size(); i++) {
                if (shown.get(i).id() == before.id()) {
                    list.getSelectionModel().select(i);
                    break;
                }
            }
        }
    }

    /** Redraws the rows (the durations of running connections move on). */
    void redraw() {
        if (shown.stream().anyMatch(r -> r.endedMicros() < 0)) {
            list.refresh();
        }
    }

    private void applyFilter() {
        String host = hostFilter.getText().strip().toLowerCase(Locale.ROOT);
        String state = stateFilter.getValue();
        Predicate<ProxiedRow> byHost = r -> host.isEmpty() || r.host().toLowerCase(Locale.ROOT).contains(host);
        Predicate<ProxiedRow> byState = r -> switch (state == null ? ALL : state) {
            case OPEN -> r.state() == ConnectionState.OPEN || r.state() == ConnectionState.CONNECTING;
            case ENDED -> r.state() == ConnectionState.CLOSED;
            case FAILED -> r.state() == ConnectionState.FAILED;
            case TLS_PROBLEMS -> r.tls().problem();
            default -> true;
        };
        shown.setPredicate(byHost.and(byState));
    }

    /** A row of cells at the columns' widths: the header's titles, or a connection's values. */
    private static HBox columns(String[] texts, boolean header) {
        HBox row = new HBox(8);
        row.setAlignment(Pos.CENTER_LEFT);
        for (int i = 0; i < texts.length; i++) {
            Label cell = new Label(texts[i]);
            cell.setMinWidth(i == 1 ? 80 : WIDTHS[i]);
            cell.setPrefWidth(i == 1 ? 160 : WIDTHS[i]);
            cell.setMaxWidth(i == 1 ? Double.MAX_VALUE : WIDTHS[i]);
            if (i == 1) {
                HBox.setHgrow(cell, Priority.ALWAYS);
            }
            if (i >= 4) {
                cell.setAlignment(Pos.CENTER_RIGHT);
            }
            row.getChildren().add(cell);
        }
        if (header) {
            row.getStyleClass().add("proxied-header");
            row.getChildren().forEach(n -> n.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED, Styles.TEXT_BOLD));
            // the list's cells have padding and the list a border: the titles sit over their values
            row.setPadding(new javafx.geometry.Insets(0, 9, 0, 8));
        }
        return row;
    }

    static String[] values(ProxiedRow row, long nowMicros) {
        return new String[] {row.host(), row.path(), row.state().name().toLowerCase(Locale.ROOT), row.tls().words(),
            LocalTime.ofInstant(Instant.ofEpochSecond(0, row.startedMicros() * 1000), ZoneId.systemDefault()).format(CLOCK),
            duration(row.durationMillis(nowMicros)), String.format(Locale.ROOT, "%,d \u00b7 %s", row.messagesSent(),
                    Bytes.humanSize(row.bytesSent())),
            String.format(Locale.ROOT, "%,d \u00b7 %s", row.messagesReceived(), Bytes.humanSize(row.bytesReceived()))};
    }

    static String duration(long millis) {
        if (millis < 1000) {
            return millis + " ms";
        }
        long seconds = millis / 1000;
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        return seconds < 3600 ? String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }

    /** One connection: its summary as the cell's text, its values in columns as what shows. */
    private static final class RowCell extends ListCell<ProxiedRow> {
        RowCell() {
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        }

        @Override
        protected void updateItem(ProxiedRow row, boolean empty) {
            super.updateItem(row, empty);
            getStyleClass().removeAll("proxied-problem", "proxied-ended");
            if (empty || row == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            setText(row.summary());
            HBox cells = columns(values(row, Clock.nowMicros()), false);
            Label tls = (Label) cells.getChildren().get(3);
            if (row.tls().problem()) {
                tls.getStyleClass().add(Styles.DANGER);
                getStyleClass().add("proxied-problem");
            } else if (row.tls() == ProxiedTls.INTERCEPTED) {
                tls.getStyleClass().add(Styles.SUCCESS);
            }
            Label state = (Label) cells.getChildren().get(2);
            state.getStyleClass().add(row.state() == ConnectionState.FAILED ? Styles.DANGER
                    : row.state() == ConnectionState.OPEN ? Styles.ACCENT : Styles.TEXT_MUTED);
            cells.setMinWidth(Region.USE_PREF_SIZE);
            setGraphic(cells);
        }
    }
}
