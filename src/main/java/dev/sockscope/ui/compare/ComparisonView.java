package dev.sockscope.ui.compare;

import atlantafx.base.theme.Styles;
import dev.sockscope.app.Reproductions;
import dev.sockscope.core.Direction;
import dev.sockscope.core.RecordedConnection;
import dev.sockscope.diff.Alignment;
import dev.sockscope.diff.ConversationDiff;
import dev.sockscope.replay.Conversation;
import dev.sockscope.ui.common.Icons;
import dev.sockscope.ui.fx.Background;
import dev.sockscope.ui.fx.TaskSlot;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * Two recorded connections compared (node id {@code comparisonView}): how to align them and which
 * fields to ignore, a summary ({@code comparisonSummary}), a row per message pair
 * ({@code comparisonRows}) and the selected pair in detail ({@link PairDetail}).
 */
public final class ComparisonView extends BorderPane {
    private final Reproductions reproductions;
    private final TaskSlot comparing;
    private final RecordedConnection first;
    private final RecordedConnection second;
    private final ChoiceBox<String> align = new ChoiceBox<>(FXCollections.observableArrayList("By content", "By order"));
    private final TextField ignore = new TextField();
    private final CheckBox onlyDifferences = new CheckBox("Only differences");
    private final Label summary = new Label("Reading both connections…");
    private final ObservableList<ConversationDiff.Row> rows = FXCollections.observableArrayList();
    private final FilteredList<ConversationDiff.Row> shown = new FilteredList<>(rows);
    private final TableView<ConversationDiff.Row> table = new TableView<>(shown);
    private final PairDetail detail = new PairDetail();
    private Conversation a;
    private Conversation b;

