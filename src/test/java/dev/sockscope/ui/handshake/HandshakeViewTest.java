package dev.sockscope.ui.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.Styles;
import dev.sockscope.core.Failure;
import dev.sockscope.core.FailureKind;
import dev.sockscope.core.Handshake;
import dev.sockscope.core.SessionEvent;
import dev.sockscope.core.Timings;
import dev.sockscope.core.WsUrl;
import dev.sockscope.ui.common.Theme;
import dev.sockscope.testing.LiveDriver;
import dev.sockscope.ui.fx.FxThread;
import dev.sockscope.ui.model.ConnectionModel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ScrollEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The handshake pane in a real (headless) window, fed by the tab model's properties. */
@ExtendWith(ApplicationExtension.class)
class HandshakeViewTest {
    static final String REQUEST = String.join("\r\n",
            "GET /chat HTTP/1.1",
            "Host: server.example.com",
            "Upgrade: websocket",
            "Connection: Upgrade",
            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==",
            "Origin: http://example.com",
            "Sec-WebSocket-Protocol: chat, superchat",
            "Sec-WebSocket-Version: 13",
            "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits",
            "Cookie: session=abc123; theme=dark",
            "", "");
    static final String RESPONSE = String.join("\r\n",
            "HTTP/1.1 101 Switching Protocols",
            "Upgrade: websocket",
            "Connection: Upgrade",
            "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=",
            "Sec-WebSocket-Protocol: chat",
            "Sec-WebSocket-Extensions: permessage-deflate; server_no_context_takeover; client_max_window_bits=10",
            "Set-Cookie: id=42; Path=/; HttpOnly",
            "", "");
    static final String FORBIDDEN_BODY = "{\"error\":\"forbidden\",\"detail\":\"origin not allowed\"}";
    static final String FORBIDDEN = String.join("\r\n",
            "HTTP/1.1 403 Forbidden",
            "Content-Type: application/json",
            "Content-Length: " + FORBIDDEN_BODY.length(),
            "", "");

    private final LiveDriver driver = new LiveDriver();
    private ConnectionModel model;
    private HandshakeView view;

    @Start
    void start(Stage stage) throws Exception {
        model = new ConnectionModel(new FxThread());
        view = new HandshakeView(model);
        Scene scene = new Scene(view, 560, 760);
        Theme.apply(Theme.LIGHT, scene);
        stage.setScene(scene);
        stage.show();
    }

    static SessionEvent.Opened opened(Handshake handshake) {
        return new SessionEvent.Opened(1, WsUrl.parse("wss://server.example.com/chat"), handshake, null, "chat",
                new Timings(1_200, 3_400, 12_800, 4_100), 0);
    }

