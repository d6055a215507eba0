package dev.sockscope.ui.connection;

import atlantafx.base.theme.Styles;
import dev.sockscope.ui.common.Icons;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * The message log: a filter bar over a virtualized table of the connection's messages or frames.
 * The table's items are a window onto the packed log; what the window holds is decided by the
 * {@link MessageLogModel}, to which this view only binds.
 */
public final class MessageLogView extends VBox {
    /** The log's narrowest: its toolbar with the type toggles folded, and a few columns. */
    static final double MIN_WIDTH = 450;
    private final MessageLogModel model;
    private final BooleanProperty relativeTime = new SimpleBooleanProperty();
    private final LogTable table;
    private final Label countLabel = new Label();
    private final Label letGo = new Label();
    private final Hyperlink openOlder = new Hyperlink("Open them from the recording");
    private IntConsumer openInRecording;
    private final LogRowActions rowActions;

    /** @param onSelect hears the selected row's message (message view) or frame (frame view), or null */
    /** The user scrolled down since the last pulse: Follow resumes if that reached the newest row. */
    private boolean scrolledDown;

    public MessageLogView(MessageLogModel model, Consumer<Selection> onSelect) {
        this.model = model;
        getStyleClass().add("message-log");
        this.table = new LogTable(model.connection(), relativeTime);
        javafx.scene.layout.StackPane tableArea = new javafx.scene.layout.StackPane(table, newMessagesButton());
        LogToolbar toolbar = new LogToolbar(model, relativeTime, widthProperty(), () -> table.highlight(highlightPattern()));
        getChildren().addAll(toolbar, letGoBar(), tableArea, pager());
        setMinWidth(MIN_WIDTH);
        VBox.setVgrow(tableArea, Priority.ALWAYS);
        table.setItems(model.rowsProperty().get());
        // An invalidation listener: a change listener compares with equals(), and two empty windows
        // onto different logs are equal lists.
        model.rowsProperty().addListener(obs -> {
            LogRows now = model.rowsProperty().get();
            table.setItems(now);
            if (model.followProperty().get() && !now.isEmpty()) {
                scrollToEnd();
            }
        });

        model.followProperty().addListener((obs, old, following) -> {
            if (following) {
                scrollToEnd();
            }
        });
        countLabel.textProperty().bind(model.countProperty());
        letGo.textProperty().bind(model.letGoProperty());
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> onSelect.accept(selection(row)));
        rowActions = new LogRowActions(table, this::selectedFrame);
        // Picking a row stops following, so the row stays in view; the "new messages" button says
        // what arrives meanwhile and follows again.
        table.setOnMouseClicked(e -> model.followProperty().set(false));
        // Scrolling up to read stops following (the rows under the pointer stay put); scrolling back
        // down to the newest follows again.
        table.addEventFilter(javafx.scene.input.ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() > 0) {
                model.followProperty().set(false);
            } else if (e.getDeltaY() < 0 && !model.followProperty().get()) {
                // Checked at the next pulse, once the rows have moved.
                scrolledDown = true;
            }
        });
        table.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.END && !e.isShiftDown()) {
                e.consume();
                model.followProperty().set(true);
                table.getSelectionModel().clearAndSelect(table.getItems().size() - 1);
                scrollToEnd();
            } else if (e.getCode() == javafx.scene.input.KeyCode.HOME || e.getCode() == javafx.scene.input.KeyCode.PAGE_UP
                    || e.getCode() == javafx.scene.input.KeyCode.UP) {
                model.followProperty().set(false);
            }
        });
    }

    /** Shown over the table's foot while it does not follow and rows arrived: how many, and a way back to them. */
    private Button newMessagesButton() {
        Button button = new Button(null, Icons.of(Feather.ARROW_DOWN, 13));
        button.setId("newMessagesButton");
        button.getStyleClass().addAll(Styles.SMALL, Styles.ACCENT, Styles.ROUNDED, "new-messages");
        button.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            int n = model.unseenProperty().get();
            return String.format(java.util.Locale.ROOT, "%,d new %s", n, n == 1 ? "message" : "messages");
        }, model.unseenProperty()));
        button.visibleProperty().bind(model.unseenProperty().greaterThan(0));
        button.setOnAction(e -> model.followProperty().set(true));
        javafx.scene.layout.StackPane.setAlignment(button, Pos.BOTTOM_CENTER);
        javafx.scene.layout.StackPane.setMargin(button, new Insets(0, 0, 12, 0));
        return button;
    }

    /**
     * The selected row as the detail pane shows it: a message, or a frame as on the wire.
     *
     * @param wireBytes a message's payload bytes as they crossed the wire (compressed, over all its
     *     frames), or -1 when not known
     */
    public record Selection(dev.sockscope.core.Frame frame, dev.sockscope.core.Message message, long wireBytes,
            dev.sockscope.core.Interception interception, dev.sockscope.core.Message counterpart) {
        /** A selection interception did not touch. */
        public Selection(dev.sockscope.core.Frame frame, dev.sockscope.core.Message message, long wireBytes) {
            this(frame, message, wireBytes, null, null);
        }
    }

    private Selection selection(LogRow row) {
        if (row == null) {
            return null;
        }
        var log = model.connection().log();
        if (model.viewProperty().get() == LogView.MESSAGES) {
            var message = log.messageIfHeld(row.index(), Integer.MAX_VALUE);
            if (message != null) {
                var interception = log.interception(row.index());
                return new Selection(null, message, message.compressed() ? log.wireSize(row.index()) : -1, interception,
                        interception == null ? null : counterpart(log, row.index(), interception));
            }
        }
        var frame = log.headIfHeld(row.index(), Integer.MAX_VALUE);
        return frame == null ? null : new Selection(frame, null, -1, log.interception(row.index()), null);
    }

    /**
     * For a replaced message, what was sent in its place (recorded just after it); for a message
     * sent instead, the one it replaced (just before): the nearest such in a few frames, or null.
     */
    private static dev.sockscope.core.Message counterpart(dev.sockscope.app.FrameLog log, int index,
            dev.sockscope.core.Interception interception) {
        boolean original = interception.has(dev.sockscope.core.Interception.REPLACED);
        if (!original && !interception.has(dev.sockscope.core.Interception.SENT_INSTEAD)) {
            return null;
        }
        int step = original ? 1 : -1;
        int want = original ? dev.sockscope.core.Interception.SENT_INSTEAD : dev.sockscope.core.Interception.REPLACED;
        for (int i = index + step, n = 0; n < 16 && i >= 0 && i < log.size(); i += step, n++) {
            var other = log.interception(i);
            if (other != null && other.has(want)) {
                return log.messageIfHeld(i, Integer.MAX_VALUE);
            }
        }
        return null;
    }

    /** The filter as a pattern to highlight: its text (case-insensitive) or its regex; null when empty or invalid. */
    private java.util.regex.Pattern highlightPattern() {
        String query = model.queryProperty().get();
        if (query == null || query.isEmpty()) {
            return null;
        }
        try {
            return model.regexProperty().get() ? java.util.regex.Pattern.compile(query)
                    : java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(query),
                            java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE);
        } catch (java.util.regex.PatternSyntaxException invalid) {
            return null;
        }
    }

    /** The selected row as a frame: the whole message in the message view, the frame in the frame view. */
    private dev.sockscope.core.Frame selectedFrame() {
        Selection s = selection(table.getSelectionModel().getSelectedItem());
        return s == null ? null : s.message() != null ? s.message().asFrame() : s.frame();
    }

    /** Lets rows be sent again, as they were or edited (a live tab's composer). */
    public void setComposerActions(java.util.function.Predicate<dev.sockscope.core.Frame> resend,
            Consumer<dev.sockscope.core.Frame> edit) {
        rowActions.setComposer(new LogRowActions.Composer() {
            @Override
            public boolean resend(dev.sockscope.core.Frame frame) {
                return resend.test(frame);
            }

            @Override
            public void edit(dev.sockscope.core.Frame frame) {
                edit.accept(frame);
            }
        });
    }

    /** Lets a row's text be searched for across the recording. */
    public void setShowInSearch(Consumer<String> search) {
        rowActions.setSearch(search);
    }

    public BooleanProperty relativeTimeProperty() {
        return relativeTime;
    }

    public TableView<LogRow> table() {
        return table;
    }

    public MessageLogModel model() {
        return model;
    }

    /** The log position of the last row the table holds, or -1 when it holds none. */
    public int newestShownIndex() {
        return model.newestShownIndex();
    }

    /**
     * Selects the frame at log position {@code logIndex} and scrolls to it (a search result, say);
     * false when the log does not hold it or the filter hides it.
     */
    public boolean reveal(int logIndex) {
        int row = model.reveal(logIndex);
        if (row < 0) {
            return false;
        }
        table.getSelectionModel().clearAndSelect(row);
        table.scrollTo(Math.max(0, row - 3));
        return true;
    }

    /** Called every pulse: new rows come in at most every 50 ms (250 ms under a flood). */
    public void pulse() {
        if (scrolledDown) {
            scrolledDown = false;
            followAgainAtTheEnd();
        }
        if (model.pulse(System.nanoTime())) {
            scrollToEnd();
        } else if (model.followProperty().get() && lastRowHidden()) {
            // A position set before the table knew its new rows can land short of the end: put it right.
            if (table.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
                flow.scrollTo(table.getItems().size() - 1);
            }
        }
    }

    /** Follows again once the user has scrolled the newest row wholly into view. */
    private void followAgainAtTheEnd() {
        if (!model.followProperty().get() && !table.getItems().isEmpty() && !lastRowHidden()) {
            model.followProperty().set(true);
        }
    }

    /** True when the table has rows and the newest is not wholly in view. */
    private boolean lastRowHidden() {
        int last = table.getItems().size() - 1;
        if (last < 0 || !(table.lookup(".virtual-flow") instanceof VirtualFlow<?> flow)) {
            return false;
        }
        var cell = flow.getLastVisibleCell();
        if (cell == null) {
            return false;
        }
        return cell.getIndex() < last
                || cell.getLayoutY() + cell.getHeight() > flow.getHeight() - horizontalBarHeight(flow) + 0.5;
    }

    private static double horizontalBarHeight(VirtualFlow<?> flow) {
        for (javafx.scene.Node child : flow.getChildrenUnmodifiable()) {
            if (child instanceof javafx.scene.control.ScrollBar bar && bar.getOrientation() == javafx.geometry.Orientation.HORIZONTAL
                    && bar.isVisible()) {
                return bar.getHeight();
            }
        }
        return 0;
    }

    /**
     * Moves the view to the newest row. Setting the flow's position reuses the visible cells;
     * {@code TableView.scrollTo} lays the flow out again at once and costs several times more.
     */
    private void scrollToEnd() {
        if (table.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            flow.setPosition(1.0);
        } else {
            table.scrollTo(table.getItems().size() - 1);
        }
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
            int first = model.connection().log().firstRetained();
            if (openInRecording != null && first > 0) {
                openInRecording.accept(first - 1);
            }
        });
        openOlder.managedProperty().bind(openOlder.visibleProperty());
        openOlder.setVisible(false);
        HBox bar = new HBox(6, letGo, openOlder);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(0, 8, 4, 8));
        bar.visibleProperty().bind(model.letGoProperty().isNotEmpty());
        bar.managedProperty().bind(bar.visibleProperty());
        return bar;
    }

    /** What opens a position of this log in the recording (the newest message let go, when asked). */
    public void setOpenInRecording(IntConsumer handler) {
        this.openInRecording = handler;
        openOlder.setVisible(handler != null);
    }

    /**
     * The count under the table, with the buttons that move the table's window over logs longer
     * than {@link LogRows#WINDOW} rows: below the table, so the toolbar's controls stay where they
     * are however long the count grows.
     */
    private HBox pager() {
        Button oldest = pageButton(Feather.CHEVRONS_LEFT, "Oldest messages", model::showOldest);
        Button older = pageButton(Feather.CHEVRON_LEFT, "Older messages", model::showOlder);
        Button newer = pageButton(Feather.CHEVRON_RIGHT, "Newer messages", model::showNewer);
        countLabel.setId("logCount");
        countLabel.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        countLabel.setMinWidth(Region.USE_PREF_SIZE);
        Button clear = new Button("Clear", Icons.of(Feather.SLASH, 12));
        clear.setId("clearLogButton");
        clear.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        clear.setTooltip(new Tooltip("Empty this view; the recording keeps every message (search finds them)"));
        clear.setOnAction(e -> model.clear());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox pager = new HBox(2, clear, spacer, oldest, older, countLabel, newer);
        pager.setAlignment(Pos.CENTER_RIGHT);
        pager.setPadding(new Insets(2, 8, 2, 8));
        pager.getStyleClass().add("log-footer");
        for (Button b : new Button[] {oldest, older, newer}) {
            b.visibleProperty().bind(model.pagedProperty());
            b.managedProperty().bind(model.pagedProperty());
        }
        return pager;
    }

    private static Button pageButton(org.kordamp.ikonli.Ikon icon, String tip, Runnable move) {
        Button button = new Button(null, Icons.of(icon, 13));
        button.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        button.setTooltip(new Tooltip(tip));
        button.setOnAction(e -> move.run());
        return button;
    }

}
