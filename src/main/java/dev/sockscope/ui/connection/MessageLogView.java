package dev.sockscope.ui.connection;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import dev.sockscope.app.FrameLog;
import dev.sockscope.core.ConnectionState;
import dev.sockscope.core.Direction;
import dev.sockscope.core.Frame;
import dev.sockscope.ui.common.Icons;
import dev.sockscope.ui.fx.FxThread;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.IntPredicate;
import javafx.animation.PauseTransition;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;

/**
 * The message log: a filter bar over a virtualized table of the connection's frames. The table's
 * items are a window onto the packed log ({@link LogRows}); filtering a large log runs on the
 * background executor and swaps the window in when done.
 */
public final class MessageLogView extends VBox {


    private final ConnectionTabModel model;
    private final Executor background;
    private final BooleanProperty relativeTime = new SimpleBooleanProperty();
    private final LogTable table;
    private final CustomTextField filterField = new CustomTextField();
    private final ToggleButton regexToggle = new ToggleButton(".*");
    private final ToggleButton sentToggle = toggle(null, Feather.ARROW_UP_RIGHT, "Show sent messages");
    private final ToggleButton receivedToggle = toggle(null, Feather.ARROW_DOWN_LEFT, "Show received messages");
    private final ToggleButton textToggle = toggle("Text", null, "Show text messages");
    private final ToggleButton binaryToggle = toggle("Binary", null, "Show binary messages");
    private final ToggleButton controlToggle = toggle("Control", null, "Show ping, pong and close frames");
    private final ToggleButton followToggle = toggle(null, Feather.CHEVRONS_DOWN, "Follow: keep the newest message in view");
    private final Label countLabel = new Label();
    private final Label letGo = new Label();
    private final javafx.scene.control.Hyperlink openOlder = new javafx.scene.control.Hyperlink("Open them from the recording");
    private java.util.function.IntConsumer openInRecording;
    private final BooleanProperty paged = new SimpleBooleanProperty();
    private final PauseTransition filterDelay = new PauseTransition(Duration.millis(200));
    private static final long TRICKLE_REFRESH_NANOS = 50_000_000L;
    private static final long FLOOD_REFRESH_NANOS = 250_000_000L;
    private static final int FLOOD_ROWS = 200;

    private LogRows rows;
    private long filterGeneration;
    private long lastCatchUp;

