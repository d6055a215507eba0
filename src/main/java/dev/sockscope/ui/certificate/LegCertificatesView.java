package dev.sockscope.ui.certificate;

import atlantafx.base.theme.Styles;
import dev.sockscope.app.TlsInspection;
import dev.sockscope.core.SessionEvent;
import dev.sockscope.ui.common.Icons;
import dev.sockscope.ui.fx.Background;
import dev.sockscope.ui.model.ConnectionModel;
import java.util.function.Predicate;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * The certificate tab of any connection: the server's chain, and for a connection with two TLS
 * legs (one through the proxy) both side by side: what the app saw (a leaf from Sockscope's CA) and
 * what the server presented to Sockscope. The app's side is built the first time it is needed.
 */
public final class LegCertificatesView extends BorderPane {
    private final ConnectionModel model;
    private final TlsInspection inspection;
    private final Background background;
    private final CertificateView upstream;
    private CertificateView appLeg;
    private SplitPane both;

    public LegCertificatesView(ConnectionModel model, TlsInspection inspection, Background background,
            Predicate<String> pinAndReconnect) {
        this.model = model;
        this.inspection = inspection;
        this.background = background;
        this.upstream = new CertificateView(new CertificateViewModel(model, inspection, background, pinAndReconnect),
                background);
        setCenter(upstream);
        model.openedProperty().addListener((obs, old, now) -> arrange(now));
        arrange(model.openedProperty().get());
    }

    private void arrange(SessionEvent.Opened opened) {
        boolean twoTlsLegs = opened != null && opened.client() != null && opened.client().tls() != null;
        if (!twoTlsLegs || both != null && getCenter() == both) {
            return;
        }
        if (both == null) {
            appLeg = new CertificateView(CertificateViewModel.ofAppLeg(model, inspection, background), background);
            appLeg.setId("certificateViewAppLeg");
            both = new SplitPane(titled("What the app saw: Sockscope's certificate", Feather.SMARTPHONE, appLeg),
                    titled("What the server presented to Sockscope", Feather.SERVER, upstream));
            both.setOrientation(Orientation.HORIZONTAL);
            both.getStyleClass().add("leg-certificates");
        }
        setCenter(both);
    }

    /** True when both legs are on show (a proxied wss:// connection). */
    public boolean showsBothLegs() {
        return both != null && getCenter() == both;
    }

    private static VBox titled(String title, Feather icon, CertificateView view) {
        Label label = new Label(title, Icons.of(icon, 13));
        label.getStyleClass().addAll(Styles.TEXT_BOLD, Styles.TEXT_SMALL);
        label.setWrapText(true);
        label.setPadding(new Insets(8, 10, 0, 10));
        VBox.setVgrow(view, Priority.ALWAYS);
        VBox box = new VBox(label, view);
        box.setMinWidth(0);
        return box;
    }
}
