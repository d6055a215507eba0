package dev.sockscope.ui.search;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.sockscope.app.RecordingQueries;
import dev.sockscope.app.SessionCatalog;
import dev.sockscope.app.Transfers;
import dev.sockscope.core.Bytes;
import dev.sockscope.core.Clock;
import dev.sockscope.core.Direction;
import dev.sockscope.core.Frame;
import dev.sockscope.core.Opcode;
import dev.sockscope.core.RecordedFrame;
import dev.sockscope.core.SearchQuery;
import dev.sockscope.core.SessionSummary;
import dev.sockscope.ui.common.Icons;
import dev.sockscope.ui.fx.Background;
import dev.sockscope.ui.messages.MessageDetailView;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;

/**
 * The search tab: regex and session filters, results as they are found (time, session, URL,
 * direction, type, size, the matching part highlighted) and the selected message's payload.
 */
public final class SearchView extends BorderPane {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss.SSS", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private final SearchModel model;
    private final SessionCatalog catalog;
    private final Transfers transfers;
    private final Background background;
    private final ToggleButton regex = new ToggleButton(".*");
    private final ToggleButton wholeWord = new ToggleButton("Word");
    private final ToggleButton showFilters = new ToggleButton("Filters", Icons.of(Feather.FILTER, 12));
    private final SearchFilters filters = new SearchFilters(this::searchAgain);
    private final ComboBox<String> session = new ComboBox<>();
    private final TableView<RecordedFrame> table = new TableView<>();
    private final Consumer<RecordedFrame> open;
    private final Button openButton = new Button("Show in its session", Icons.of(Feather.CORNER_DOWN_RIGHT, 13));
    private String lastQuery = "";

