package dev.sockscope.ui.proxy;

import atlantafx.base.theme.Styles;
import dev.sockscope.app.LiveConnection;
import dev.sockscope.app.TlsInspection;
import dev.sockscope.core.ConnectRequest;
import dev.sockscope.ui.common.Icons;
import dev.sockscope.ui.connection.ConnectionView;
import dev.sockscope.ui.fx.Background;
import dev.sockscope.ui.model.ConnectionModel;
import javafx.beans.property.BooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;

/**
 * One proxied connection in the views a connection tab has, read-only and live: its messages (or
 * frames) as they cross, the detail pane, the handshake and the certificates. Nothing can be sent
 * from here; "Open as client tab" in the proxy's list makes a tab that can.
 */
public final class ProxiedConnectionView extends BorderPane {
    private final ConnectionView view;

    /** @param upstreamTrust what the proxy trusted upstream: the server's certificates are judged by it */
    public ProxiedConnectionView(LiveConnection live, Background background, BooleanProperty relativeTime,
            TlsInspection tls, dev.sockscope.core.TrustOptions upstreamTrust) {
        getStyleClass().add("proxied-connection");
        ConnectionModel model = new ConnectionModel(background.ui());
        model.follow(live, new ConnectRequest(live.url(), java.util.List.of(), java.util.List.of(),
                ConnectRequest.DEFAULT_TIMEOUT, upstreamTrust));
        view = new ConnectionView(model, background, relativeTime, tls, null);
        Label url = new Label(live.url().toString(), Icons.of(Feather.SHUFFLE, 13));
        url.setMinWidth(0);
        HBox.setHgrow(url, Priority.ALWAYS);
        Label badge = new Label("Proxied, read-only", Icons.of(Feather.EYE, 12));
        badge.getStyleClass().add("recorded-badge");
        badge.setMinWidth(Region.USE_PREF_SIZE);
        badge.setTooltip(new javafx.scene.control.Tooltip("What the app and the server exchanged through Sockscope's"
                + " proxy, as it happens. Nothing can be sent from here."));
        Label session = new Label("recording into \u201c" + live.session() + "\u201d");
        session.getStyleClass().add(Styles.TEXT_MUTED);
        session.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(10, url, session, badge);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(10, 12, 8, 12));
        setTop(bar);
        setCenter(view);
    }

    /** Behind another tab, its views leave the scene graph, as a connection tab's do (see ConnectionTabView.setInFront). */
    public void setInFront(boolean front) {
        if (front && getCenter() == null) {
            setCenter(view);
        } else if (!front && getCenter() != null) {
            setCenter(null);
        }
    }

    public ConnectionView connectionView() {
        return view;
    }

    /** Stops following the connection; its frames stay in the recording. */
    public void dispose() {
        view.dispose();
    }
}
