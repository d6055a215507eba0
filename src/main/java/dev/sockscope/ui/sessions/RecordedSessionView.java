package dev.sockscope.ui.sessions;

import atlantafx.base.theme.Styles;
import dev.sockscope.app.RecordingQueries;
import dev.sockscope.app.TlsInspection;
import dev.sockscope.app.Transfers;
import dev.sockscope.core.ConnectionState;
import dev.sockscope.core.RecordedConnection;
import dev.sockscope.core.SessionEvent;
import dev.sockscope.ui.common.Icons;
import dev.sockscope.ui.connection.ConnectionView;
import dev.sockscope.ui.connection.FailureBanner;
import dev.sockscope.ui.connection.StateStyles;
import dev.sockscope.ui.fx.Background;
import dev.sockscope.ui.fx.TaskSlot;
import dev.sockscope.ui.model.ConnectionModel;
import dev.sockscope.ui.model.Pager;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import org.kordamp.ikonli.feather.Feather;

/**
 * A recorded session reopened read-only: its connections on the left, in the order they were
 * made; the selected one on the right in the same views as a live tab (message log, detail,
 * handshake, certificate, status), loaded from the recording off the FX thread.
 */
public final class RecordedSessionView extends BorderPane {
    private static final int DEFAULT_PAGE = 100_000;
    private static final DateTimeFormatter RECORDED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private final RecordingQueries queries;
    private java.util.function.Consumer<ConnectionView> onShown = view -> { };
    private final Transfers transfers;
    private final TlsInspection tls;
    private final Background background;
    private final TaskSlot loading;
    /** Reads the list; a refresh replaces a read still running, so two quick F5s cannot land out of order. */
    private final TaskSlot listing;
    private final String session;
    private final BooleanProperty relativeTime;
    private final ListView<RecordedConnection> list = new ListView<>();
    private final StackPane detail = new StackPane();
    private final Label status = new Label("Loading the session…");
    private ConnectionView shown;
    private boolean disposed;
    private long pendingConnection = -1;
    private int pendingSeq = -1;
    /** Frames shown at a time: a page of the recording, never the whole connection. */
    private final Pager pages;
    private int pageStart;
    private final Label pageLabel = new Label();
    private final Button oldest = pageButton(Feather.CHEVRONS_LEFT, "Oldest messages");
    private final Button older = pageButton(Feather.CHEVRON_LEFT, "Older messages");
    private final Button newer = pageButton(Feather.CHEVRON_RIGHT, "Newer messages");
    private final Button newest = pageButton(Feather.CHEVRONS_RIGHT, "Newest messages");
    private final HBox pager = new HBox(4, oldest, older, pageLabel, newer, newest);
    /** Replay, mock and compare, once the window has given what they need; null before. */
    private ReproduceActions reproduce;

    public RecordedSessionView(RecordingQueries queries, Transfers transfers, TlsInspection tls, Background background,
            String session, BooleanProperty relativeTime) {
        this(queries, transfers, tls, background, session, relativeTime, DEFAULT_PAGE);
    }

    /** @param pageSize how many frames of a connection are read and shown at a time */
    public RecordedSessionView(RecordingQueries queries, Transfers transfers, TlsInspection tls, Background background,
            String session, BooleanProperty relativeTime, int pageSize) {
        this.queries = queries;
        this.transfers = transfers;
        this.tls = tls;
        this.background = background;
        this.loading = background.slot();
        this.listing = background.slot();
        this.pages = new Pager(pageSize, pageSize);
        pager.setAlignment(Pos.CENTER_LEFT);
        pager.setPadding(new Insets(6, 12, 0, 12));
        pageLabel.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        pageLabel.setId("recordedPage");
        this.session = session;
        this.relativeTime = relativeTime;
        getStyleClass().add("recorded-session");
        list.setId("recordedConnections");
        list.setCellFactory(v -> new RecordedConnectionCell(queries::isRecordingNow));
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> show(now));
        list.setPlaceholder(new Label("No connections recorded in this session"));