    /**
     * @param open shows a result in its recorded session (double-click, Enter or the button)
     */
    public SearchView(RecordingQueries queries, SessionCatalog catalog, Transfers transfers, Background background,
            Consumer<RecordedFrame> open) {
        this.catalog = catalog;
        this.transfers = transfers;
        this.open = open;
        this.background = background;
        this.model = new SearchModel(queries, background);
        getStyleClass().add("search-view");
        MessageDetailView detail = new MessageDetailView(background);
        buildTable();
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> detail.show(row == null ? null : row.message().asFrame()));
        SplitPane split = new SplitPane(table, detail);
        split.setDividerPositions(0.62);
        filters.managedProperty().bind(showFilters.selectedProperty());
        filters.visibleProperty().bind(showFilters.selectedProperty());
        setTop(new javafx.scene.layout.VBox(toolbar(), filters));
        setCenter(split);
        loadSessions();
    }

    /** Runs a search for {@code text} with the tab's filters. */
    public void search(String text) {
        lastQuery = text;
        String chosen = session.getValue();
        SearchQuery query;
        try {
            query = filters.apply(new SearchQuery(text, regex.isSelected(), "All sessions".equals(chosen) ? null : chosen, null, 0)
                    .withWholeWord(wholeWord.isSelected()));
        } catch (java.util.regex.PatternSyntaxException e) {
            model.reject("Invalid regex: " + e.getDescription());
            return;
        } catch (IllegalArgumentException e) {
            model.reject(e.getMessage());
            return;
        }
        model.search(query);
    }

    private void searchAgain() {
        search(lastQuery);
    }

    private HBox toolbar() {
        regex.setTooltip(new Tooltip("Treat the query as a regular expression"));
        regex.getStyleClass().add(Styles.SMALL);
        regex.selectedProperty().addListener((obs, old, now) -> search(lastQuery));
        wholeWord.setTooltip(new Tooltip("Whole words only: no letter, digit or _ right before or after the match"));
        wholeWord.getStyleClass().add(Styles.SMALL);
        wholeWord.selectedProperty().addListener((obs, old, now) -> search(lastQuery));
        showFilters.setTooltip(new Tooltip("Filter by connection, direction, type, size and time"));
        showFilters.getStyleClass().add(Styles.SMALL);
        session.getStyleClass().add(Styles.SMALL);
        session.setPrefWidth(200);
        session.valueProperty().addListener((obs, old, now) -> {
            if (old != null) {
                search(lastQuery);
            }
        });
        Label status = new Label();
        status.textProperty().bind(model.statusProperty());
        status.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        Button cancel = new Button("Cancel", Icons.of(Feather.X_CIRCLE, 13));
        cancel.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        cancel.visibleProperty().bind(model.runningProperty());
        cancel.setOnAction(e -> model.cancel());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        openButton.getStyleClass().add(Styles.SMALL);
        openButton.setTooltip(new Tooltip("Open the result's session read-only, at this message (or double-click it)"));
        openButton.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        openButton.setOnAction(e -> openSelected());
        Button export = new Button("Export…", Icons.of(Feather.DOWNLOAD, 13));
        export.getStyleClass().add(Styles.SMALL);
        export.setTooltip(new Tooltip("Export every result of this search as HAR or JSON Lines"));
        export.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(model.results()).or(model.runningProperty()));
        export.setOnAction(e -> exportResults());
        HBox bar = new HBox(8, new Label("In"), session, regex, wholeWord, showFilters, spacer, status, cancel, openButton,
                export);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 10, 8, 10));
        return bar;
    }

    /** Exports what the current search finds (all of it, not only the rows listed). */
    private void exportResults() {
        SearchQuery query = model.lastQuery();
        if (query != null) {
            dev.sockscope.ui.sessions.ExportDialog.run(getScene().getWindow(), "the results for \u201c" + query.text() + "\u201d",
                    "search-results", () -> -1, background,
                    (format, file, progress) -> transfers.exportSearch(query, format, file, progress));
        }
    }

    private void openSelected() {
        RecordedFrame selected = table.getSelectionModel().getSelectedItem();
        if (selected != null) {
            open.accept(selected);
        }
    }

    private void loadSessions() {
        session.getItems().setAll("All sessions");
        session.setValue("All sessions");
        background.run(control -> catalog.sessions().stream().map(SessionSummary::name).toList(),
                found -> session.getItems().addAll(found), failed -> { });
    }

    private void buildTable() {
        table.setId("searchResults");
        table.setItems(model.results());
        table.setFixedCellSize(26);
        table.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE, Styles.STRIPED);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label placeholder = new Label();
        // An empty table says why: no search yet, one running, none matching, or what went wrong.
        placeholder.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            String status = model.statusProperty().get();
            return status == null || status.isEmpty() ? "Type in the search box above and press Enter." : status;
        }, model.statusProperty()));
        placeholder.getStyleClass().add(Styles.TEXT_MUTED);
        table.setPlaceholder(placeholder);
        table.setRowFactory(t -> {
            TableRow<RecordedFrame> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    open.accept(row.getItem());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER) {
                openSelected();
            }
        });
        TableColumn<RecordedFrame, String> when = text("Time", 190, f -> WHEN.format(Clock.toInstant(f.message().timestampMicros())));
        TableColumn<RecordedFrame, String> where = text("Session", 110, RecordedFrame::session);
        TableColumn<RecordedFrame, String> url = text("URL", 170, RecordedFrame::url);
        TableColumn<RecordedFrame, RecordedFrame> dir = new TableColumn<>("");
        dir.setPrefWidth(34);
        dir.setSortable(false);
        dir.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        dir.setCellFactory(c -> new DirectionCell());
        TableColumn<RecordedFrame, String> size = text("Size", 70, f -> Bytes.humanSize(f.message().size()));
        TableColumn<RecordedFrame, RecordedFrame> match = new TableColumn<>("Match");
        match.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        match.setCellFactory(c -> new SnippetCell());
        match.setPrefWidth(420);
        table.getColumns().setAll(List.of(when, where, url, dir, size, match));
        // A narrow window squeezes the match (the last column), never the time, session or size past reading.
        when.setMinWidth(172);
        where.setMinWidth(70);
        url.setMinWidth(100);
        dir.setMinWidth(30);
        size.setMinWidth(74);
        match.setMinWidth(160);
    }

    /** The direction as the log shows it: the same arrow icons, in the same colours. */
    private static final class DirectionCell extends TableCell<RecordedFrame, RecordedFrame> {
        private static final javafx.css.PseudoClass RECEIVED = javafx.css.PseudoClass.getPseudoClass("received");
        private final org.kordamp.ikonli.javafx.FontIcon icon = dev.sockscope.ui.common.Icons.of(
                org.kordamp.ikonli.feather.Feather.ARROW_UP_RIGHT, 14);

        DirectionCell() {
            icon.getStyleClass().add("dir-icon");
        }

        @Override
        protected void updateItem(RecordedFrame item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            boolean received = item.message().direction() == Direction.RECEIVE;
            icon.setIconCode(received ? org.kordamp.ikonli.feather.Feather.ARROW_DOWN_LEFT
                    : org.kordamp.ikonli.feather.Feather.ARROW_UP_RIGHT);
            icon.pseudoClassStateChanged(RECEIVED, received);
            setGraphic(icon);
        }
    }

    private static TableColumn<RecordedFrame, String> text(String title, double width, Function<RecordedFrame, String> value) {
        TableColumn<RecordedFrame, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        return column;
    }

    /** How much context a result shows before its match. */
    private static final int BEFORE_CHARS = 8;

    /** The last {@code n} characters of the context before a match, an ellipsis standing for the rest. */
    static String tail(String before, int n) {
        String text = before.startsWith("…") ? before.substring(1) : before;
        return text.length() <= n && !before.startsWith("…") ? text : "…" + text.substring(Math.max(0, text.length() - n));
    }

    /** The matching part of a message, highlighted within its context. */
    private final class SnippetCell extends TableCell<RecordedFrame, RecordedFrame> {
        private final Label before = new Label();
        private final Label hit = new Label();
        private final Label after = new Label();
        private final HBox flow = new HBox(before, hit, after);

        SnippetCell() {
            // Labels, not a TextFlow: one line, cut with an ellipsis, never wrapped into the next row.
            hit.getStyleClass().add("search-hit");
            hit.setMinWidth(Region.USE_PREF_SIZE);
            // A short, whole piece of context before the match (cut here, not by the label, whose
            // clipping left a gap that read as a space), then the match, then as much as fits.
            before.setMinWidth(Region.USE_PREF_SIZE);
            after.setMinWidth(0);
            flow.setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(RecordedFrame item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            Frame frame = item.message().asFrame();
            String text = frame.opcode() == Opcode.BINARY ? Bytes.hex(frame.payload()) : frame.text();
            Snippet snippet = Snippet.of(text.length() > 4096 ? text.substring(0, 4096) : text, lastQuery, regex.isSelected(),
                    wholeWord.isSelected());
            before.setText(tail(snippet.before(), BEFORE_CHARS));
            hit.setText(snippet.match());
            after.setText(snippet.after());
            setGraphic(flow);
        }
    }

    public void dispose() {
        model.dispose();
    }
}