    /** @param ignoredFields the volatile fields to start with, JSON pointers separated by spaces */
    public ComparisonView(Reproductions reproductions, Background background, RecordedConnection first,
            RecordedConnection second, String ignoredFields) {
        this.reproductions = reproductions;
        this.comparing = background.slot();
        this.first = first;
        this.second = second;
        setId("comparisonView");
        getStyleClass().add("comparison-view");
        Label title = new Label("Compare", Icons.of(Feather.COLUMNS, 14));
        title.getStyleClass().add(Styles.TITLE_4);
        VBox sides = new VBox(2, side("A", first), side("B", second));
        align.setId("compareAlign");
        align.getSelectionModel().select(0);
        align.setTooltip(new javafx.scene.control.Tooltip("By content: equal messages are matched first, so one missing"
                + " or extra message shows once. By order: the n-th against the n-th."));
        ignore.setId("compareIgnore");
        ignore.setText(ignoredFields);
        ignore.setPromptText("Fields to ignore: /id /ts /items/*/time");
        ignore.setPrefColumnCount(24);
        HBox.setHgrow(ignore, Priority.ALWAYS);
        Button again = new Button("Compare", Icons.of(Feather.REFRESH_CW, 13));
        again.setId("compareAgain");
        again.getStyleClass().add(Styles.SMALL);
        again.setDefaultButton(true);
        again.setOnAction(e -> compare());
        ignore.setOnAction(e -> compare());
        align.setOnAction(e -> compare());
        onlyDifferences.setId("compareOnlyDifferences");
        onlyDifferences.selectedProperty().addListener((obs, old, only) -> shown.setPredicate(only
                ? r -> r.status() != ConversationDiff.Status.SAME : null));
        Label ignoreLabel = new Label("Ignore");
        HBox controls = new HBox(8, align, ignoreLabel, ignore, again, onlyDifferences);
        controls.setAlignment(Pos.CENTER_LEFT);
        summary.setId("comparisonSummary");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        VBox top = new VBox(8, title, sides, controls, summary);
        top.setPadding(new Insets(12, 12, 8, 12));
        setTop(top);

        table.setId("comparisonRows");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No messages to compare"));
        table.getColumns().add(column("Way", 60, r -> (r.direction() == Direction.SEND ? "\u2191 " : "\u2193 ")
                + r.direction().wireName()));
        table.getColumns().add(column("A", 46, r -> r.a() == null ? "" : "#" + r.first()));
        table.getColumns().add(column("B", 46, r -> r.b() == null ? "" : "#" + r.second()));
        TableColumn<ConversationDiff.Row, String> status = column("Status", 80, r -> r.status().word());
        status.setCellFactory(c -> new StatusCell());
        table.getColumns().add(status);
        table.getColumns().add(column("What", 500, PairDetail::headline));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> detail.show(row));
        SplitPane split = new SplitPane(table, detail);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.45);
        BorderPane.setMargin(split, new Insets(0, 12, 12, 12));
        setCenter(split);
        load();
    }

    private static HBox side(String letter, RecordedConnection c) {
        Label which = new Label(letter);
        which.getStyleClass().addAll("compare-side", Styles.TEXT_BOLD);
        Label what = new Label(c.session() + " \u00b7 connection " + c.id() + " \u00b7 " + c.url());
        what.setMinWidth(0);
        HBox row = new HBox(8, which, what);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static TableColumn<ConversationDiff.Row, String> column(String name, double width,
            java.util.function.Function<ConversationDiff.Row, String> text) {
        TableColumn<ConversationDiff.Row, String> column = new TableColumn<>(name);
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(text.apply(cell.getValue())));
        return column;
    }

    private void load() {
        comparing.submit(control -> new Conversation[] {reproductions.conversation(first),
            reproductions.conversation(second)}, both -> {
                a = both[0];
                b = both[1];
                compare();
            }, e -> summary.setText("Cannot read the connections: " + e.getMessage()));
    }

    /** Compares again with the alignment and ignored fields as they are now. */
    public void compare() {
        if (a == null || b == null) {
            return;
        }
        Set<String> ignored = new LinkedHashSet<>();
        for (String p : ignore.getText().split("[\\s,]+")) {
            if (p.isBlank()) {
                continue;
            }
            if (!p.startsWith("/")) {
                summary.setText("A field to ignore is a JSON pointer such as /id or /items/*/ts, not \u201c" + p + "\u201d");
                summary.getStyleClass().setAll("label", Styles.DANGER);
                return;
            }
            ignored.add(p);
        }
        Alignment.Mode mode = align.getSelectionModel().getSelectedIndex() == 1 ? Alignment.Mode.ORDER : Alignment.Mode.CONTENT;
        Conversation left = a;
        Conversation right = b;
        comparing.submit(control -> ConversationDiff.of(left.messages(), right.messages(), mode, ignored,
                EnumSet.allOf(Direction.class)), this::shown, e -> summary.setText("Cannot compare: " + e.getMessage()));
    }

    private void shown(ConversationDiff diff) {
        rows.setAll(diff.rows());
        long changed = count(diff, ConversationDiff.Status.CHANGED);
        long missing = count(diff, ConversationDiff.Status.MISSING);
        long extra = count(diff, ConversationDiff.Status.EXTRA);
        summary.getStyleClass().setAll("label", diff.equal() ? Styles.SUCCESS : Styles.WARNING);
        summary.setText(diff.equal()
                ? String.format(Locale.ROOT, "The same: %,d messages, none differs.", diff.rows().size())
                : String.format(Locale.ROOT, "%,d of %,d messages differ: %,d changed, %,d only in A, %,d only in B.",
                        diff.differences().size(), diff.rows().size(), changed, missing, extra));
        ConversationDiff.Row firstDifference = diff.differences().isEmpty() ? null : diff.differences().get(0);
        if (firstDifference != null) {
            table.getSelectionModel().select(firstDifference);
            table.scrollTo(Math.max(0, shown.indexOf(firstDifference) - 2));
        } else {
            detail.show(null);
        }
    }

    private static long count(ConversationDiff diff, ConversationDiff.Status status) {
        return diff.rows().stream().filter(r -> r.status() == status).count();
    }

    /** The status word, coloured by the stylesheet: green same, amber changed, red missing, blue extra. */
    private static final class StatusCell extends TableCell<ConversationDiff.Row, String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("compare-same", "compare-changed", "compare-missing", "compare-extra");
            setText(empty ? null : item);
            if (!empty && item != null) {
                getStyleClass().add("compare-" + item);
            }
        }
    }
}