        Label title = new Label(session, Icons.of(Feather.ARCHIVE, 14));
        title.getStyleClass().add(Styles.TITLE_4);
        status.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        status.setWrapText(true);
        MenuItem exportConnection = new MenuItem("This connection…");
        exportConnection.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        exportConnection.setOnAction(e -> exportSelected());
        MenuItem exportSession = new MenuItem("The whole session…");
        exportSession.setOnAction(e -> {
            long frames = list.getItems().stream().mapToLong(RecordedConnection::frames).sum();
            ExportDialog.run(getScene().getWindow(), "session \u201c" + session + "\u201d", session, () -> frames,
                    background, (format, file, progress) -> transfers.export(session, format, file, progress));
        });
        MenuButton export = new MenuButton("Export…", Icons.of(Feather.DOWNLOAD, 13), exportConnection,
                exportSession);
        export.getStyleClass().add(Styles.SMALL);
        export.setTooltip(new javafx.scene.control.Tooltip("Export this connection or the whole session as HAR or JSON Lines"));
        export.setMaxWidth(Double.MAX_VALUE);
        Button refresh = new Button(null, Icons.of(Feather.REFRESH_CW, 13));
        refresh.setId("refreshRecording");
        refresh.getStyleClass().add(Styles.SMALL);
        refresh.setTooltip(new javafx.scene.control.Tooltip("Read the session again: what connections still open"
                + " have recorded since (F5)"));
        refresh.setOnAction(e -> refresh());
        setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.F5) {
                refresh();
                e.consume();
            }
        });
        HBox actions = new HBox(6, export, refresh);
        HBox.setHgrow(export, Priority.ALWAYS);
        VBox side = new VBox(6, title, status, list, actions);
        side.setPadding(new Insets(10, 8, 8, 10));
        VBox.setVgrow(list, Priority.ALWAYS);
        // Narrow enough that at 1024 px the log and the detail pane beside it still fit whole.
        side.setMinWidth(170);
        side.setMaxWidth(380);

        Label pick = new Label("Select a connection to see its messages, handshake and certificates as recorded.");
        pick.getStyleClass().add(Styles.TEXT_MUTED);
        detail.getChildren().add(pick);

        SplitPane split = new SplitPane(side, detail);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.17);
        SplitPane.setResizableWithParent(side, false);
        setCenter(split);
        load();
    }

    public String session() {
        return session;
    }

    /**
     * Offers replay, mock and compare on the selected connection.
     *
     * @param openComparison shows a comparison in a tab of its own
     * @param openSession shows a recorded session (where a replay went)
     */
    public void enableReproductions(dev.sockscope.app.Reproductions reproductions,
            java.util.function.Consumer<dev.sockscope.ui.compare.ComparisonView> openComparison,
            java.util.function.Consumer<String> openSession) {
        reproduce = new ReproduceActions(reproductions, background, () -> list.getSelectionModel().getSelectedItem(),
                () -> getScene() == null ? null : getScene().getWindow(), openComparison, openSession);
        reproduce.selectionChanged(list.getSelectionModel().getSelectedItem());
        // Two selected (Ctrl+click) are compared with each other at once.
        list.getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.MULTIPLE);
        list.getSelectionModel().getSelectedItems().addListener((javafx.collections.ListChangeListener<RecordedConnection>)
                change -> reproduce.selectedTogether(List.copyOf(list.getSelectionModel().getSelectedItems())));
        RecordedConnection selected = list.getSelectionModel().getSelectedItem();
        if (selected != null) {
            show(selected);
        }
    }

    /** The replay, mock and compare actions, or null before {@link #enableReproductions}. */
    public ReproduceActions reproductions() {
        return reproduce;
    }

    /** The connection shown on the right, or null before one is selected. */
    /** Told of each connection view this shows (the window gives it the user's divider position). */
    public void setOnConnectionShown(java.util.function.Consumer<ConnectionView> listener) {
        this.onShown = listener;
    }

    public ConnectionView shownConnection() {
        return shown;
    }

    public ListView<RecordedConnection> connections() {
        return list;
    }

    /** Shows one recorded message: selects its connection and, once loaded, the message in the log. */
    public void reveal(long connectionId, int seq) {
        pendingConnection = connectionId;
        pendingSeq = seq;
        selectPending();
    }

    private void exportSelected() {
        RecordedConnection selected = list.getSelectionModel().getSelectedItem();
        if (selected != null) {
            ExportDialog.run(getScene().getWindow(), selected.url(), session + "-" + selected.id(), selected::frames,
                    background, (format, file, progress) -> transfers.exportConnection(selected.id(), format, file, progress));
        }
    }

    /**
     * Reads the list again, keeping the selected connection: every count shown is then as of
     * this moment, the same as the sessions menu and {@code sockscope sessions} would say.
     */
    public void refresh() {
        RecordedConnection selected = list.getSelectionModel().getSelectedItem();
        if (selected != null && pendingConnection != selected.id()) {
            pendingConnection = selected.id();
            pendingSeq = -1;
        }
        load();
    }

    private void load() {
        listing.submit(control -> queries.connectionsOf(session), this::loaded,
                e -> status.setText("Cannot read the session: " + e.getMessage()));
    }

    private void loaded(List<RecordedConnection> connections) {
        if (disposed) {
            return;
        }
        long frames = connections.stream().mapToLong(RecordedConnection::frames).sum();
        long recording = connections.stream().filter(c -> c.end() == null && queries.isRecordingNow(c.id())).count();
        status.setText(String.format(Locale.ROOT, "%,d connection%s, %,d messages%s. Read-only: exactly as recorded.",
                connections.size(), connections.size() == 1 ? "" : "s", frames,
                recording == 0 ? "" : String.format(Locale.ROOT, " so far (%,d still recording: F5 reads the newer)", recording)));
        list.getItems().setAll(connections);
        if (!selectPending() && !connections.isEmpty()) {
            list.getSelectionModel().selectFirst();
        }
    }

    private boolean selectPending() {
        for (RecordedConnection c : list.getItems()) {
            if (c.id() == pendingConnection) {
                if (list.getSelectionModel().getSelectedItem() == c) {
                    revealPendingMessage();
                } else {
                    list.getSelectionModel().select(c);
                    list.scrollTo(c);
                }
                return true;
            }
        }
        return false;
    }

    private void show(RecordedConnection connection) {
        if (connection == null || disposed) {
            loading.cancel();
            disposeShown();
            return;
        }
        boolean revealing = connection.id() == pendingConnection && pendingSeq >= 0;
        load(connection, revealing ? pages.around(pendingSeq, 0, total(connection)) : pages.newest(total(connection)));
    }

    private static int total(RecordedConnection connection) {
        return (int) Math.min(Integer.MAX_VALUE, connection.wireFrames());
    }

    /**
     * Shows one page of the connection: at most a page of frames streamed from the
     * recording, so memory does not grow with the connection, however long it was.
     */
    private void load(RecordedConnection connection, int start) {
        disposeShown();
        pageStart = start;
        ConnectionModel model = ConnectionModel.recorded(background.ui(), connection,
                connection.end() == null && queries.isRecordingNow(connection.id()));
        shown = new ConnectionView(model, background, relativeTime, tls, null);
        onShown.accept(shown);
        VBox.setVgrow(shown, Priority.ALWAYS);
        updatePager(connection);
        VBox top = new VBox(recordedBar(connection));
        if (reproduce != null) {
            reproduce.selectionChanged(connection);
            top.getChildren().addAll(reproduce.buttons(), reproduce.banner());
        }
        top.getChildren().addAll(new FailureBanner(model, null), pager, shown);
        detail.getChildren().setAll(top);
        // Up to the count listed, not beyond: a connection still recording has more by now, which a refresh shows.
        int upTo = Math.max(0, Math.min(pages.size(), total(connection) - start));
        loading.submit(control -> queries.framesOf(connection.id(), start, upTo, recorded -> {
            control.checkCancelled();
            model.log().append(recorded.frame(), recorded.message(), recorded.interception());
        }), loaded -> revealPendingMessage(), e -> status.setText("Cannot read the messages: " + e.getMessage()));
    }

    /** The recorded connection's URL and when it was recorded, and plainly that it is read-only. */
    private HBox recordedBar(RecordedConnection recorded) {
        Circle dot = new Circle(5);
        dot.getStyleClass().add("state-dot");
        StateStyles.apply(dot, recorded.end() instanceof SessionEvent.Failed ? ConnectionState.FAILED : ConnectionState.CLOSED);
        Label address = new Label(recorded.url(), dot);
        address.getStyleClass().add("recorded-url");
        address.setMinWidth(0);
        HBox.setHgrow(address, Priority.ALWAYS);
        Label when = new Label(RECORDED_AT.format(Instant.ofEpochSecond(recorded.startedMicros() / 1_000_000,
                recorded.startedMicros() % 1_000_000 * 1000)) + "  \u00b7  " + recorded.session() + "  \u00b7  "
                + recorded.origin().storedName());
        when.getStyleClass().add(Styles.TEXT_MUTED);
        when.setMinWidth(Region.USE_PREF_SIZE);
        Label badge = new Label("Recorded, read-only", Icons.of(Feather.ARCHIVE, 12));
        badge.getStyleClass().add("recorded-badge");
        badge.setMinWidth(Region.USE_PREF_SIZE);
        badge.setTooltip(new javafx.scene.control.Tooltip(
                "Reopened from the recording: exactly what was sent and received. Nothing can be sent."));
        HBox bar = new HBox(10, address, when, badge);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(10, 12, 8, 12));
        return bar;
    }

    private void disposeShown() {
        if (shown != null) {
            shown.dispose();
            shown = null;
        }
    }

    /** The page bar: which messages of how many are shown, and buttons to the others. Hidden for one page. */
    private void updatePager(RecordedConnection connection) {
        int total = total(connection);
        boolean paged = pages.paged(total);
        pager.setVisible(paged);
        pager.setManaged(paged);
        String unit = connection.wireFrames() == connection.frames() ? "Messages " : "Frames ";
        pageLabel.setText(unit + Pager.range(pageStart, Math.min(pages.size(), total - pageStart), total)
                + ", read from the recording a page at a time (the counts below are for this page)");
        int last = pages.newest(total);
        oldest.setDisable(pageStart == 0);
        older.setDisable(pageStart == 0);
        newer.setDisable(pageStart >= last);
        newest.setDisable(pageStart >= last);
        oldest.setOnAction(e -> load(connection, 0));
        older.setOnAction(e -> load(connection, pages.older(pageStart, 0)));
        newer.setOnAction(e -> load(connection, pages.newer(pageStart, total)));
        newest.setOnAction(e -> load(connection, last));
    }

    private void revealPendingMessage() {
        RecordedConnection selected = list.getSelectionModel().getSelectedItem();
        if (shown == null || selected == null || selected.id() != pendingConnection || pendingSeq < 0) {
            return;
        }
        if (pendingSeq < pageStart || pendingSeq >= pageStart + pages.size()) {
            load(selected, pages.around(pendingSeq, 0, total(selected)));
            return;
        }
        shown.log().pulse();
        if (shown.log().reveal(pendingSeq - pageStart)) {
            pendingSeq = -1;
        }
    }

    /** Closes the view: stops any load and the shown connection's pulse. */
    public void dispose() {
        disposed = true;
        if (reproduce != null) {
            reproduce.dispose();
        }
        loading.cancel();
        disposeShown();
    }

    private static Button pageButton(Feather icon, String tip) {
        Button b = new Button(null, Icons.of(icon, 13));
        b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        b.setTooltip(new javafx.scene.control.Tooltip(tip));
        return b;
    }
}
