package dev.sockscope.ui.connection;

import dev.sockscope.app.FrameLog;
import dev.sockscope.core.ConnectionState;
import dev.sockscope.core.Direction;
import dev.sockscope.ui.fx.Background;
import dev.sockscope.ui.fx.TaskSlot;
import dev.sockscope.ui.model.ConnectionModel;
import dev.sockscope.ui.model.Pager;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntPredicate;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What the message log shows of a connection's frames: messages or wire frames, filtered by text
 * or regex, direction and kind, as a window of rows ({@link LogRows}) that follows the newest one
 * or is paged by the user. Filtering a large log runs in the background and swaps the window in
 * when done (a newer filter wins). The view binds to it and calls {@link #pulse()} once per frame;
 * everything here runs on the UI thread, and none of it needs the JavaFX toolkit.
 */
public final class MessageLogModel {
    private static final long TRICKLE_REFRESH_NANOS = 50_000_000L;
    private static final long FLOOD_REFRESH_NANOS = 250_000_000L;
    private static final int FLOOD_ROWS = 200;

    private final ConnectionModel connection;
    private final TaskSlot filtering;
    private final StringProperty query = new SimpleStringProperty("");
    private final BooleanProperty regex = new SimpleBooleanProperty();
    private final BooleanProperty sent = new SimpleBooleanProperty(true);
    private final BooleanProperty received = new SimpleBooleanProperty(true);
    private final BooleanProperty text = new SimpleBooleanProperty(true);
    private final BooleanProperty binary = new SimpleBooleanProperty(true);
    private final BooleanProperty control = new SimpleBooleanProperty(true);
    private final ObjectProperty<LogView> view = new SimpleObjectProperty<>(LogView.MESSAGES);
    private final BooleanProperty follow = new SimpleBooleanProperty(true);
    private final ReadOnlyObjectWrapper<LogRows> rows = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper count = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper letGo = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper filterProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper paged = new ReadOnlyBooleanWrapper();
    /** Rows that arrived while the view did not follow: what the "new messages" button says. */
    private final javafx.beans.property.ReadOnlyIntegerWrapper unseen = new javafx.beans.property.ReadOnlyIntegerWrapper();
    private long lastCatchUp;
    /** Rows before this log position are hidden (the user cleared the view; the recording keeps them). */
    private int clearedBefore;
    /** A background scan for the current filter is running: its rows will be installed when done. */
    private boolean scanPending;

    public MessageLogModel(ConnectionModel connection, Background background) {
        this.connection = connection;
        this.filtering = background.slot();
        rows.set(new LogRows(connection.log(), view.get()));
        for (var toggle : new BooleanProperty[] {regex, sent, received, text, binary, control}) {
            toggle.addListener((obs, old, now) -> applyFilter());
        }
        view.addListener((obs, old, now) -> applyFilter());
        connection.logProperty().addListener((obs, old, now) -> {
            clearedBefore = 0;
            applyFilter();
        });
        connection.stateProperty().addListener((obs, old, now) -> {
            if (now == ConnectionState.CONNECTING) {
                applyFilter();
            }
        });
        follow.addListener((obs, old, following) -> {
            unseen.set(0);
            if (following) {
                rows.get().showLatest();
            } else {
                rows.get().setFollow(false);
            }
            updateCount();
        });
        applyFilter();
    }

    /** The filter as the inputs say it now. */
    public LogFilter currentFilter() {
        Set<Direction> directions = EnumSet.noneOf(Direction.class);
        if (sent.get()) {
            directions.add(Direction.SEND);
        }
        if (received.get()) {
            directions.add(Direction.RECEIVE);
        }
        Set<LogFilter.Kind> kinds = EnumSet.noneOf(LogFilter.Kind.class);
        if (text.get()) {
            kinds.add(LogFilter.Kind.TEXT);
        }
        if (binary.get()) {
            kinds.add(LogFilter.Kind.BINARY);
        }
        if (control.get()) {
            kinds.add(LogFilter.Kind.CONTROL);
        }
        return new LogFilter(query.get(), regex.get(), directions, kinds);
    }

    /**
     * Rebuilds the window: at once when every frame is listed as it is, else by scanning the log in
     * the background. Call after the query text changed (the view waits until typing pauses).
     */
    public void applyFilter() {
        LogFilter filter = currentFilter();
        String problem = filter.problem();
        filterProblem.set(problem == null ? "" : problem);
        FrameLog log = connection.log();
        LogView mode = view.get();
        if (problem != null) {
            // Keep what is shown while the regex is being typed; only a new connection's log replaces it.
            if (rows.get().log() != log) {
                filtering.cancel();
                scanPending = false;
                install(new LogRows(log, mode));
            }
            return;
        }
        boolean everyFrameIsARow = mode == LogView.FRAMES || !log.framesDifferFromMessages();
        int floor = Math.min(clearedBefore, log.size());
        if (filter.showsEverything() && everyFrameIsARow && floor == 0) {
            filtering.cancel();
            scanPending = false;
            install(new LogRows(log, mode));
            return;
        }
        IntPredicate filtered = filter.matcher(log, mode);
        IntPredicate matcher = floor == 0 ? filtered : i -> i >= floor && filtered.test(i);
        int upTo = log.size();
        scanPending = true;
        filtering.submit(control -> {
            int[] matches = new int[Math.max(16, upTo / 8)];
            int found = 0;
            for (int i = Math.max(log.firstRetained(), floor); i < upTo; i++) {
                if ((i & 0xFFF) == 0) {
                    control.checkCancelled();
                }
                if (matcher.test(i)) {
                    if (found == matches.length) {
                        matches = Arrays.copyOf(matches, matches.length * 2);
                    }
                    matches[found++] = i;
                }
            }
            return new LogRows(log, mode, matcher, matches, found, upTo);
        }, scanned -> {
            scanPending = false;
            install(scanned);
        }, failed -> {
            scanPending = false;
            install(new LogRows(log, mode));
        });
    }

    private void install(LogRows next) {
        next.setFollow(follow.get());
        next.catchUp();
        rows.set(next);
        updateCount();
    }

    /**
     * Called every frame. A trickle of messages shows within 50 ms; under a flood the window is
     * refreshed four times a second: nobody reads a log scrolling faster, and each refresh lays out
     * and repaints the whole table. Returns true when rows were added (a following view scrolls).
     */
    public boolean pulse(long nanoTime) {
        LogRows current = rows.get();
        FrameLog log = connection.log();
        if (current.isUnfiltered() && current.view() == LogView.MESSAGES && log.framesDifferFromMessages()
                && !scanPending && filterProblem.get().isEmpty()) {
            // A fragment or a compressed message arrived: the message view needs its filtered window now
            // (asked once; the scan's rows come when it is done).
            applyFilter();
            return false;
        }
        int pending = log.size() - current.scanned();
        long interval = pending > FLOOD_ROWS ? FLOOD_REFRESH_NANOS : TRICKLE_REFRESH_NANOS;
        if (pending == 0 || nanoTime - lastCatchUp < interval) {
            return false;
        }
        lastCatchUp = nanoTime;
        int before = current.total();
        current.catchUp();
        updateCount();
        int added = current.total() - before;
        if (!follow.get() && added > 0) {
            unseen.set(unseen.get() + added);
        }
        return follow.get() && added > 0;
    }

    /**
     * Empties the view: what was logged so far is no longer listed (the recording keeps it, and a
     * search finds it); what comes next is. A new connection starts with a full view again.
     */
    public void clear() {
        clearedBefore = connection.log().size();
        follow.set(true);
        applyFilter();
    }

    /** True while the view hides what came before a clear. */
    public boolean isCleared() {
        return clearedBefore > 0;
    }

    /** Moves the window to the frame at this log position; its row in the window, or -1 when hidden or not held. */
    public int reveal(int logIndex) {
        int row = rows.get().reveal(logIndex);
        if (row >= 0) {
            follow.set(false);
            updateCount();
        }
        return row;
    }

    public void showOldest() {
        page(() -> rows.get().showOldest());
    }

    public void showOlder() {
        page(() -> rows.get().showOlder());
    }

    public void showNewer() {
        page(() -> rows.get().showNewer());
    }

    private void page(Runnable move) {
        follow.set(false);
        move.run();
        if (rows.get().atLatest()) {
            follow.set(true);
        }
        updateCount();
    }

    private void updateCount() {
        LogRows current = rows.get();
        FrameLog log = connection.log();
        int matching = current.total();
        boolean windowed = LogRows.PAGER.paged(matching);
        paged.set(windowed);
        String unit = (view.get() == LogView.FRAMES ? "frame" : "message") + (matching == 1 ? "" : "s");
        long all = view.get() == LogView.FRAMES || !log.framesDifferFromMessages() ? log.size()
                : log.count(Direction.SEND) + log.count(Direction.RECEIVE);
        String shown = windowed ? Pager.range(current.windowStart(), current.size(), matching)
                : String.format(Locale.ROOT, "%,d", matching);
        if (clearedBefore > 0 && currentFilter().showsEverything()) {
            count.set(String.format(Locale.ROOT, "%s %s since cleared (%,d in all)", shown, unit, all));
        } else {
            count.set(matching == all ? shown + " " + unit
                    : String.format(Locale.ROOT, "%s matching of %,d %s", shown, all, unit));
        }
        int gone = log.firstRetained();
        letGo.set(gone == 0 ? "" : String.format(Locale.ROOT,
                "The oldest %,d frames were let go from memory; they are in the recording.", gone));
    }

    /** The log position of the newest row the window holds, or -1 when it holds none. */
    public int newestShownIndex() {
        LogRows current = rows.get();
        return current.isEmpty() ? -1 : current.logIndex(current.size() - 1);
    }

    public ReadOnlyObjectProperty<LogRows> rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    public StringProperty queryProperty() {
        return query;
    }

    public BooleanProperty regexProperty() {
        return regex;
    }

    public BooleanProperty sentProperty() {
        return sent;
    }

    public BooleanProperty receivedProperty() {
        return received;
    }

    public BooleanProperty textProperty() {
        return text;
    }

    public BooleanProperty binaryProperty() {
        return binary;
    }

    public BooleanProperty controlProperty() {
        return control;
    }

    public ObjectProperty<LogView> viewProperty() {
        return view;
    }

    /** Rows that arrived since the view stopped following (0 while it follows). */
    public javafx.beans.property.ReadOnlyIntegerProperty unseenProperty() {
        return unseen.getReadOnlyProperty();
    }

    public BooleanProperty followProperty() {
        return follow;
    }

    /** "1,234 messages", "12 matching of 1,234 messages", with the window when paged. */
    public ReadOnlyStringProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    /** What the log let go from memory, or empty. */
    public ReadOnlyStringProperty letGoProperty() {
        return letGo.getReadOnlyProperty();
    }

    /** Why the regex is invalid, or empty. */
    public ReadOnlyStringProperty filterProblemProperty() {
        return filterProblem.getReadOnlyProperty();
    }

    /** True when the rows are more than one window and the pager shows. */
    public ReadOnlyBooleanProperty pagedProperty() {
        return paged.getReadOnlyProperty();
    }

    public ConnectionModel connection() {
        return connection;
    }
}
