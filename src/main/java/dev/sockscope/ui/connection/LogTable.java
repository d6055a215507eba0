package dev.sockscope.ui.connection;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.sockscope.core.Bytes;
import dev.sockscope.core.Clock;
import dev.sockscope.core.Direction;
import dev.sockscope.ui.common.Icons;
import dev.sockscope.ui.model.ConnectionModel;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.kordamp.ikonli.feather.Feather;

/**
 * The message log's table: direction, time, type, size and a one-line preview. Cells are built
 * to be cheap to update (fixed size, one icon per cell, pseudo-classes instead of style classes),
 * because under a flood every visible cell changes several times a second.
 */
final class LogTable extends TableView<LogRow> {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT)
            .withZone(ZoneId.systemDefault());
    private static final PseudoClass RECEIVED = PseudoClass.getPseudoClass("received");
    private static final PseudoClass CONTROL_FRAME = PseudoClass.getPseudoClass("control-frame");

    private final ConnectionModel model;
    private final BooleanProperty relativeTime;
    /** What the data column highlights (the filter as applied), or null. */
    private final javafx.beans.property.ObjectProperty<java.util.regex.Pattern> highlight =
            new javafx.beans.property.SimpleObjectProperty<>();

    LogTable(ConnectionModel model, BooleanProperty relativeTime) {
        this.model = model;
        this.relativeTime = relativeTime;
        buildTable();
        relativeTime.addListener((obs, old, now) -> refresh());
    }

    private void buildTable() {
        setId("messageLog");
        setFixedCellSize(26);
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE, Styles.STRIPED);
        setPlaceholder(placeholder());

        TableColumn<LogRow, LogRow> direction = column("", 34, this::directionCell);
        TableColumn<LogRow, LogRow> time = column("Time", 110, row -> timeText(row.timestampMicros()));
        TableColumn<LogRow, LogRow> delta = column("\u0394", 78, this::deltaCell);
        delta.setId("deltaColumn");
        Label deltaHeader = new Label("\u0394");
        deltaHeader.setTooltip(new javafx.scene.control.Tooltip("Time since the row above; on a received message, since"
                + " the last message sent before it (request to reply)"));
        delta.setText(null);
        delta.setGraphic(deltaHeader);
        TableColumn<LogRow, LogRow> type = column("Type", 80, LogRow::type);
        TableColumn<LogRow, LogRow> size = column("Size", 76, row -> Bytes.humanSize(row.size()));
        TableColumn<LogRow, LogRow> preview = column("Data", 400, () -> new HighlightCell(highlight::get));
        preview.setMaxWidth(Double.MAX_VALUE);
        for (TableColumn<LogRow, LogRow> c : java.util.List.of(direction, time, delta, type, size)) {
            c.setMaxWidth(c.getPrefWidth() * 1.6);
        }
        // A narrow log squeezes the data column, never the time, type or size past reading.
        direction.setMinWidth(30);
        time.setMinWidth(104);
        delta.setMinWidth(78);
        type.setMinWidth(66);
        // "999.9 KiB" whole, in any of the themes' fonts.
        size.setMinWidth(74);
        preview.setMinWidth(110);
        getColumns().setAll(java.util.List.of(direction, time, delta, type, size, preview));
    }

    /** What an empty log says: what to do in a tab that is not connected, what is happening in one that is. */
    /** Highlights this in the data column (the applied filter), or nothing when null; repaints the rows. */
    void highlight(java.util.regex.Pattern pattern) {
        highlight.set(pattern);
        refresh();
    }

    private Label placeholder() {
        Label label = new Label();
        label.getStyleClass().add(Styles.TEXT_MUTED);
        Runnable say = () -> label.setText(model.isRecorded() ? "No messages were recorded on this connection."
                : switch (model.stateProperty().get()) {
                    case OPEN -> "Connected. Messages appear here as they are sent and received.";
                    case CONNECTING -> "Connecting…";
                    default -> "No messages yet. Connect, then send from the composer below.";
                });
        model.stateProperty().addListener(obs -> say.run());
        say.run();
        return label;
    }

    private TableColumn<LogRow, LogRow> column(String title, double width, java.util.function.Function<LogRow, String> text) {
        return column(title, width, () -> new TableCell<>() {
            @Override
            protected void updateItem(LogRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? null : text.apply(row));
                // A pseudo-class, not a style class: changing classes re-runs CSS for the cell on every update.
                pseudoClassStateChanged(CONTROL_FRAME, !empty && row != null && row.opcode().isControl());
            }
        });
    }

    private TableColumn<LogRow, LogRow> column(String title, double width, java.util.function.Supplier<TableCell<LogRow, LogRow>> cell) {
        TableColumn<LogRow, LogRow> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setReorderable(false);
        column.setCellValueFactory(data -> new ReadOnlyObjectWrapper<>(data.getValue()));
        column.setCellFactory(c -> cell.get());
        return column;
    }

    /**
     * Time since the row above, or for a received message since the last message sent before it
     * (see {@link LogDeltas}): request-to-reply latency at a glance.
     */
    private TableCell<LogRow, LogRow> deltaCell() {
        return new TableCell<>() {
            @Override
            protected void updateItem(LogRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null || !(getTableView().getItems() instanceof LogRows rows) ? null
                        : LogDeltas.text(rows, getIndex(), row));
            }
        };
    }

    private TableCell<LogRow, LogRow> directionCell() {
        // One icon per cell whose glyph and colour change: swapping graphic nodes would re-parent
        // them, and every re-parented node costs a CSS pass.
        var icon = Icons.of(Feather.ARROW_UP_RIGHT, 14);
        icon.getStyleClass().add("dir-icon");
        TableCell<LogRow, LogRow> cell = new TableCell<>() {
            @Override
            protected void updateItem(LogRow row, boolean empty) {
                super.updateItem(row, empty);
                boolean show = !empty && row != null;
                icon.setVisible(show);
                if (show) {
                    boolean sent = row.direction() == Direction.SEND;
                    icon.setIconCode(sent ? Feather.ARROW_UP_RIGHT : Feather.ARROW_DOWN_LEFT);
                    icon.pseudoClassStateChanged(RECEIVED, !sent);
                }
            }
        };
        cell.setGraphic(icon);
        cell.setAlignment(Pos.CENTER);
        return cell;
    }

    private String timeText(long micros) {
        if (!relativeTime.get()) {
            return CLOCK.format(Clock.toInstant(micros));
        }
        var opened = model.openedProperty().get();
        long origin = opened != null ? opened.timestampMicros() : micros;
        // Microseconds: the rows of a burst differ by less than a millisecond.
        return String.format(Locale.ROOT, "+%.6f s", (micros - origin) / 1_000_000.0);
    }

}
