package dev.sockscope.ui.proxy;

import atlantafx.base.theme.Styles;
import dev.sockscope.app.TabState;
import dev.sockscope.ui.common.Icons;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * The proxy's tab: how to point an app at it, and the connections it relays, live (node id
 * {@code proxyConnections}, a row per connection naming its host). "Open as client tab"
 * ({@code openAsClientTab}) makes a connection tab with the proxied connection's URL, the headers
 * the app sent (cookies and authorisation included, visible in the tab's request options) and
 * its subprotocols.
 */
public final class ProxyView extends BorderPane {
    private final ProxiedList connections;
    /** Reads the list again four times a second while the tab is open. */
    private javafx.animation.Timeline refresh;
    private int ticks;

    /**
     * @param openTab opens a connection tab restored from this state
     * @param openProxied shows a proxied connection in the connection views, read-only
     * @param actions the proxy's other tabs and tools (the CA setup assistant, a browser through it)
     */
    public ProxyView(ProxyPanelModel model, Consumer<TabState> openTab, Consumer<ProxiedRow> openProxied,
            ProxyActions actions) {
        getStyleClass().add("proxy-view");
        Label title = new Label("Proxy", Icons.of(Feather.SHUFFLE, 14));
        title.getStyleClass().add(Styles.TITLE_4);
        Label how = new Label();
        how.setWrapText(true);
        how.setMinHeight(Region.USE_PREF_SIZE);
        how.getStyleClass().add(Styles.TEXT_MUTED);
        how.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            String at = model.addressProperty().get();
            if (at.isEmpty()) {
                return "The proxy is stopped. Start it with the Proxy switch in the header.";
            }
            return model.preferencesProperty().get().reverse()
                    ? "Listening on " + at + " as a reverse proxy to " + model.preferencesProperty().get().reverseUrl()
                            + ": point the app at it instead of the server."
                    : "Listening on " + at + ". Point an app at http://" + at + " as its HTTP(S) proxy, or open a browser"
                            + " through it; its WebSocket connections appear below as they open. For wss:// the app must"
                            + " trust Sockscope's CA (Set up trust).";
        }, model.addressProperty(), model.preferencesProperty()));
        ProxySettingsPane settings = new ProxySettingsPane(model);
        settings.setExpanded(false);
        model.portInUseProperty().addListener((obs, old, inUse) -> settings.setExpanded(settings.isExpanded() || inUse));

        connections = new ProxiedList(model, openProxied);
        ListView<ProxiedRow> list = connections.listView();
        VBox.setVgrow(connections, Priority.ALWAYS);

        Button open = new Button("Open as client tab", Icons.of(Feather.EXTERNAL_LINK, 13));
        open.setId("openAsClientTab");
        open.getStyleClass().add(Styles.SMALL);
        open.setTooltip(new javafx.scene.control.Tooltip("A connection tab with this connection's URL, the headers the app"
                + " sent and its subprotocols, to connect directly and compose"));
        open.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        open.setOnAction(e -> {
            ProxiedRow row = connections.selected();
            if (row != null) {
                openTab.accept(ClientTabFromProxied.of(row));
            }
        });
        Button show = new Button("Open", Icons.of(Feather.EYE, 13));
        show.setId("openProxied");
        show.getStyleClass().add(Styles.SMALL);
        show.setTooltip(new javafx.scene.control.Tooltip("Its messages, handshake and certificates, live and read-only"
                + " (or double-click the row)"));
        show.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        show.setOnAction(e -> openProxied.accept(connections.selected()));
        Button trust = new Button("Set up trust…", Icons.of(Feather.SHIELD, 13));
        trust.setId("openCaAssistant");
        trust.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        trust.setTooltip(new javafx.scene.control.Tooltip("How to make an app, a browser or a runtime trust Sockscope's CA"));
        trust.setOnAction(e -> actions.openAssistant());
        Button browser = new Button("Open browser through Sockscope", Icons.of(Feather.GLOBE, 13));
        browser.setId("openBrowser");
        browser.getStyleClass().add(Styles.SMALL);
        browser.setTooltip(new javafx.scene.control.Tooltip("Chromium or Chrome with a fresh profile that uses this proxy"
                + " and trusts Sockscope's CA by its key: nothing on this computer changes"));
        browser.setOnAction(e -> actions.openBrowser());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox tools = new HBox(8, browser, trust, spacer, show, open);
        tools.setAlignment(Pos.CENTER_LEFT);
        Label httpTitle = new Label("Other HTTP requests through the proxy");
        httpTitle.getStyleClass().addAll(Styles.TEXT_BOLD, Styles.TEXT_SMALL);
        Label notice = new Label();
        notice.setId("proxyNotice");
        notice.setWrapText(true);
        notice.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        notice.textProperty().bind(model.noticeProperty());
        notice.managedProperty().bind(notice.textProperty().isNotEmpty());
        InterceptPane intercept = new InterceptPane(model.intercept());
        intercept.setExpanded(!model.intercept().rules().isEmpty());
        VBox box = new VBox(8, title, how, settings, intercept, problemRow(model), refusedBanner(model, actions), tools, notice,
                connections, httpTitle, httpList(model));
        box.setPadding(new Insets(12));
        setCenter(box);
    }

    /** Why the proxy did not start, with a way on when its port was taken. */
    private static HBox problemRow(ProxyPanelModel model) {
        Label problem = new Label();
        problem.setId("proxyProblem");
        problem.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
        problem.setWrapText(true);
        problem.textProperty().bind(model.problemProperty());
        Button anyPort = new Button("Start on any free port");
        anyPort.setId("proxyUseFreePort");
        anyPort.getStyleClass().add(Styles.SMALL);
        anyPort.visibleProperty().bind(model.portInUseProperty());
        anyPort.managedProperty().bind(anyPort.visibleProperty());
        anyPort.setMinWidth(Region.USE_PREF_SIZE);
        anyPort.setOnAction(e -> model.startOnAnyFreePort());
        HBox row = new HBox(10, problem, anyPort);
        row.setAlignment(Pos.CENTER_LEFT);
        row.managedProperty().bind(model.problemProperty().isNotEmpty());
        row.visibleProperty().bind(row.managedProperty());
        return row;
    }

    /** Said once an app refused Sockscope's certificate: it does not trust the CA yet, and how to fix that. */
    private HBox refusedBanner(ProxyPanelModel model, ProxyActions actions) {
        Label text = new Label();
        text.setWrapText(true);
        text.getStyleClass().add(Styles.TEXT_SMALL);
        text.setGraphic(Icons.of(Feather.ALERT_TRIANGLE, 14));
        Button fix = new Button("Set up trust for this app…");
        fix.setId("appRefusedSetUpTrust");
        fix.getStyleClass().addAll(Styles.SMALL, Styles.WARNING);
        fix.setMinWidth(Region.USE_PREF_SIZE);
        fix.setOnAction(e -> actions.openAssistant());
        Button show = new Button("Show them");
        show.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        show.setMinWidth(Region.USE_PREF_SIZE);
        show.setOnAction(e -> connections.filterState(ProxiedList.TLS_PROBLEMS));
        HBox banner = new HBox(10, text, fix, show);
        banner.setId("appRefusedBanner");
        banner.getStyleClass().add("proxy-refused-banner");
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.setPadding(new Insets(6, 10, 6, 10));
        HBox.setHgrow(text, Priority.ALWAYS);
        Runnable update = () -> {
            java.util.List<ProxiedRow> refused = model.rows().stream().filter(r -> r.tls() == ProxiedTls.APP_REFUSED).toList();
            banner.setVisible(!refused.isEmpty());
            if (!refused.isEmpty()) {
                text.setText((refused.size() == 1 ? "An app" : refused.size() + " connections: apps")
                        + " refused Sockscope's certificate (for " + refused.get(refused.size() - 1).host()
                        + "). It does not trust Sockscope's CA yet, so its traffic is not seen.");
            }
        };
        model.rows().addListener((javafx.collections.ListChangeListener<ProxiedRow>) c -> update.run());
        banner.managedProperty().bind(banner.visibleProperty());
        update.run();
        return banner;
    }

    /** The plain HTTP requests through the proxy ({@code proxyHttp}): method, URL, status, size, time. */
    private static ListView<dev.sockscope.core.HttpExchange> httpList(ProxyPanelModel model) {
        ListView<dev.sockscope.core.HttpExchange> http = new ListView<>(model.http());
        http.setId("proxyHttp");
        http.getStyleClass().add(Styles.DENSE);
        http.setPrefHeight(130);
        http.setMinHeight(70);
        http.setPlaceholder(new Label("None yet: an app that goes through the proxy shows its plain requests here"));
        http.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(dev.sockscope.core.HttpExchange exchange, boolean empty) {
                super.updateItem(exchange, empty);
                setText(empty || exchange == null ? null : exchange.summary());
            }
        });
        http.getItems().addListener((javafx.collections.ListChangeListener<dev.sockscope.core.HttpExchange>) change
                -> http.scrollTo(Math.max(0, http.getItems().size() - 1)));
        return http;
    }

    private void tick(ProxyPanelModel model) {
        connections.refresh(model::pulse);
        if (++ticks % 4 == 0) {
            connections.redraw();
        }
    }

    /** Stops refreshing the list (the tab closed, or the window goes away). */
    public void dispose() {
        if (refresh != null) {
            refresh.stop();
        }
    }

    /** Shows the proxy's tab in these tabs, the existing one if it is open; its list is refreshed four times a second. */
    public static void showIn(javafx.scene.control.TabPane tabs, ProxyPanelModel model, Consumer<TabState> openTab,
            Consumer<ProxiedRow> openProxied, ProxyActions actions) {
        for (javafx.scene.control.Tab tab : tabs.getTabs()) {
            if (tab.getContent() instanceof ProxyView) {
                tabs.getSelectionModel().select(tab);
                return;
            }
        }
        ProxyView view = new ProxyView(model, openTab, openProxied, actions);
        javafx.scene.control.Tab tab = new javafx.scene.control.Tab("Proxy", view);
        tab.setGraphic(Icons.of(Feather.SHUFFLE, 12));
        javafx.animation.Timeline refresh = new javafx.animation.Timeline(new javafx.animation.KeyFrame(
                javafx.util.Duration.millis(250), e -> view.tick(model)));
        refresh.setCycleCount(javafx.animation.Animation.INDEFINITE);
        refresh.play();
        view.refresh = refresh;
        // Out of the window (closed, or the window's content replaced), it stops reading.
        view.sceneProperty().addListener((obs, old, scene) -> {
            if (scene == null) {
                refresh.stop();
            } else if (tabs.getTabs().contains(tab)) {
                refresh.play();
            }
        });
        tab.setOnClosed(e -> view.dispose());
        tabs.getTabs().add(tab);
        tabs.getSelectionModel().select(tab);
    }
}
