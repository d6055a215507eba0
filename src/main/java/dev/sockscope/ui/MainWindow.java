package dev.sockscope.ui;

import atlantafx.base.theme.Styles;
import dev.sockscope.app.AppContext;
import dev.sockscope.app.Retention;
import dev.sockscope.app.Settings;
import dev.sockscope.app.TabState;
import dev.sockscope.core.ConnectionState;
import dev.sockscope.ui.common.Icons;
import dev.sockscope.ui.common.Theme;
import dev.sockscope.ui.connection.ClientTabModel;
import dev.sockscope.ui.connection.ConnectionTabView;
import dev.sockscope.ui.connection.ConnectionView;
import dev.sockscope.ui.fx.Background;
import dev.sockscope.ui.sessions.RecordedSessionView;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import org.kordamp.ikonli.feather.Feather;

/** The main window's content: a header with the new-tab button and theme switch, and the tabs. */
public final class MainWindow extends BorderPane {
    private final AppContext app;
    private final Background background;
    /** The log's share of a connection view's width, as the user last set it (0: the default). */
    private double logShare;
    /** Saved messages every tab offers, besides its own; kept with the settings. */
    private final javafx.collections.ObservableList<TabState.SavedMessage> sharedMessages =
            javafx.collections.FXCollections.observableArrayList();
    private final TabPane tabs = new TabPane();
    private final BooleanProperty relativeTime = new SimpleBooleanProperty();
    private final ToggleButton darkToggle = new ToggleButton();
    private final StackPane center = new StackPane();
    private final RecordingStatusLabel recordingStatus;
    private javafx.scene.control.TextField searchBox;
    private final javafx.beans.property.ObjectProperty<Retention> retention = new javafx.beans.property.SimpleObjectProperty<>();
    private dev.sockscope.ui.sessions.SessionMenu sessionMenu;
    private final dev.sockscope.ui.proxy.ProxyPanelModel proxy;

    public MainWindow(AppContext app, Settings settings, Background background) {
        this.app = app;
        this.background = background;
        this.proxy = new dev.sockscope.ui.proxy.ProxyPanelModel(app, background);
        this.recordingStatus = new RecordingStatusLabel(app.recording(), app.sessions());
        proxy.preferencesProperty().set(settings.proxy());
        this.logShare = settings.logShare();
        sharedMessages.setAll(settings.sharedMessages());
        retention.set(settings.retention());
        getStyleClass().add("main-window");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        tabs.setTabDragPolicy(TabPane.TabDragPolicy.REORDER);
        VBox empty = emptyState();
        center.getChildren().addAll(empty, tabs);
        tabs.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(tabs.getTabs()));
        empty.visibleProperty().bind(tabs.visibleProperty().not());
        setTop(header());
        setCenter(center);

