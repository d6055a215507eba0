package dev.sockscope.ui.connection;

import atlantafx.base.theme.Styles;
import dev.sockscope.core.Digests;
import dev.sockscope.core.Failure;
import dev.sockscope.core.FailureKind;
import dev.sockscope.core.Handshake;
import dev.sockscope.ui.common.Icons;
import dev.sockscope.ui.model.ConnectionModel;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * Says in place why a connection failed, with what to do about it; for a refused upgrade it
 * shows the status line, headers and body the server sent.
 */
public final class FailureBanner extends VBox {
    private final Label title = new Label();
    private final Label hint = new Label();
    private final TextArea response = new TextArea();
    private final Label fingerprint = new Label();
    private final Runnable trustAndReconnect;
    private final HBox trustRow;

    /**
     * @param trustAndReconnect pins the refused certificate for the tab and connects again, or null
     *     where nothing can reconnect (a recorded connection)
     */
    public FailureBanner(ConnectionModel model, Runnable trustAndReconnect) {
        this.trustAndReconnect = trustAndReconnect;
        getStyleClass().add("failure-banner");
        setSpacing(4);
        setPadding(new Insets(8, 12, 8, 12));
        title.setGraphic(Icons.of(Feather.ALERT_TRIANGLE, 16));
        title.getStyleClass().addAll(Styles.TEXT_BOLD, Styles.DANGER);
        title.setWrapText(true);
        hint.setWrapText(true);
        hint.getStyleClass().add(Styles.TEXT_SMALL);
        response.setEditable(false);
        response.setPrefRowCount(5);
        response.getStyleClass().add("mono");
        response.managedProperty().bind(response.visibleProperty());
        Button dismiss = new Button(null, Icons.of(Feather.X));
        dismiss.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        dismiss.setOnAction(e -> setVisible(false));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(8, title, spacer, dismiss);
        top.setAlignment(Pos.CENTER_LEFT);
        fingerprint.getStyleClass().addAll(Styles.TEXT_SMALL, "mono");
        fingerprint.setWrapText(true);
        Button trust = new Button("Trust this certificate for this tab", Icons.of(Feather.UNLOCK));
        trust.setId("trustCertificateButton");
        trust.getStyleClass().addAll(Styles.SMALL, Styles.WARNING);
        trust.setMinWidth(Region.USE_PREF_SIZE);
        trust.setOnAction(e -> trustAndReconnect.run());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        trustRow = new HBox(10, fingerprint, gap, trust);
        trustRow.setAlignment(Pos.CENTER_LEFT);
        trustRow.managedProperty().bind(trustRow.visibleProperty());
        getChildren().addAll(top, hint, trustRow, response);
        managedProperty().bind(visibleProperty());
        model.failureProperty().addListener((obs, old, now) -> show(now));
        show(model.failureProperty().get());
    }

    private void show(Failure failure) {
        setVisible(failure != null && failure.kind() != FailureKind.CANCELLED);
        if (failure == null) {
            return;
        }
        title.setText(capitalize(failure.message()));
        hint.setText(trustAndReconnect != null ? hintFor(failure.kind()) : recordedHintFor(failure.kind()));
        boolean pinnable = failure.kind().isTls() && failure.leafSha256().isPresent() && trustAndReconnect != null;
        trustRow.setVisible(pinnable);
        if (pinnable) {
            fingerprint.setText("Server certificate SHA-256  " + Digests.colons(failure.leafSha256().get()));
        }
        Handshake handshake = failure.handshake();
        boolean hasResponse = handshake != null && !handshake.responseHead().isEmpty();
        response.setVisible(hasResponse);
        if (hasResponse) {
            String body = handshake.bodyText();
            response.setText(handshake.responseHead().replace("\r\n", "\n") + (body.isEmpty() ? "(empty body)" : body));
        }
    }

    static String hintFor(FailureKind kind) {
        return switch (kind) {
            case INVALID_URL -> "Check the URL: ws://host:port/path or wss://… (http and https are accepted too).";
            case DNS -> "The host name could not be resolved. Check its spelling, your DNS, or use an IP address.";
            case REFUSED -> "Nothing is listening on that port. Is the server running, and on this host and port?";
            case TIMEOUT -> "The server did not answer in time. Check firewalls and the port, or raise the timeout in Request options.";
            case NETWORK -> "The network connection failed.";
            case HTTP_STATUS -> "The server answered the upgrade request with an HTTP error instead of 101 Switching Protocols. "
                    + "Its full response is below.";
            case TLS_EXPIRED, TLS_NOT_YET_VALID -> "The server's certificate is outside its validity period. Check the server's "
                    + "certificate, or this computer's clock.";
            case TLS_HOSTNAME -> "The certificate was issued for other names. Connect with a name it lists, or fix the certificate.";
            case TLS_UNTRUSTED -> "The certificate is not signed by an authority this computer trusts. Add the CA file in "
                    + "Request options, or trust this one certificate for this tab if you know it is the right one.";
            case TLS_HANDSHAKE -> "TLS could not be negotiated with this server.";
            case PROTOCOL -> "The server did not complete a valid WebSocket handshake.";
            case UPSTREAM_REFUSED -> "The server the app asked for refused Sockscope's connection. Is it running?";
            case UPSTREAM_TLS -> "Sockscope could not verify the server's certificate, or agree on TLS with it.";
            case APP_REFUSED_CERTIFICATE -> "The app does not trust Sockscope's certificate authority yet: install it there.";
            case CONFIG -> "Fix the request options (CA file, pins) and connect again.";
            case CANCELLED -> "";
        };
    }

    /**
     * The hint for a recorded failure: what the failure means, without pointing at request options,
     * a composer or a reconnect, which a recording does not have.
     */
    static String recordedHintFor(FailureKind kind) {
        return switch (kind) {
            case TIMEOUT -> "The server did not answer in time.";
            case TLS_UNTRUSTED -> "The certificate is not signed by an authority the computer that recorded this trusted."
                    + " The Certificate tab shows the chain as it was received.";
            case CONFIG -> "The request options of the tab (a CA file, pins) could not be used.";
            default -> hintFor(kind);
        };
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
