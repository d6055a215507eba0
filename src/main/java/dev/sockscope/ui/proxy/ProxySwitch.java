package dev.sockscope.ui.proxy;

import atlantafx.base.theme.Styles;
import dev.sockscope.ui.common.Icons;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * The header's proxy switch ({@code proxyToggle}) and, while the proxy listens, its address
 * ({@code proxyAddress}, "HOST:PORT"). Switching on starts the proxy and shows its tab.
 */
public final class ProxySwitch extends HBox {
    public ProxySwitch(ProxyPanelModel model, Runnable showProxyTab) {
        super(6);
        setAlignment(Pos.CENTER_LEFT);
        ToggleButton toggle = new ToggleButton("Proxy", Icons.of(Feather.SHUFFLE, 14));
        toggle.setId("proxyToggle");
        toggle.getStyleClass().add(Styles.FLAT);
        toggle.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        toggle.setTooltip(new Tooltip("Start or stop Sockscope's proxy, to see other apps' WebSocket traffic"));
        Label address = new Label();
        address.setId("proxyAddress");
        address.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        address.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        address.textProperty().bind(model.addressProperty());
        address.managedProperty().bind(address.textProperty().isNotEmpty());
        address.visibleProperty().bind(address.managedProperty());
        toggle.setOnAction(e -> {
            if (toggle.isSelected()) {
                model.start();
                showProxyTab.run();
                // A start refused at once (settings that cannot be used) changes no state: the switch says so.
                toggle.setSelected(model.stateProperty().get() != ProxyPanelModel.State.STOPPED);
            } else {
                model.stop();
            }
        });
        // The switch shows what the proxy does, not only what was clicked: a start that failed turns it off.
        model.stateProperty().addListener((obs, old, now) -> {
            toggle.setSelected(now == ProxyPanelModel.State.STARTING || now == ProxyPanelModel.State.RUNNING);
            toggle.setDisable(now == ProxyPanelModel.State.STARTING || now == ProxyPanelModel.State.STOPPING);
        });
        getChildren().addAll(toggle, address);
    }
}
