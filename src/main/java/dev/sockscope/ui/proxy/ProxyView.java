package dev.sockscope.ui.proxy;

import atlantafx.base.theme.Styles;
import dev.sockscope.app.TabState;
import dev.sockscope.core.Bytes;
import dev.sockscope.core.Header;
import dev.sockscope.core.SessionEvent;
import dev.sockscope.ui.common.Icons;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
    private final ListView<ProxiedRow> list = new ListView<>();
    /** Reads the list again four times a second while the tab is open. */
    private javafx.animation.Timeline refresh;

    /**
     * @param openTab opens a connection tab restored from this state
     * @param openProxied shows a proxied connection in the connection views, read-only
     */
    public ProxyView(ProxyPanelModel model, Consumer<TabState> openTab, Consumer<ProxiedRow> openProxied) {
        getStyleClass().add("proxy-view");
        Label title = new Label("Proxy", Icons.of(Feather.SHUFFLE, 14));
        title.getStyleClass().add(Styles.TITLE_4);
        Label how = new Label();
        how.setWrapText(true);
        how.getStyleClass().add(Styles.TEXT_MUTED);
        how.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            String at = model.addressProperty().get();
            return at.isEmpty() ? "The proxy is stopped. Start it with the Proxy switch in the header."
                    : "Listening on " + at + ". Point an app at http://" + at + " as its HTTP(S) proxy; its WebSocket"
                            + " connections appear below as they open. For wss:// the app must trust Sockscope's CA"
                            + " (sockscope ca export).";
        }, model.addressProperty()));
        Label problem = new Label();
        problem.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
        problem.setWrapText(true);
        problem.textProperty().bind(model.problemProperty());
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());

        list.setId("proxyConnections");
        list.setItems(model.rows());
        list.getStyleClass().add(Styles.DENSE);
        list.setPlaceholder(new Label("No WebSocket connection through the proxy yet"));
        list.setCellFactory(v -> new RowCell());
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && list.getSelectionModel().getSelectedItem() != null) {
                openProxied.accept(list.getSelectionModel().getSelectedItem());
            }
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && list.getSelectionModel().getSelectedItem() != null) {
                openProxied.accept(list.getSelectionModel().getSelectedItem());
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);

        Button open = new Button("Open as client tab", Icons.of(Feather.EXTERNAL_LINK, 13));
        open.setId("openAsClientTab");
        open.getStyleClass().add(Styles.SMALL);
        open.setTooltip(new javafx.scene.control.Tooltip("A connection tab with this connection's URL, the headers the app"
                + " sent and its subprotocols, to connect directly and compose"));
        open.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        open.setOnAction(e -> {
            ProxiedRow row = list.getSelectionModel().getSelectedItem();
            if (row != null) {
                openTab.accept(asClientTab(row));
            }
        });
        Button show = new Button("Open", Icons.of(Feather.EYE, 13));
        show.setId("openProxied");
        show.getStyleClass().add(Styles.SMALL);
        show.setTooltip(new javafx.scene.control.Tooltip("Its messages, handshake and certificates, live and read-only"
                + " (or double-click the row)"));
        show.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        show.setOnAction(e -> openProxied.accept(list.getSelectionModel().getSelectedItem()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox actions = new HBox(8, spacer, show, open);
        actions.setAlignment(Pos.CENTER_RIGHT);
        Label httpTitle = new Label("Other HTTP requests through the proxy");
        httpTitle.getStyleClass().addAll(Styles.TEXT_BOLD, Styles.TEXT_SMALL);
        VBox box = new VBox(8, title, how, portRow(model), problem, list, actions, httpTitle, httpList(model));
        box.setPadding(new Insets(12));
        setCenter(box);
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

    /** The port to listen on, editable while the proxy is stopped; on loopback always. */
    private static HBox portRow(ProxyPanelModel model) {
        Label label = new Label("Listen on 127.0.0.1 port");
        javafx.scene.control.TextField port = new javafx.scene.control.TextField(String.valueOf(model.portProperty().get()));
        port.setId("proxyPort");
        port.setPrefColumnCount(6);
        port.getStyleClass().add(Styles.SMALL);
        port.disableProperty().bind(model.stateProperty().isNotEqualTo(ProxyPanelModel.State.STOPPED));
        port.textProperty().addListener((obs, old, now) -> {
            try {
                int value = Integer.parseInt(now.strip());
                if (value >= 0 && value <= 65535) {
                    model.setPort(value);
                }
            } catch (NumberFormatException notANumber) {
                // kept as typed; the last valid port stays
            }
        });
        model.portProperty().addListener((obs, old, now) -> {
            if (!port.getText().strip().equals(String.valueOf(now))) {
                port.setText(String.valueOf(now));
            }
        });
        Label hint = new Label("(0 picks any free port)");
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        HBox row = new HBox(8, label, port, hint);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** Stops refreshing the list (the tab closed, or the window goes away). */
    public void dispose() {
        if (refresh != null) {
            refresh.stop();
        }
    }

    /** The proxied connection as a client tab would make it: URL, the app's own headers, subprotocols. */
    static TabState asClientTab(ProxiedRow row) {
        List<TabState.HeaderRow> headers = new ArrayList<>();
        String protocols = "";
        SessionEvent.Opened opened = row.live().opened();
        if (opened != null && opened.client() != null) {
            for (Header h : opened.client().handshake().requestHeaders()) {
                if (h.is("Sec-WebSocket-Protocol")) {
                    protocols = protocols.isEmpty() ? h.value() : protocols + ", " + h.value();
                } else if (Header.refusalOf(h.name()) == null && !h.is("Proxy-Authorization") && !h.is("Proxy-Connection")) {
                    headers.add(new TabState.HeaderRow(h.name(), h.value(), true));
                }
            }
        }
        return new TabState(row.url(), headers, protocols, 10, "", List.of(), "", "text");
    }

    /** Shows the proxy's tab in these tabs, the existing one if it is open; its list is refreshed four times a second. */
    public static void showIn(javafx.scene.control.TabPane tabs, ProxyPanelModel model, Consumer<TabState> openTab,
            Consumer<ProxiedRow> openProxied) {
        for (javafx.scene.control.Tab tab : tabs.getTabs()) {
            if (tab.getContent() instanceof ProxyView) {
                tabs.getSelectionModel().select(tab);
                return;
            }
        }
        ProxyView view = new ProxyView(model, openTab, openProxied);
        javafx.scene.control.Tab tab = new javafx.scene.control.Tab("Proxy", view);
        tab.setGraphic(Icons.of(Feather.SHUFFLE, 12));
        javafx.animation.Timeline refresh = new javafx.animation.Timeline(new javafx.animation.KeyFrame(
                javafx.util.Duration.millis(250), e -> model.pulse()));
        refresh.setCycleCount(javafx.animation.Animation.INDEFINITE);
        refresh.play();
        view.refresh = refresh;
        tab.setOnClosed(e -> view.dispose());
        tabs.getTabs().add(tab);
        tabs.getSelectionModel().select(tab);
    }

    /** One connection: host and path, state, messages and bytes each way. */
    private static final class RowCell extends ListCell<ProxiedRow> {
        @Override
        protected void updateItem(ProxiedRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setText(null);
                return;
            }
            setText(String.format(Locale.ROOT, "%s%s   %s   \u2197 %,d (%s)   \u2199 %,d (%s)", row.host(), row.path(),
                    row.state().name().toLowerCase(Locale.ROOT), row.messagesSent(), Bytes.humanSize(row.bytesSent()),
                    row.messagesReceived(), Bytes.humanSize(row.bytesReceived())));
        }
    }
}
