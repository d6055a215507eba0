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
 * One proxied connection in the views a connection tab has, live: its messages (or frames) as
 * they cross, the detail pane, the handshake and the certificates; while it is open, a message can
 * be sent by hand to either side, or either side closed with a code ({@link HandBar}). "Open as
 * client tab" in the proxy's list makes a tab of its own.
 */
public final class ProxiedConnectionView extends BorderPane {
    private final ConnectionView view;

    /** @param upstreamTrust what the proxy trusted upstream: the server's certificates are judged by it */
    public ProxiedConnectionView(LiveConnection live, Background background, BooleanProperty relativeTime,
            TlsInspection tls, dev.sockscope.core.TrustOptions upstreamTrust) {
        this(live, background, relativeTime, tls, upstreamTrust, null);
    }

    /** @param byHand sends and closes on the live connection; null where nothing can be (a recording) */
    ProxiedConnectionView(LiveConnection live, Background background, BooleanProperty relativeTime,
            TlsInspection tls, dev.sockscope.core.TrustOptions upstreamTrust, HandBar.Actions byHand) {
        getStyleClass().add("proxied-connection");
        ConnectionModel model = new ConnectionModel(background.ui());
        model.follow(live, new ConnectRequest(live.url(), java.util.List.of(), java.util.List.of(),
                ConnectRequest.DEFAULT_TIMEOUT, upstreamTrust));
        view = new ConnectionView(model, background, relativeTime, tls, null);
        Label url = new Label(live.url().toString(), Icons.of(Feather.SHUFFLE, 13));
        url.setMinWidth(0);
        HBox.setHgrow(url, Priority.ALWAYS);
        Label badge = new Label(byHand == null ? "Proxied, read-only" : "Proxied", Icons.of(Feather.EYE, 12));
        badge.getStyleClass().add("recorded-badge");
        badge.setMinWidth(Region.USE_PREF_SIZE);
        badge.setTooltip(new javafx.scene.control.Tooltip("What the app and the server exchanged through Sockscope's"
                + " proxy, as it happens." + (byHand == null ? " Nothing can be sent from here."
                        : " Below: a message to either side by hand, or a side closed with a code.")));
        Label session = new Label("recording into \u201c" + live.session() + "\u201d");
        session.getStyleClass().add(Styles.TEXT_MUTED);
        session.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(10, url, session, badge);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(10, 12, 8, 12));
        setTop(bar);
        setCenter(view);
        if (byHand != null) {
            javafx.beans.property.ObjectProperty<dev.sockscope.core.ConnectionState> state =
                    new javafx.beans.property.SimpleObjectProperty<>(live.state());
            // The live connection tells of changes on the proxy's thread: onto the UI thread for the bar.
            live.onChange(() -> background.ui().run(() -> state.set(live.state())));
            setBottom(new HandBar(live.id(), byHand, state));
        }
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
