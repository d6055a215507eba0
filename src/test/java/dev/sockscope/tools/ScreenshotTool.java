package dev.sockscope.tools;

import dev.sockscope.app.AppContext;
import dev.sockscope.app.Settings;
import dev.sockscope.core.ConnectionState;
import dev.sockscope.testing.EchoServer;
import dev.sockscope.ui.MainWindow;
import dev.sockscope.ui.common.Theme;
import dev.sockscope.ui.connection.ComposerMode;
import dev.sockscope.ui.connection.ClientTabModel;
import dev.sockscope.ui.fx.Background;
import dev.sockscope.ui.fx.FxThread;
import dev.sockscope.ui.connection.ConnectionTabView;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.sockscope.app.TabState;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Makes the README's screenshot: the main window with a live connection to a loopback server
 * and a page of messages, one JSON message selected. Run under Xvfb:
 *
 * <pre>xvfb-run -a -s '-screen 0 1440x900x24' mvn -q test-compile exec:exec -Pscreenshots</pre>
 *
 * <p>With a third argument it makes one of the others instead: {@code certificate}, {@code handshake},
 * {@code search}, {@code recorded}, {@code failure} or {@code frames}.
 */
public final class ScreenshotTool {
    private ScreenshotTool() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs");
        String theme = args.length > 1 ? args[1] : Theme.LIGHT;
        Files.createDirectories(out);
        Platform.startup(() -> { });
        if (args.length > 2) {
            try {
                if (args[2].equals("failure")) {
                    failure(out, theme);
                } else if (args[2].equals("frames")) {
                    frames(out, theme);
                } else {
                    certificate(out, theme, args[2]);
                }
            } finally {
                Platform.exit();
            }
            return;
        }
        try (EchoServer server = EchoServer.plain(); AppContext app = new AppContext(Files.createTempDirectory("sockscope-shot"))) {
            AtomicReference<MainWindow> window = new AtomicReference<>();
            AtomicReference<Scene> scene = new AtomicReference<>();
            onFx(() -> {
                MainWindow w = show(app, theme, scene);
                window.set(w);
                ClientTabModel model = tab(w).model();
                model.request().urlProperty().set("ws://127.0.0.1:" + server.boundPort() + "/market/stream");
                model.request().subprotocolsProperty().set("chat");
                model.connect();
            });
            ClientTabModel model = tab(window.get()).model();
            waitFor(() -> model.connection().stateProperty().get() == ConnectionState.OPEN);
            onFx(() -> converse(model));
            waitFor(() -> model.connection().receivedCountProperty().get() >= 22);
            Thread.sleep(400);
            onFx(() -> {
                var table = tab(window.get()).log().table();
                int pick = table.getItems().size() - 1;
                while (pick > 0 && !(table.getItems().get(pick).direction() == dev.sockscope.core.Direction.RECEIVE
                        && table.getItems().get(pick).preview().startsWith("{\"type\":\"ticker\""))) {
                    pick--;
                }
                table.getSelectionModel().select(pick);
                model.composer().modeProperty().set(ComposerMode.JSON);
                model.composer().draftProperty().set("{\"op\":\"unsubscribe\",\"channel\":\"ticker\"}");
                model.saveDraft("unsubscribe ticker");
                model.composer().draftProperty().set("{\"op\":\"ping\",\"id\":7}");
                model.saveDraft("app-level ping");
                model.composer().draftProperty().set("{\"op\":\"subscribe\",\"channel\":\"trades\",\"symbols\":[\"BTC-USD\"]}");
            });
            shotOptions(window.get());
            Thread.sleep(600);
            // At another window size (-Dshot.size) the file says which: screenshot-light-1024x700.png.
            String name = "screenshot-" + theme + (System.getProperty("shot.size") == null ? ""
                    : "-" + System.getProperty("shot.size")) + ".png";
            snapshot(scene.get(), out.resolve(name));
            System.out.println("wrote " + out.resolve(name));
        } finally {
            Platform.exit();
        }
    }

    /**
     * The log in its frame view: a server sends a text message in three fragments with a ping
     * between them; we send one message; our (masked) frame is selected.
     */
    private static void frames(Path out, String theme) throws Exception {
        java.io.ByteArrayOutputStream script = new java.io.ByteArrayOutputStream();
        script.writeBytes(frame(false, dev.sockscope.core.Opcode.TEXT, "{\"ticker\":\"ACM"));
        script.writeBytes(frame(false, dev.sockscope.core.Opcode.CONTINUATION, "E\",\"price\":42."));
        script.writeBytes(frame(true, dev.sockscope.core.Opcode.PING, "beat"));
        script.writeBytes(frame(true, dev.sockscope.core.Opcode.CONTINUATION, "17}"));
        try (dev.sockscope.testing.ScriptedServer server = dev.sockscope.testing.ScriptedServer.writing(script.toByteArray());
             AppContext app = new AppContext(Files.createTempDirectory("sockscope-shot"))) {
            AtomicReference<MainWindow> window = new AtomicReference<>();
            AtomicReference<Scene> scene = new AtomicReference<>();
            onFx(() -> {
                MainWindow w = show(app, theme, scene);
                window.set(w);
                tab(w).model().request().urlProperty().set(server.url());
                tab(w).model().connect();
            });
            ClientTabModel model = tab(window.get()).model();
            waitFor(() -> model.connection().stateProperty().get() == ConnectionState.OPEN);
            Thread.sleep(300);
            onFx(() -> send(model, ComposerMode.TEXT, "{\"op\":\"subscribe\",\"symbols\":[\"ACME\"]}"));
            Thread.sleep(300);
            onFx(() -> {
                ((javafx.scene.control.ToggleButton) tab(window.get()).lookup("#framesViewToggle")).setSelected(true);
            });
            Thread.sleep(500);
            onFx(() -> {
                var table = tab(window.get()).log().table();
                for (int i = 0; i < table.getItems().size(); i++) {
                    if (table.getItems().get(i).direction() == dev.sockscope.core.Direction.SEND
                            && table.getItems().get(i).opcode() == dev.sockscope.core.Opcode.TEXT) {
                        table.getSelectionModel().select(i);
                    }
                }
            });
            Thread.sleep(600);
            snapshot(scene.get(), out.resolve("screenshot-frames.png"));
            System.out.println("wrote " + out.resolve("screenshot-frames.png"));
        }
    }

    private static byte[] frame(boolean fin, dev.sockscope.core.Opcode opcode, String text) {
        return dev.sockscope.codec.FrameEncoder.encode(fin, 0, opcode, text.getBytes(java.nio.charset.StandardCharsets.UTF_8), -1);
    }

    /** The certificate view of a live wss:// connection through a root, an intermediate and a leaf. */
    private static void certificate(Path out, String theme, String pane) throws Exception {
        var root = new dev.sockscope.tls.CertificateBuilder().commonName("Acme Demo Root CA").organization("Acme Demo")
                .certificateAuthority(1).validity(java.time.Instant.now().minus(java.time.Duration.ofDays(400)),
                        java.time.Instant.now().plus(java.time.Duration.ofDays(3200))).build();
        var issuing = new dev.sockscope.tls.CertificateBuilder().commonName("Acme Demo Issuing CA 1").organization("Acme Demo")
                .certificateAuthority(0).signedBy(root).build();
        var leaf = new dev.sockscope.tls.CertificateBuilder().commonName("localhost").organization("Acme Demo")
                .addSubjectAltName("localhost").addSubjectAltName("api.acme.test").addSubjectAltName("127.0.0.1")
                .signedBy(issuing).build();
        Path caFile = Files.createTempFile("acme-root", ".pem");
        Files.writeString(caFile, root.certificatePem());
        try (EchoServer server = EchoServer.tls(dev.sockscope.tls.ServerTls.context(leaf, issuing.certificate()));
             AppContext app = new AppContext(Files.createTempDirectory("sockscope-shot"))) {
            AtomicReference<MainWindow> window = new AtomicReference<>();
            AtomicReference<Scene> scene = new AtomicReference<>();
            onFx(() -> {
                MainWindow w = show(app, theme, scene);
                window.set(w);
                tab(w).model().request().caFileProperty().set(caFile.toString());
                tab(w).model().request().urlProperty().set("wss://localhost:" + server.boundPort() + "/v2/stream");
                tab(w).model().connect();
            });
            ClientTabModel model = tab(window.get()).model();
            waitFor(() -> model.connection().stateProperty().get() == ConnectionState.OPEN);
            onFx(() -> converse(model));
            waitFor(() -> model.connection().receivedCountProperty().get() >= 20);
            onFx(() -> {
                var sides = window.get().lookupAll(".tab-pane");
                for (var node : sides) {
                    if (node instanceof javafx.scene.control.TabPane sidePane && sidePane.getTabs().size() >= 3) {
                        sidePane.getSelectionModel().select(pane.equals("handshake") ? 1 : 2);
                    }
                }
                for (var node : window.get().lookupAll(".split-pane")) {
                    if (node instanceof javafx.scene.control.SplitPane split
                            && split.getOrientation() == javafx.geometry.Orientation.HORIZONTAL) {
                        split.setDividerPositions(0.36);
                    }
                }
            });
            Thread.sleep(1500);
            if (pane.equals("search")) {
                onFx(() -> {
                    var field = (javafx.scene.control.TextField) window.get().lookup("#searchField");
                    field.setText("ETH-USD");
                    field.fireEvent(new javafx.event.ActionEvent());
                });
                Thread.sleep(1500);
                onFx(() -> {
                    var results = (javafx.scene.control.TableView<?>) window.get().lookup("#searchResults");
                    results.getSelectionModel().select(1);
                    for (var node : window.get().lookupAll(".toggle-button")) {
                        if (node instanceof javafx.scene.control.ToggleButton t && "Filters".equals(t.getText())) {
                            t.setSelected(true);
                        }
                    }
                });
                Thread.sleep(500);
            }
            if (pane.equals("recorded")) {
                reopenRecorded(app, model, window.get());
            }
            snapshot(scene.get(), out.resolve("screenshot-" + pane + ".png"));
            System.out.println("wrote " + out.resolve("screenshot-" + pane + ".png"));
        }
    }

    /** Closes the live connection, reopens its session read-only and selects a ticker message. */
    private static void reopenRecorded(AppContext app, ClientTabModel live, MainWindow window) throws Exception {
        onFx(() -> live.close(1000, "done"));
        waitFor(() -> app.queries().connectionsOf("default").stream().anyMatch(c -> c.end() != null));
        AtomicReference<dev.sockscope.ui.sessions.RecordedSessionView> view = new AtomicReference<>();
        int page = Integer.getInteger("shot.page", 0);
        onFx(() -> {
            if (page > 0) {
                // Small pages, to show the page bar of a long connection.
                view.set(new dev.sockscope.ui.sessions.RecordedSessionView(app.queries(), app.transfers(), app.tlsInspection(),
                        new Background(app.background(), new FxThread()), "default",
                        new javafx.beans.property.SimpleBooleanProperty(), page));
                window.tabs().getTabs().add(new javafx.scene.control.Tab("default", view.get()));
                window.tabs().getSelectionModel().selectLast();
            } else {
                view.set(window.openRecordedSession("default"));
            }
        });
        waitFor(() -> view.get().shownConnection() != null && view.get().shownConnection().log().table().getItems().size()
                > (page > 0 ? 0 : 20));
        Thread.sleep(500);
        onFx(() -> {
            var table = view.get().shownConnection().log().table();
            int pick = table.getItems().size() - 1;
            while (pick > 0 && !table.getItems().get(pick).preview().startsWith("{\"type\":\"ticker\"")) {
                pick--;
            }
            table.getSelectionModel().select(pick);
        });
        Thread.sleep(1000);
    }

    /** A refused upgrade: the banner with the server's status, headers and body. */
    private static void failure(Path out, String theme) throws Exception {
        String body = "{\"error\":\"invalid_token\",\"detail\":\"the access token expired at 2026-11-21T08:00:00Z\"}";
        try (dev.sockscope.testing.RawServer server = dev.sockscope.testing.RawServer.answering(
                "HTTP/1.1 401 Unauthorized\r\nContent-Type: application/json\r\nWWW-Authenticate: Bearer error=\"invalid_token\"\r\n"
                        + "X-Request-Id: 7f3c2a\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
             AppContext app = new AppContext(Files.createTempDirectory("sockscope-shot"))) {
            AtomicReference<MainWindow> window = new AtomicReference<>();
            AtomicReference<Scene> scene = new AtomicReference<>();
            onFx(() -> {
                MainWindow w = show(app, theme, scene);
                window.set(w);
                tab(w).model().request().urlProperty().set("ws://127.0.0.1:" + server.port() + "/graphql");
                tab(w).model().connect();
            });
            waitFor(() -> tab(window.get()).model().connection().stateProperty().get() == ConnectionState.FAILED);
            Thread.sleep(500);
            snapshot(scene.get(), out.resolve("screenshot-failure.png"));
            System.out.println("wrote " + out.resolve("screenshot-failure.png"));
        }
    }

    /** A main window in its own stage, themed and sized like the README's screenshots. FX thread. */
    /** -Dshot.tree, -Dshot.filter=TEXT and -Dshot.request show the tree view, a filter or the request drawer. */
    private static void shotOptions(MainWindow w) throws InterruptedException {
        if (Boolean.getBoolean("shot.tree")) {
            selectToggle(w, "Tree");
        }
        if (System.getProperty("shot.filter") != null) {
            onFx(() -> ((javafx.scene.control.TextField) w.lookup("#logFilterField"))
                    .setText(System.getProperty("shot.filter")));
            Thread.sleep(500);
        }
        if (Boolean.getBoolean("shot.request")) {
            selectToggle(w, "Request");
        }
        if (Boolean.getBoolean("shot.large")) {
            // A 3 MB JSON message sent and its echo selected (shown as rows), and a large draft in the composer.
            var model = tab(w).model();
            StringBuilder json = new StringBuilder("{\"book\":[");
            while (json.length() < 3_000_000) {
                json.append("{\"price\":64000.5,\"size\":0.25,\"side\":\"bid\",\"venue\":\"example\"},");
            }
            json.append("{}]}");
            long before = model.connection().receivedCountProperty().get();
            onFx(() -> {
                model.composer().largeProperty().set(dev.sockscope.ui.connection.LargeDraft.ofText("book.json", json.toString()));
                model.send();
            });
            waitFor(() -> model.connection().receivedCountProperty().get() > before);
            Thread.sleep(500);
            onFx(() -> {
                var table = tab(w).log().table();
                table.getSelectionModel().select(table.getItems().size() - 1);
            });
            Thread.sleep(1500);
        }
        if (Boolean.getBoolean("shot.saved")) {
            onFx(() -> {
                var model = tab(w).model();
                model.saved().setAll(List.of(new TabState.SavedMessage("subscribe BTC", "json", "{\"op\":\"subscribe\",\"ch\":\"BTC-USD\"}"),
                        new TabState.SavedMessage("heartbeat", "hex", "0001")));
                model.shared().setAll(List.of(new TabState.SavedMessage("auth", "json", "{\"token\":\"…\"}")));
                for (var node : w.lookupAll(".tab-pane")) {
                    if (node instanceof javafx.scene.control.TabPane pane) {
                        pane.getTabs().stream().filter(t -> "Saved".equals(t.getText())).findFirst()
                                .ifPresent(t -> pane.getSelectionModel().select(t));
                    }
                }
            });
        }
    }

    private static void selectToggle(MainWindow w, String text) throws InterruptedException {
        onFx(() -> {
            for (var node : w.lookupAll(".toggle-button")) {
                if (node instanceof javafx.scene.control.ToggleButton t && text.equals(t.getText())) {
                    t.setSelected(true);
                }
            }
        });
    }

    private static MainWindow show(AppContext app, String theme, AtomicReference<Scene> scene) {
        MainWindow window = new MainWindow(app, Settings.defaults().withTheme(theme), new Background(app.background(),
                new FxThread()));
        // -Dshot.size=1024x700 shows a view at another window size (issue 11: every view fits at 1024x700).
        String[] size = System.getProperty("shot.size", "1360x820").split("x");
        Scene s = new Scene(window, Integer.parseInt(size[0]), Integer.parseInt(size[1]));
        Theme.apply(theme, s);
        Stage stage = new Stage();
        stage.setTitle("Sockscope");
        stage.setScene(s);
        stage.show();
        scene.set(s);
        return window;
    }

    private static void snapshot(Scene scene, Path file) throws InterruptedException {
        onFx(() -> {
            try {
                Snapshots.write(scene, file);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private static ConnectionTabView tab(MainWindow w) {
        return (ConnectionTabView) w.tabs().getSelectionModel().getSelectedItem().getContent();
    }

    private static void converse(ClientTabModel model) {
        List<String> messages = List.of(
                "{\"op\":\"auth\",\"token\":\"eyJhbGciOiJIUzI1NiJ9.demo\"}",
                "{\"op\":\"subscribe\",\"channel\":\"ticker\",\"symbols\":[\"BTC-USD\",\"ETH-USD\"]}");
        for (String m : messages) {
            send(model, ComposerMode.JSON, m);
        }
        String[] symbols = {"BTC-USD", "ETH-USD", "SOL-USD"};
        for (int i = 0; i < 14; i++) {
            String symbol = symbols[i % 3];
            double price = 64000 / (1 + i % 3 * 12.0) + i * 3.25;
            send(model, ComposerMode.JSON, String.format(Locale.ROOT,
                    "{\"type\":\"ticker\",\"symbol\":\"%s\",\"price\":%.2f,\"size\":%.4f,\"side\":\"%s\",\"seq\":%d}",
                    symbol, price, 0.01 * (i + 1), i % 2 == 0 ? "buy" : "sell", 48211 + i));
        }
        send(model, ComposerMode.HEX, "0a 1f 00 ff 42 73 6f 63 6b 73 63 6f 70 65 00 01 02 03");
        model.ping("heartbeat");
        for (int i = 0; i < 5; i++) {
            send(model, ComposerMode.TEXT, "status: all channels healthy, latency " + (3 + i) + " ms");
        }
        model.composer().draftProperty().set("");
    }

    private static void send(ClientTabModel model, ComposerMode mode, String text) {
        model.composer().modeProperty().set(mode);
        model.composer().draftProperty().set(text);
        model.send();
    }

    private static void onFx(Runnable action) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Platform.runLater(() -> {
            try {
                action.run();
            } catch (RuntimeException e) {
                failure.set(e);
            } finally {
                done.countDown();
            }
        });
        if (!done.await(20, TimeUnit.SECONDS)) {
            throw new IllegalStateException("FX thread did not run the action");
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("condition not met in 20 s");
            }
            Thread.sleep(50);
        }
    }

}