        relativeTime.set(settings.relativeTime());
        try {
            app.sessions().useSession(settings.session());
        } catch (dev.sockscope.app.UserFacingException badName) {
            // A session name saved by an older version that is no longer allowed: record into the default.
            app.sessions().useSession("default");
        }
        refreshRecordingStatus();
        // A recorder that stops (disk full, file made read-only) says so in the header at once.
        app.recording().onChange(() -> background.ui().run(this::refreshRecordingStatus));
        // The standing retention rule is applied at start, once the user has seen what it removes.
        if (!settings.retention().isOff()) {
            background.ui().run(() -> sessionMenu.reviewRetention(settings.retention(), false));
        }
        darkToggle.setSelected(Theme.DARK.equals(settings.theme()));
        tabs.getTabs().addListener((javafx.collections.ListChangeListener<Tab>) change -> retitleTabs());
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            for (Tab tab : tabs.getTabs()) {
                TabContents.setInFront(tab, tab == now);
            }
        });
        for (TabState saved : settings.tabs()) {
            openTab(saved);
        }
        if (tabs.getTabs().isEmpty()) {
            openTab(TabState.blank());
        }
        tabs.getSelectionModel().select(Math.max(0, Math.min(settings.selectedTab(), tabs.getTabs().size() - 1)));
        darkToggle.selectedProperty().addListener((obs, old, dark) -> {
            if (getScene() != null) {
                Theme.apply(dark ? Theme.DARK : Theme.LIGHT, getScene());
            }
        });
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN),
                        this::openBlankTab);
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN),
                        this::closeSelectedTab);
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN),
                        () -> searchBox.requestFocus());
                // At launch the keyboard goes to the front tab's URL, so typed text is not lost.
                background.ui().run(() -> {
                    if (tabs.getSelectionModel().getSelectedItem() != null
                            && tabs.getSelectionModel().getSelectedItem().getContent() instanceof ConnectionTabView front) {
                        front.focusUrl();
                    }
                });
            }
        });
    }

    private HBox header() {
        ImageView logo = new ImageView(new Image(getClass().getResourceAsStream("/dev/sockscope/ui/icons/sockscope-32.png")));
        logo.setFitWidth(22);
        logo.setFitHeight(22);
        Label name = new Label("Sockscope");
        name.getStyleClass().addAll(Styles.TITLE_4, "app-name");
        // In a narrow window the recording's status gives way (it ellipsizes), not the name or the switches.
        name.setMinWidth(Region.USE_PREF_SIZE);
        Button newTab = new Button(null, Icons.of(Feather.PLUS, 16));
        newTab.setId("newTabButton");
        newTab.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        newTab.setTooltip(new Tooltip("New connection tab (Ctrl+T)"));
        newTab.setOnAction(e -> openBlankTab());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        darkToggle.setGraphic(Icons.of(Feather.MOON, 15));
        darkToggle.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        darkToggle.setTooltip(new Tooltip("Dark theme"));
        sessionMenu = new dev.sockscope.ui.sessions.SessionMenu(app.sessions(), app.transfers(), background,
                this::refreshRecordingStatus, this::showActivity, this::openRecordedSession, retention);
        HBox header = new HBox(8, logo, name, newTab, spacer, new dev.sockscope.ui.proxy.ProxySwitch(proxy, this::showProxyTab),
                recordingLabel(), sessionMenu, searchField(), darkToggle);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(6, 10, 6, 12));
        header.getStyleClass().add("app-header");
        return header;
    }

    /** Searches every recorded message; Enter opens (or reuses) the search tab. */
    private atlantafx.base.controls.CustomTextField searchField() {
        atlantafx.base.controls.CustomTextField field = new atlantafx.base.controls.CustomTextField();
        field.setId("searchField");
        field.setPromptText("Search messages (Ctrl+F)");
        field.setLeft(Icons.of(Feather.SEARCH, 13));
        field.setPrefWidth(280);
        field.setOnAction(e -> openSearch().search(field.getText()));
        searchBox = field;
        return field;
    }

    /** Searches the recording for {@code text}, as if typed into the search field. */
    private void search(String text) {
        searchBox.setText(text);
        openSearch().search(text);
    }

    private dev.sockscope.ui.search.SearchView openSearch() {
        for (Tab tab : tabs.getTabs()) {
            if (tab.getContent() instanceof dev.sockscope.ui.search.SearchView view) {
                tabs.getSelectionModel().select(tab);
                return view;
            }
        }
        dev.sockscope.ui.search.SearchView view = new dev.sockscope.ui.search.SearchView(app.queries(), app.sessions(),
                app.transfers(), background, found -> openRecordedSession(found.session()).reveal(found.connectionId(), found.seq()));
        Tab tab = new Tab("Search", view);
        tab.setGraphic(Icons.of(Feather.SEARCH, 12));
        tab.setOnClosed(e -> view.dispose());
        tabs.getTabs().add(tab);
        tabs.getSelectionModel().select(tab);
        return view;
    }

    /** Says where traffic is recorded, or plainly that it is not and why. */
    private Label recordingLabel() {
        return recordingStatus;
    }

    /** A short-lived note in the header about an export or import. */
    public void showActivity(String text) {
        recordingStatus.showActivity(text);
    }

    /** Call after the recording's state changed (read-only opened, fresh start). */
    public void refreshRecordingStatus() {
        recordingStatus.refresh();
    }

    private VBox emptyState() {
        Label title = new Label("No connection open");
        title.getStyleClass().add(Styles.TITLE_3);
        Label hint = new Label("Open a tab with + or Ctrl+T and connect to a ws:// or wss:// URL.");
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        Button open = new Button("New connection", Icons.of(Feather.PLUS));
        open.getStyleClass().add(Styles.ACCENT);
        open.setOnAction(e -> openBlankTab());
        VBox box = new VBox(10, title, hint, open);
        box.setAlignment(Pos.CENTER);
        return box;
    }

    /**
     * Opens a live connection's recording at one message: its session read-only, on the page that
     * holds it. For messages a tab has let go from memory.
     */
    public void openInRecording(long liveConnectionId, int seq) {
        var stored = app.queries().storedAs(liveConnectionId);
        if (stored.isEmpty()) {
            showActivity("This connection was not recorded");
            return;
        }
        openRecordedSession(stored.get().session()).reveal(stored.get().id(), seq);
    }

    /** Shows a recorded session read-only in its own tab (the existing one if it is open). */
    public RecordedSessionView openRecordedSession(String session) {
        for (Tab tab : tabs.getTabs()) {
            if (tab.getContent() instanceof RecordedSessionView view && view.session().equals(session)) {
                tabs.getSelectionModel().select(tab);
                return view;
            }
        }
        RecordedSessionView view = new RecordedSessionView(app.queries(), app.transfers(), app.tlsInspection(), background,
                session, relativeTime);
        view.setOnConnectionShown(this::rememberLogShare);
        view.enableReproductions(app.reproductions(), this::openComparison, this::openRecordedSession);
        Tab tab = new Tab(session, view);
        tab.setGraphic(Icons.of(Feather.ARCHIVE, 12));
        tab.setTooltip(new Tooltip("Session \u201c" + session + "\u201d as recorded (read-only)"));
        tab.setOnClosed(e -> view.dispose());
        tabs.getTabs().add(tab);
        tabs.getSelectionModel().select(tab);
        return view;
    }

    /** Shows a comparison of two recorded connections in a tab of its own, in front. */
    private void openComparison(dev.sockscope.ui.compare.ComparisonView view) {
        Tab tab = new Tab("Compare", view);
        tab.setGraphic(Icons.of(Feather.COLUMNS, 12));
        tab.setTooltip(new Tooltip("Two recorded connections, message by message"));
        tabs.getTabs().add(tab);
        tabs.getSelectionModel().select(tab);
    }

    /** A new, empty tab in front, with the keyboard in its URL field. */
    private void openBlankTab() {
        openTab(TabState.blank()).focusUrl();
    }

    /** Opens a connection tab restored from {@code state} and brings it to the front. */
    public ConnectionTabView openTab(TabState state) {
        ClientTabModel model = new ClientTabModel(app.tabs(), background.ui(), sharedMessages);
        model.restore(state);
        ConnectionTabView view = new ConnectionTabView(model, background, relativeTime, app.tlsInspection());
        view.setOpenInRecording(seq -> openInRecording(model.connection().connectionId(), seq));
        view.log().setShowInSearch(this::search);
        rememberLogShare(view.connectionView());
        Tab tab = new Tab();
        tab.setContent(view);
        Circle dot = new Circle(4);
        dot.getStyleClass().add("state-dot");
        tab.setGraphic(dot);
        tab.setUserData(model);
        model.request().urlProperty().addListener(obs -> retitleTabs());
        model.connection().stateProperty().addListener((obs, old, now) -> updateDot(dot, now));
        updateDot(dot, model.connection().stateProperty().get());
        tab.setOnClosed(e -> view.dispose());
        tabs.getTabs().add(tab);
        tabs.getSelectionModel().select(tab);
        return view;
    }

    private static void updateDot(Circle dot, ConnectionState state) {
        dev.sockscope.ui.connection.StateStyles.apply(dot, state);
    }

    private void closeSelectedTab() {
        Tab selected = tabs.getSelectionModel().getSelectedItem();
        if (selected != null) {
            tabs.getTabs().remove(selected);
            TabContents.dispose(selected);
        }
    }

    /**
     * Gives a connection view the divider position the user last chose in any of them, and keeps
     * the one they choose next (saved with the settings).
     */
    void rememberLogShare(ConnectionView view) {
        javafx.beans.property.DoubleProperty share = view.logShareProperty();
        if (logShare > 0) {
            share.set(logShare);
        }
        share.addListener((obs, old, now) -> {
            if (view.getWidth() > 0) {
                logShare = now.doubleValue();
            }
        });
    }

    /** What to save: the theme, the time mode and every open tab, in order. */
    public Settings snapshot() {
        List<TabState> states = new ArrayList<>();
        int selected = 0;
        for (Tab tab : tabs.getTabs()) {
            if (tab.getContent() instanceof ConnectionTabView view) {
                if (tab == tabs.getSelectionModel().getSelectedItem()) {
                    selected = states.size();
                }
                states.add(view.model().toState());
            }
        }
        return new Settings(darkToggle.isSelected() ? Theme.DARK : Theme.LIGHT, relativeTime.get(), states, selected,
                app.sessions().currentSession(), retention.get(), logShare, List.copyOf(sharedMessages),
                proxy.preferencesProperty().get());
    }

    public TabPane tabs() {
        return tabs;
    }

    /** Closes every tab's connection, for shutdown. */
    public void disposeAll() {
        for (Tab tab : tabs.getTabs()) {
            TabContents.dispose(tab);
        }
        proxy.stopNow();
    }

    /** Imports a HAR or JSON Lines file opened from outside the app and shows its session. */
    public void importAndShow(java.nio.file.Path file) {
        sessionMenu.importAndShow(file.toFile());
    }

    /** The proxy model behind the header's switch. */
    public dev.sockscope.ui.proxy.ProxyPanelModel proxy() {
        return proxy;
    }

    /** Shows the proxy's tab (the existing one if it is open). */
    public void showProxyTab() {
        proxyTabs().showList();
    }

    /** The proxy's tabs in this window: its list, its proxied connections, the CA setup assistant. */
    public dev.sockscope.ui.proxy.ProxyTabs proxyTabs() {
        return new dev.sockscope.ui.proxy.ProxyTabs(tabs, proxy, background, relativeTime, app.tlsInspection(), this::openTab,
                this::rememberLogShare, app.dataDir());
    }

    /** Titles every connection tab so that no two read alike, with its full URL as a tooltip. */
    private void retitleTabs() {
        List<Tab> connectionTabs = tabs.getTabs().stream().filter(t -> t.getUserData() instanceof ClientTabModel).toList();
        List<String> urls = connectionTabs.stream()
                .map(t -> ((ClientTabModel) t.getUserData()).request().urlProperty().get()).toList();
        List<String> titles = TabTitles.of(urls);
        for (int i = 0; i < connectionTabs.size(); i++) {
            Tab tab = connectionTabs.get(i);
            tab.setText(titles.get(i));
            String url = urls.get(i);
            tab.setTooltip(url == null || url.isBlank() ? null : new javafx.scene.control.Tooltip(url));
        }
    }
}
