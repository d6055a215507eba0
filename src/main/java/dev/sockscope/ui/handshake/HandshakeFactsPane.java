package dev.sockscope.ui.handshake;

import atlantafx.base.theme.Styles;
import dev.sockscope.core.HandshakeFacts;
import dev.sockscope.core.HandshakeFacts.Extension;
import dev.sockscope.core.HandshakeFacts.SetCookie;
import java.util.List;
import java.util.stream.Collectors;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * What the handshake means, one fact a row: the status line (green for 101, red otherwise), the
 * subprotocol and extensions agreed, the Sec-WebSocket-Accept check, a redirect that was not
 * followed, and the cookies sent and set.
 */
final class HandshakeFactsPane extends GridPane {
    private final Label status = value("handshakeStatus");
    private final Label subprotocol = value("handshakeSubprotocol");
    private final VBox extensions = lines("handshakeExtensions");
    private final VBox accept = lines("handshakeAcceptCheck");
    private final Label verdict = value("handshakeAccept");
    private final Label redirect = value("handshakeRedirect");
    private final VBox cookiesSent = lines("handshakeCookiesSent");
    private final VBox cookiesSet = lines("handshakeCookiesSet");

    HandshakeFactsPane() {
        getStyleClass().add("handshake-facts");
        ColumnConstraints keys = new ColumnConstraints();
        keys.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setFillWidth(true);
        getColumnConstraints().addAll(keys, values);
        status.getStyleClass().add("mono");
        redirect.getStyleClass().add(Styles.WARNING);
        accept.getChildren().add(verdict);
    }

