package dev.sockscope.ui.proxy;

import dev.sockscope.app.TabState;
import dev.sockscope.app.TlsInspection;
import dev.sockscope.ui.common.Icons;
import dev.sockscope.ui.connection.ConnectionView;
import dev.sockscope.ui.fx.Background;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.feather.Feather;

/** The window's tabs for the proxy: its list, and a read-only tab per proxied connection opened from it. */
public final class ProxyTabs implements ProxyActions {
    private final TabPane tabs;
    private final ProxyPanelModel model;
    private final Background background;
    private final BooleanProperty relativeTime;
    private final TlsInspection tls;
    private final Consumer<TabState> openTab;
    private final Consumer<ConnectionView> onShown;
    private final java.nio.file.Path dataDir;

    /**
     * @param openTab opens a connection tab restored from a state ("Open as client tab")
     * @param onShown told of each connection view opened (the window gives it the user's divider position)
     */
    public ProxyTabs(TabPane tabs, ProxyPanelModel model, Background background, BooleanProperty relativeTime,
            TlsInspection tls, Consumer<TabState> openTab, Consumer<ConnectionView> onShown, java.nio.file.Path dataDir) {
        this.dataDir = dataDir;
        this.tabs = tabs;
        this.model = model;
        this.background = background;
        this.relativeTime = relativeTime;
        this.tls = tls;
        this.openTab = openTab;
        this.onShown = onShown;
    }

    /** Shows the proxy's list, the existing tab if it is open. */
    public void showList() {
        ProxyView.showIn(tabs, model, openTab, this::open, this);
    }

    @Override
    public void openAssistant() {
        showAssistant();
    }

    /** The CA setup assistant in its tab (the existing one if it is open). */
    public dev.sockscope.ui.ca.CaAssistantView showAssistant() {
        for (Tab tab : tabs.getTabs()) {
            if (tab.getContent() instanceof dev.sockscope.ui.ca.CaAssistantView assistant) {
                tabs.getSelectionModel().select(tab);
                return assistant;
            }
        }
        dev.sockscope.ui.ca.CaAssistantView assistant = new dev.sockscope.ui.ca.CaAssistantView(dataDir, background, () -> {
            String at = model.reachableAddress();
            return at.isEmpty() ? model.preferencesProperty().get().host() + ":" + model.preferencesProperty().get().port() : at;
        });
        Tab tab = new Tab("Trust Sockscope's CA", assistant);
        tab.setGraphic(Icons.of(Feather.SHIELD, 12));
        tabs.getTabs().add(tab);
        tabs.getSelectionModel().select(tab);
        return assistant;
    }

    @Override
    public void openBrowser() {
        model.openBrowser(java.util.List.of(), "about:blank");
    }

    /** A proxied connection in its own read-only tab (the existing one if it is open). */
    void open(ProxiedRow row) {
        for (Tab tab : tabs.getTabs()) {
            if (tab.getContent() instanceof ProxiedConnectionView && tab.getUserData() instanceof Long id && id == row.id()) {
                tabs.getSelectionModel().select(tab);
                return;
            }
        }
        ProxiedConnectionView view = new ProxiedConnectionView(row.live(), background, relativeTime, tls,
                model.upstreamTrust(), new HandBar.Actions() {
                    @Override
                    public boolean send(long connectionId, dev.sockscope.core.Direction direction, byte[] text) {
                        return model.sendByHand(connectionId, direction, text);
                    }

                    @Override
                    public boolean close(long connectionId, boolean appSide, int code, String reason) {
                        return model.closeByHand(connectionId, appSide, code, reason);
                    }
                });
        onShown.accept(view.connectionView());
        Tab tab = new Tab(row.host() + row.path(), view);
        tab.setUserData(row.id());
        tab.setGraphic(Icons.of(Feather.SHUFFLE, 12));
        tab.setTooltip(new Tooltip(row.url() + " (proxied)"));
        tab.setOnClosed(e -> view.dispose());
        tabs.getTabs().add(tab);
        tabs.getSelectionModel().select(tab);
    }
}