    private void onFx(Runnable action) {
        WaitForAsyncUtils.asyncFx(action);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    /** Every label's text under the node, in scene-graph order. */
    private static List<String> texts(Node node) {
        if (node instanceof Label label) {
            return List.of(label.getText());
        }
        if (node instanceof Parent parent) {
            return parent.getChildrenUnmodifiable().stream().flatMap(n -> texts(n).stream()).toList();
        }
        return List.of();
    }

    @Test
    void startsEmptyAndCarriesTheAutomationId(FxRobot robot) {
        assertSame(view, robot.lookup("#handshakeView").query());
        Label placeholder = robot.lookup("#handshakePlaceholder").queryAs(Label.class);
        assertTrue(shown(placeholder));
        assertEquals("Connect to see the upgrade request and response.", placeholder.getText());
        assertNull(view.shownHandshake());
    }

    @Test
    void anOpenedConnectionShowsTheNegotiatedFacts(FxRobot robot) {
        onFx(() -> driver.open(model, opened(new Handshake(REQUEST, RESPONSE, null))));

        assertFalse(shown(robot.lookup("#handshakePlaceholder").query()));
        Label status = robot.lookup("#handshakeStatus").queryAs(Label.class);
        assertEquals("HTTP/1.1 101 Switching Protocols", status.getText());
        assertTrue(status.getStyleClass().contains(Styles.SUCCESS));
        assertEquals("chat  \u00b7  offered: chat, superchat", text(robot, "#handshakeSubprotocol"));
        assertEquals(List.of("permessage-deflate", "server_no_context_takeover", "client_max_window_bits=10"),
                texts(robot.lookup("#handshakeExtensions").query()));
        Label accept = robot.lookup("#handshakeAccept").queryAs(Label.class);
        assertEquals("\u2713 matches the key", accept.getText());
        assertTrue(accept.getStyleClass().contains(Styles.SUCCESS));
        assertEquals(List.of("session=abc123", "theme=dark"), texts(robot.lookup("#handshakeCookiesSent").query()));
        assertEquals(List.of("id=42", "Path=/ \u00b7 HttpOnly"), texts(robot.lookup("#handshakeCookiesSet").query()));
        assertTrue(robot.lookup("#handshakeRedirect").tryQuery().isEmpty(), "no redirect row for a 101");
    }

    @Test
    void timingsAreAWaterfallInMilliseconds(FxRobot robot) {
        onFx(() -> driver.open(model, opened(new Handshake(REQUEST, RESPONSE, null))));
        assertTrue(shown(robot.lookup("#handshakeTimings").query()));
        assertEquals("1.20 ms", text(robot, "#timing-dns"));
        assertEquals("3.40 ms", text(robot, "#timing-tcp"));
        assertEquals("12.8 ms", text(robot, "#timing-tls"));
        assertEquals("4.10 ms", text(robot, "#timing-upgrade"));
        assertEquals("21.5 ms", text(robot, "#timing-total"));

        onFx(() -> driver.open(model, new SessionEvent.Opened(2, WsUrl.parse("ws://a/"),
                new Handshake(REQUEST, RESPONSE, null), null, "", new Timings(-1, 800, -1, 2_000), 0)));
        assertEquals("\u2014", text(robot, "#timing-dns"));
        assertEquals("\u2014", text(robot, "#timing-tls"));
        assertEquals("2.80 ms", text(robot, "#timing-total"));
    }

    @Test
    void headersAreListedInWireOrderWithTheirOriginalCase(FxRobot robot) {
        onFx(() -> driver.open(model, opened(new Handshake(REQUEST, RESPONSE, null))));
        List<String> shown = texts(robot.lookup("#handshakeHeaders").query());
        assertEquals("GET /chat HTTP/1.1", shown.get(2));
        assertEquals(List.of("Host", "server.example.com", "Upgrade", "websocket", "Connection", "Upgrade",
                "Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ=="), shown.subList(3, 11));
        assertTrue(shown.contains("HTTP/1.1 101 Switching Protocols"));
        assertTrue(shown.indexOf("Sec-WebSocket-Accept") > shown.indexOf("HTTP/1.1 101 Switching Protocols"));
    }

    @Test
    void rawShowsTheHeadsAsOnTheWireAndCopiesAsTextAndCurl(FxRobot robot) {
        onFx(() -> driver.open(model, opened(new Handshake(REQUEST, RESPONSE, null))));
        robot.clickOn("#handshakeRawToggle");
        assertTrue(view.showingRaw());
        TextArea raw = robot.lookup("#handshakeRaw").queryAs(TextArea.class);
        assertTrue(shown(raw));
        assertFalse(shown(robot.lookup("#handshakeHeaders").query()));
        assertEquals((REQUEST + RESPONSE).replace("\r\n", "\n"), raw.getText());

        robot.clickOn("Copy as text");
        assertEquals(raw.getText(), clipboard());
        robot.clickOn("Copy as curl");
        String curl = clipboard();
        assertTrue(curl.startsWith("curl -i -N --http1.1 'https://server.example.com/chat' -H 'Upgrade: websocket'"), curl);
        assertTrue(curl.contains(" -H 'Cookie: session=abc123; theme=dark'"), curl);
        assertFalse(curl.contains("Host:"), curl);
    }

    @Test
    void theWheelOverTheRawTextScrollsTheWholePane(FxRobot robot) {
        onFx(() -> {
            driver.open(model, opened(new Handshake(REQUEST, RESPONSE, null)));
            view.setMaxHeight(360);
        });
        robot.clickOn("#handshakeRawToggle");
        ScrollPane scroll = robot.lookup(".handshake-scroll").queryAs(ScrollPane.class);
        Node rawContent = robot.lookup("#handshakeRaw .content").query();
        onFx(() -> {
            // The pane scrolls only as far as its last layout says the content overflows: lay out now,
            // not whenever the next pulse comes.
            view.applyCss();
            view.layout();
            Event.fireEvent(rawContent, new ScrollEvent(ScrollEvent.SCROLL, 10, 10, 10, 10,
                    false, false, false, false, false, false, 0, -40, 0, -40,
                    ScrollEvent.HorizontalTextScrollUnits.NONE, 0, ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null));
        });
        assertTrue(scroll.getVvalue() > 0, "the document scrolled");
    }

    @Test
    void aWrongAcceptIsCalledOutWithBothValues(FxRobot robot) {
        String bad = RESPONSE.replace("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", "AAAAAAAAAAAAAAAAAAAAAAAAAAA=");
        onFx(() -> driver.open(model, opened(new Handshake(REQUEST, bad, null))));
        Label accept = robot.lookup("#handshakeAccept").queryAs(Label.class);
        assertEquals("\u2717 mismatch", accept.getText());
        assertTrue(accept.getStyleClass().contains(Styles.DANGER));
        assertEquals("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", text(robot, "#handshakeAccept-expected"));
        assertEquals("AAAAAAAAAAAAAAAAAAAAAAAAAAA=", text(robot, "#handshakeAccept-received"));
    }

    @Test
    void aRefusedUpgradeShowsTheStatusAndTheBody(FxRobot robot) {
        Handshake refused = new Handshake(REQUEST, FORBIDDEN, FORBIDDEN_BODY.getBytes(StandardCharsets.UTF_8));
        onFx(() -> driver.fail(model, "wss://server.example.com/chat",
                new Failure(FailureKind.HTTP_STATUS, "HTTP 403 Forbidden", refused)));

        Label status = robot.lookup("#handshakeStatus").queryAs(Label.class);
        assertEquals("HTTP/1.1 403 Forbidden", status.getText());
        assertTrue(status.getStyleClass().contains(Styles.DANGER));
        assertEquals("not checked: no upgrade", text(robot, "#handshakeAccept"));
        assertFalse(shown(robot.lookup("#handshakeTimings").query()), "no timings without an open");
        TextArea body = robot.lookup("#handshakeBody").queryAs(TextArea.class);
        assertTrue(shown(body));
        assertEquals(FORBIDDEN_BODY, body.getText());

        robot.clickOn("#handshakeRawToggle");
        String raw = robot.lookup("#handshakeRaw").queryAs(TextArea.class).getText();
        assertTrue(raw.endsWith("HTTP/1.1 403 Forbidden\nContent-Type: application/json\nContent-Length: "
                + FORBIDDEN_BODY.length() + "\n\n" + FORBIDDEN_BODY), raw);
    }

    @Test
    void aRedirectIsNamedButNotFollowed(FxRobot robot) {
        Handshake moved = new Handshake(REQUEST, "HTTP/1.1 302 Found\r\nLocation: wss://other.example/chat\r\n\r\n", null);
        onFx(() -> driver.fail(model, "wss://server.example.com/chat", new Failure(FailureKind.HTTP_STATUS, "HTTP 302 Found", moved)));
        assertEquals("The server redirected to wss://other.example/chat (not followed)", text(robot, "#handshakeRedirect"));
    }

    @Test
    void aFailureBeforeTheUpgradeAndANewConnectGoBackToTheEmptyState(FxRobot robot) {
        onFx(() -> driver.open(model, opened(new Handshake(REQUEST, RESPONSE, null))));
        onFx(() -> {
            driver.fail(model, "wss://server.example.com/chat", new Failure(FailureKind.REFUSED, "server.example.com:443"));
        });
        Label placeholder = robot.lookup("#handshakePlaceholder").queryAs(Label.class);
        assertTrue(shown(placeholder));
        assertEquals("No upgrade was exchanged: connection refused: server.example.com:443", placeholder.getText());
        onFx(() -> driver.start(model, "wss://server.example.com/chat"));
        assertEquals("Connect to see the upgrade request and response.", placeholder.getText());
        assertNull(view.shownHandshake());
    }

    private static String clipboard() {
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()));
    }

    /** Visible with all its ancestors. */
    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