    void show(HandshakeFacts facts) {
        status.setText(facts.statusLine().isEmpty() ? "no response" : facts.statusLine());
        status.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER);
        status.getStyleClass().add(facts.upgraded() ? Styles.SUCCESS : Styles.DANGER);
        showSubprotocol(facts);
        showExtensions(facts);
        showAccept(facts);
        redirect.setText("The server redirected to " + facts.redirectLocation() + " (not followed)");
        cookiesSent.getChildren().setAll(facts.cookiesSent().isEmpty() ? List.of(muted("none"))
                : facts.cookiesSent().stream().map(c -> (Node) mono(c.toString())).toList());
        cookiesSet.getChildren().setAll(facts.cookiesSet().isEmpty() ? List.of(muted("none"))
                : facts.cookiesSet().stream().map(HandshakeFactsPane::setCookie).toList());
        layoutRows(!facts.redirectLocation().isEmpty());
    }

    /** One row per fact; the redirect row only when there was one. */
    private void layoutRows(boolean redirected) {
        getChildren().clear();
        int row = 0;
        addRow(row++, key("Status"), status);
        if (redirected) {
            addRow(row++, key("Redirect"), redirect);
        }
        addRow(row++, key("Subprotocol"), subprotocol);
        addRow(row++, key("Extensions"), extensions);
        Label acceptKey = key("Accept");
        acceptKey.setTooltip(new Tooltip("Sec-WebSocket-Accept must be base64(SHA-1(Sec-WebSocket-Key + "
                + HandshakeFacts.WEBSOCKET_GUID + "))"));
        addRow(row++, acceptKey, accept);
        addRow(row++, key("Cookies sent"), cookiesSent);
        addRow(row, key("Cookies set"), cookiesSet);
        getChildren().forEach(n -> GridPane.setValignment(n, VPos.TOP));
    }

    private void showSubprotocol(HandshakeFacts facts) {
        String offered = facts.offeredSubprotocols().isEmpty() ? ""
                : "offered: " + String.join(", ", facts.offeredSubprotocols());
        subprotocol.getStyleClass().remove(Styles.TEXT_MUTED);
        if (facts.subprotocol().isEmpty()) {
            subprotocol.setText(offered.isEmpty() ? "none" : "none (" + offered + ")");
            subprotocol.getStyleClass().add(Styles.TEXT_MUTED);
        } else {
            subprotocol.setText(offered.isEmpty() ? facts.subprotocol() : facts.subprotocol() + "  \u00b7  " + offered);
        }
    }

    private void showExtensions(HandshakeFacts facts) {
        if (facts.extensions().isEmpty()) {
            String offered = facts.offeredExtensions().stream().map(Extension::describe)
                    .collect(Collectors.joining(", "));
            extensions.getChildren().setAll(muted(offered.isEmpty() ? "none" : "none (offered: " + offered + ")"));
            return;
        }
        extensions.getChildren().setAll(facts.extensions().stream().map(HandshakeFactsPane::extension).toList());
    }

    private static Node extension(Extension extension) {
        Label name = new Label(extension.name());
        name.getStyleClass().addAll("mono", "extension-name");
        FlowPane line = new FlowPane(name);
        line.getStyleClass().add("extension");
        line.setAlignment(Pos.CENTER_LEFT);
        for (String param : extension.params()) {
            Label chip = new Label(param);
            chip.getStyleClass().addAll("mono", "param-chip");
            line.getChildren().add(chip);
        }
        return line;
    }

    private void showAccept(HandshakeFacts facts) {
        accept.getChildren().setAll(verdict);
        verdict.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER, Styles.TEXT_MUTED);
        verdict.setTooltip(null);
        if (facts.acceptMatches()) {
            verdict.setText("\u2713 matches the key");
            verdict.getStyleClass().add(Styles.SUCCESS);
            verdict.setTooltip(new Tooltip("Sec-WebSocket-Accept: " + facts.acceptReceived()
                    + "\n= base64(SHA-1(Sec-WebSocket-Key + " + HandshakeFacts.WEBSOCKET_GUID + "))"));
        } else if (facts.acceptReceived().isEmpty() && !facts.upgraded()) {
            verdict.setText("not checked: no upgrade");
            verdict.getStyleClass().add(Styles.TEXT_MUTED);
        } else {
            verdict.setText(facts.acceptReceived().isEmpty() ? "\u2717 missing" : "\u2717 mismatch");
            verdict.getStyleClass().add(Styles.DANGER);
            accept.getChildren().addAll(
                    pair("expected", facts.acceptExpected().isEmpty() ? "(no Sec-WebSocket-Key sent)" : facts.acceptExpected()),
                    pair("received", facts.acceptReceived().isEmpty() ? "(none)" : facts.acceptReceived()));
        }
    }

    private static Node setCookie(SetCookie cookie) {
        Label pair = mono(cookie.name().isEmpty() ? cookie.value() : cookie.name() + "=" + cookie.value());
        FlowPane line = new FlowPane(pair);
        line.getStyleClass().add("cookie-set");
        if (!cookie.attributes().isEmpty()) {
            Label attributes = new Label(String.join(" \u00b7 ", cookie.attributes()));
            attributes.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            line.getChildren().add(attributes);
        }
        return line;
    }

    private static Node pair(String name, String text) {
        Label key = new Label(name);
        key.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL, "accept-key");
        key.setMinWidth(Region.USE_PREF_SIZE);
        Label value = mono(text);
        value.setId("handshakeAccept-" + name);
        FlowPane line = new FlowPane(key, value);
        line.getStyleClass().add("accept-pair");
        return line;
    }

    private static Label key(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("fact-key");
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static Label value(String id) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("fact-value");
        label.setWrapText(true);
        return label;
    }

    private static VBox lines(String id) {
        VBox box = new VBox();
        box.setId(id);
        box.getStyleClass().add("fact-lines");
        return box;
    }

    private static Label mono(String text) {
        Label label = new Label(text);
        label.getStyleClass().addAll("mono", "fact-value");
        label.setWrapText(true);
        return label;
    }

    private static Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().addAll(Styles.TEXT_MUTED, "fact-value");
        label.setWrapText(true);
        return label;
    }
}