    public MessageLogView(ConnectionTabModel model, Executor background, Consumer<Frame> onSelect) {
        this.model = model;
        this.background = background;
        getStyleClass().add("message-log");
        this.table = new LogTable(model, relativeTime);
        getChildren().addAll(filterBar(), letGoBar(), table);
        VBox.setVgrow(table, Priority.ALWAYS);
        rows = new LogRows(model.log());
        table.setItems(rows);

        filterDelay.setOnFinished(e -> applyFilter());
        filterField.textProperty().addListener((obs, old, now) -> filterDelay.playFromStart());
        for (ToggleButton t : new ToggleButton[] {regexToggle, sentToggle, receivedToggle, textToggle, binaryToggle, controlToggle}) {
            t.selectedProperty().addListener((obs, old, now) -> applyFilter());
        }
        regexToggle.setSelected(false);
        followToggle.setSelected(true);
        followToggle.selectedProperty().addListener((obs, old, following) -> {
            if (following) {
                rows.showLatest();
                updateCount();
                scrollToEnd();
            } else {
                rows.setFollow(false);
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            onSelect.accept(row == null ? null : model.log().headIfHeld(row.index(), Integer.MAX_VALUE));
        });
        table.setOnMouseClicked(e -> followToggle.setSelected(false));
        model.stateProperty().addListener((obs, old, now) -> {
            if (now == ConnectionState.CONNECTING) {
                applyFilter();
            }
        });
    }

    public BooleanProperty relativeTimeProperty() {
        return relativeTime;
    }

    public TableView<LogRow> table() {
        return table;
    }

    /** The log position of the last row the table holds, or -1 when it holds none. */
    public int newestShownIndex() {
        return rows.isEmpty() ? -1 : rows.logIndex(rows.size() - 1);
    }

    /**
     * Selects the frame at log position {@code logIndex} and scrolls to it (a search result, say);
     * false when the log does not hold it or the filter hides it.
     */
    public boolean reveal(int logIndex) {
        int row = rows.reveal(logIndex);
        if (row < 0) {
            return false;
        }
        followToggle.setSelected(false);
        updateCount();
        table.getSelectionModel().clearAndSelect(row);
        table.scrollTo(Math.max(0, row - 3));
        return true;
    }

    /**
     * Called every pulse. A trickle of messages shows within 50 ms; under a flood the table is
     * refreshed four times a second: nobody reads a log scrolling faster, and each refresh lays
     * out and repaints the whole table, which would otherwise leave the FX thread no time for
     * anything else.
     */
    public void pulse() {
        long now = System.nanoTime();
        int pending = model.log().size() - rows.scanned();
        long interval = pending > FLOOD_ROWS ? FLOOD_REFRESH_NANOS : TRICKLE_REFRESH_NANOS;
        if (pending != 0 && now - lastCatchUp >= interval) {
            lastCatchUp = now;
            catchUp();
        }
    }

    private void catchUp() {
        int before = rows.size();
        rows.catchUp();
        updateCount();
        if (followToggle.isSelected() && rows.size() > before) {
            scrollToEnd();
        }
    }

    /**
     * Moves the view to the newest row. Setting the flow's position reuses the visible cells;
     * {@code TableView.scrollTo} lays the flow out again at once and costs several times more.
     */
    private void scrollToEnd() {
        if (table.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            flow.setPosition(1.0);
        } else {
            table.scrollTo(rows.size() - 1);
        }
    }

    private HBox filterBar() {
        filterField.setPromptText("Filter messages");
        filterField.setId("logFilterField");
        filterField.setLeft(Icons.of(Feather.FILTER, 13));
        HBox.setHgrow(filterField, Priority.ALWAYS);
        regexToggle.setTooltip(new Tooltip("Treat the filter as a regular expression"));
        regexToggle.setMinWidth(Region.USE_PREF_SIZE);
        filterField.setMinWidth(140);
        regexToggle.getStyleClass().add(Styles.BUTTON_OUTLINED);
        for (ToggleButton t : new ToggleButton[] {sentToggle, receivedToggle, textToggle, binaryToggle, controlToggle}) {
            t.setSelected(true);
        }
        sentToggle.getStyleClass().add(Styles.LEFT_PILL);
        receivedToggle.getStyleClass().add(Styles.RIGHT_PILL);
        textToggle.getStyleClass().add(Styles.LEFT_PILL);
        binaryToggle.getStyleClass().add(Styles.CENTER_PILL);
        controlToggle.getStyleClass().add(Styles.RIGHT_PILL);
        ToggleButton timeToggle = toggle(null, Feather.CLOCK, "Show times relative to the connection's start");
        timeToggle.selectedProperty().bindBidirectional(relativeTime);
        countLabel.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        countLabel.setMinWidth(Region.USE_PREF_SIZE);
        Button clear = new Button(null, Icons.of(Feather.X_CIRCLE));
        clear.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        clear.setTooltip(new Tooltip("Clear the filter"));
        clear.setOnAction(e -> filterField.clear());
        HBox bar = new HBox(6, filterField, clear, regexToggle, gap(), new HBox(sentToggle, receivedToggle), gap(),
                new HBox(textToggle, binaryToggle, controlToggle), gap(), timeToggle, followToggle, pager());
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 8, 6, 8));
        bar.getStyleClass().add("log-toolbar");
        updateCount();
        return bar;
    }

    /**
     * Shown once the log has let go of its oldest frames (a very long connection): they are in the
     * recording, and the link opens them there, a page at a time.
     */
    private HBox letGoBar() {
        letGo.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        openOlder.setId("openOlderInRecording");
        openOlder.getStyleClass().add(Styles.TEXT_SMALL);
        openOlder.setOnAction(e -> {
            if (openInRecording != null && model.log().firstRetained() > 0) {
                openInRecording.accept(model.log().firstRetained() - 1);
            }
        });
        openOlder.managedProperty().bind(openOlder.visibleProperty());
        openOlder.setVisible(false);
        HBox bar = new HBox(6, letGo, openOlder);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(0, 8, 4, 8));
        bar.setVisible(false);
        bar.managedProperty().bind(bar.visibleProperty());
        return bar;
    }

    /** What opens a position of this log in the recording (the newest message let go, when asked). */
    public void setOpenInRecording(java.util.function.IntConsumer handler) {
        this.openInRecording = handler;
        openOlder.setVisible(handler != null);
    }

    /** Moves the table's window over logs longer than {@link LogRows#WINDOW} rows. */
    private HBox pager() {
        Button oldest = pageButton(Feather.CHEVRONS_LEFT, "Oldest messages", () -> rows.showOldest());
        Button older = pageButton(Feather.CHEVRON_LEFT, "Older messages", () -> rows.showOlder());
        Button newer = pageButton(Feather.CHEVRON_RIGHT, "Newer messages", () -> rows.showNewer());
        HBox pager = new HBox(2, oldest, older, countLabel, newer);
        pager.setAlignment(Pos.CENTER_LEFT);
        for (Button b : new Button[] {oldest, older, newer}) {
            b.visibleProperty().bind(paged);
            b.managedProperty().bind(paged);
        }
        return pager;
    }

    private Button pageButton(org.kordamp.ikonli.Ikon icon, String tip, Runnable move) {
        Button button = new Button(null, Icons.of(icon, 13));
        button.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        button.setTooltip(new Tooltip(tip));
        button.setOnAction(e -> {
            followToggle.setSelected(false);
            move.run();
            if (rows.atLatest()) {
                followToggle.setSelected(true);
            }
            updateCount();
        });
        return button;
    }

    private static Region gap() {
        Region r = new Region();
        r.setMinWidth(4);
        return r;
    }

    private static ToggleButton toggle(String text, org.kordamp.ikonli.Ikon icon, String tip) {
        ToggleButton t = new ToggleButton(text, icon == null ? null : Icons.of(icon, 13));
        t.getStyleClass().add(Styles.SMALL);
        if (text == null) {
            t.getStyleClass().add(Styles.BUTTON_ICON);
        }
        t.setMinWidth(Region.USE_PREF_SIZE);
        t.setTooltip(new Tooltip(tip));
        t.setFocusTraversable(false);
        return t;
    }

    private LogFilter currentFilter() {
        Set<Direction> directions = EnumSet.noneOf(Direction.class);
        if (sentToggle.isSelected()) {
            directions.add(Direction.SEND);
        }
        if (receivedToggle.isSelected()) {
            directions.add(Direction.RECEIVE);
        }
        Set<LogFilter.Kind> kinds = EnumSet.noneOf(LogFilter.Kind.class);
        if (textToggle.isSelected()) {
            kinds.add(LogFilter.Kind.TEXT);
        }
        if (binaryToggle.isSelected()) {
            kinds.add(LogFilter.Kind.BINARY);
        }
        if (controlToggle.isSelected()) {
            kinds.add(LogFilter.Kind.CONTROL);
        }
        return new LogFilter(filterField.getText(), regexToggle.isSelected(), directions, kinds);
    }

    /** Rebuilds the window: at once when unfiltered, else scanning the log in the background. */
    private void applyFilter() {
        LogFilter filter = currentFilter();
        String problem = filter.problem();
        filterField.pseudoClassStateChanged(Styles.STATE_DANGER, problem != null);
        filterField.setTooltip(problem == null ? null : new Tooltip("Invalid regex: " + problem));
        long generation = ++filterGeneration;
        FrameLog log = model.log();
        if (filter.showsEverything() || problem != null) {
            install(new LogRows(log));
            return;
        }
        IntPredicate matcher = filter.matcher(log);
        int upTo = log.size();
        background.execute(() -> {
            int[] matches = new int[Math.max(16, upTo / 8)];
            int count = 0;
            for (int i = log.firstRetained(); i < upTo; i++) {
                if (matcher.test(i)) {
                    if (count == matches.length) {
                        matches = java.util.Arrays.copyOf(matches, matches.length * 2);
                    }
                    matches[count++] = i;
                }
            }
            int[] found = matches;
            int total = count;
            FxThread.run(() -> {
                if (generation == filterGeneration) {
                    install(new LogRows(log, matcher, found, total, upTo));
                }
            });
        });
    }

    private void install(LogRows next) {
        rows = next;
        rows.setFollow(followToggle.isSelected());
        table.setItems(rows);
        rows.catchUp();
        updateCount();
        if (followToggle.isSelected() && !rows.isEmpty()) {
            scrollToEnd();
        }
    }

    private void updateCount() {
        int logSize = model.log().size();
        int matching = rows == null ? 0 : rows.total();
        paged.set(matching > LogRows.WINDOW);
        String window = matching > LogRows.WINDOW ? String.format(Locale.ROOT, "%,d–%,d of ", rows.windowStart() + 1,
                rows.windowStart() + rows.size()) : "";
        // Messages let go from memory are announced by the bar above the table, not here.
        countLabel.setText(matching == logSize ? String.format(Locale.ROOT, "%s%,d messages", window, logSize)
                : String.format(Locale.ROOT, "%s%,d matching of %,d", window, matching, logSize));
        int gone = model.log().firstRetained();
        boolean show = gone > 0;
        if (letGo.getParent() != null) {
            letGo.getParent().setVisible(show);
        }
        if (show) {
            letGo.setText(String.format(Locale.ROOT, "The oldest %,d messages were let go from memory; they are in the recording.",
                    gone));
        }
    }
}
