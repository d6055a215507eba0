package dev.sockscope.tools;

import static dev.sockscope.testing.TestWindows.onFx;

import dev.sockscope.app.AppContext;
import dev.sockscope.testing.PythonPeer;
import dev.sockscope.ui.MainWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * Rules and breakpoints: the proxy (reverse mode, to python3-websockets' echo server) with a few
 * rules, an app's price update held at a breakpoint and being edited; then that connection
 * opened, the changed message selected with the original and what was sent beside it.
 * {@code java ... InterceptScreenshots OUTDIR light|dark} under Xvfb.
 */
public final class InterceptScreenshots {
    private static final String RULES = """
            [
              {"name": "hold prices", "match": {"direction": "receive", "jsonPointer": "/type", "equals": "price"},
               "action": {"pause": true}},
              {"name": "lossy feed", "match": {"path": "/feed*", "direction": "receive", "every": 2, "contains": "tick"},
               "action": {"drop": true}},
              {"name": "slow orders", "match": {"direction": "send", "contains": "order"}, "action": {"delayMs": 300}},
              {"name": "kick on logout", "enabled": false, "match": {"contains": "logout"},
               "action": {"close": {"code": 4001, "reason": "kicked", "to": "app"}}}
            ]
            """;

    private InterceptScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        String theme = args[1];
        Platform.startup(() -> { });
        Path data = Files.createTempDirectory("sockscope-intercept-shot");
        Files.writeString(data.resolve("rules.json"), RULES);
        try (PythonPeer server = PythonPeer.start(null, null); AppContext app = new AppContext(data)) {
            MainWindow window = onFx(() -> {
                MainWindow w = Snapshots.showWindow(app, dev.sockscope.app.Settings.defaults(), theme);
                w.proxy().preferencesProperty().set(w.proxy().preferencesProperty().get().withPort(0)
                        .withReverse("ws://127.0.0.1:" + server.port(), false));
                w.proxy().start();
                w.showProxyTab();
                return w;
            });
            String address = Snapshots.proxyAddress(window);
            Process client = new ProcessBuilder(List.of(PythonPeer.PYTHON.toString(),
                    Path.of("src/test/resources/peers/rules_client.py").toAbsolutePath().toString(), "ws://" + address + "/feed/eurusd",
                    "--quiet-ms", "4000", "--send", "{\"type\":\"tick\",\"seq\":1}", "--send", "{\"type\":\"tick\",\"seq\":2}",
                    "--send", "{\"type\":\"price\",\"symbol\":\"EURUSD\",\"bid\":1.0832,\"ask\":1.0834}"))
                    .redirectErrorStream(true).start();
            dev.sockscope.testing.Eventually.eventually(java.time.Duration.ofSeconds(10), "a message held",
                    () -> !onFx(() -> window.proxy().intercept().held().isEmpty()));
            onFx(() -> {
                var held = (javafx.scene.control.ListView<?>) window.lookup("#heldMessages");
                held.getSelectionModel().select(0);
                var payload = (javafx.scene.control.TextArea) window.lookup("#heldPayload");
                payload.setText(payload.getText().replace("1.0832", "-1"));
                return null;
            });
            Thread.sleep(1200);
            Scene scene = onFx(window::getScene);
            onFx(() -> {
                Snapshots.write(scene, out.resolve("screenshot-breakpoints-" + theme + ".png"));
                ((javafx.scene.control.Button) window.lookup("#heldForwardEdited")).fire();
                return null;
            });
            client.getInputStream().readAllBytes();
            client.waitFor(30, TimeUnit.SECONDS);
            Thread.sleep(1000);
            onFx(() -> {
                var list = (javafx.scene.control.ListView<?>) window.lookup("#proxyConnections");
                list.getSelectionModel().select(0);
                ((javafx.scene.control.Button) window.lookup("#openProxied")).fire();
                return null;
            });
            Thread.sleep(1500);
            onFx(() -> {
                var table = (javafx.scene.control.TableView<?>) scene.getRoot().lookup("#messageLog");
                for (int i = 0; i < table.getItems().size(); i++) {
                    if (String.valueOf(table.getItems().get(i)).contains("replaced")) {
                        table.getSelectionModel().select(i);
                        break;
                    }
                }
                var split = (javafx.scene.control.SplitPane) scene.getRoot().lookup(".proxied-connection .split-pane");
                if (split != null) {
                    split.setDividerPositions(0.36);
                }
                return null;
            });
            Thread.sleep(1500);
            onFx(() -> {
                Snapshots.write(scene, out.resolve("screenshot-modified-message-" + theme + ".png"));
                return null;
            });
        } finally {
            Platform.exit();
        }
    }
}
