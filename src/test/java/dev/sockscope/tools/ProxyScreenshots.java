package dev.sockscope.tools;

import static dev.sockscope.testing.TestWindows.onFx;

import dev.sockscope.app.AppContext;
import dev.sockscope.app.LocalAuthority;
import dev.sockscope.testing.PythonPeer;
import dev.sockscope.ui.MainWindow;
import dev.sockscope.ui.common.Theme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The proxy's screenshots: its tab after python3-websockets went through it, and that connection
 * opened read-only. {@code java ... ProxyScreenshots OUTDIR light|dark} under Xvfb.
 */
public final class ProxyScreenshots {
    private ProxyScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        String theme = args[1];
        Platform.startup(() -> { });
        try (PythonPeer server = PythonPeer.start(null, null);
                AppContext app = new AppContext(Files.createTempDirectory("sockscope-proxy-shot"))) {
            MainWindow window = onFx(() -> {
                MainWindow w = new MainWindow(app, dev.sockscope.app.Settings.defaults().withTheme(theme),
                        new dev.sockscope.ui.fx.Background(app.background(), new dev.sockscope.ui.fx.FxThread()));
                Stage stage = new Stage();
                Scene scene = new Scene(w, 1280, 800);
                Theme.apply(theme, scene);
                stage.setScene(scene);
                stage.show();
                w.proxy().setPort(0);
                w.proxy().start();
                w.showProxyTab();
                return w;
            });
            for (int i = 0; i < 100 && onFx(() -> window.proxy().addressProperty().get()).isEmpty(); i++) {
                Thread.sleep(100);
            }
            String address = onFx(() -> window.proxy().addressProperty().get());
            int port = Integer.parseInt(address.substring(address.indexOf(':') + 1));
            for (String path : new String[] {"/market/stream", "/chat?room=qa"}) {
                Process client = new ProcessBuilder(PythonPeer.PYTHON.toString(),
                        Path.of("src/test/resources/peers/proxied_client.py").toAbsolutePath().toString(), String.valueOf(port),
                        "ws://127.0.0.1:" + server.port() + path, "--cafile",
                        LocalAuthority.in(app.dataDir()).info().certificateFile().toString()).start();
                client.getInputStream().readAllBytes();
                client.waitFor(30, TimeUnit.SECONDS);
            }
            Thread.sleep(1500);
            Scene scene = onFx(window::getScene);
            onFx(() -> {
                Snapshots.write(scene, out.resolve("screenshot-proxy-" + theme + ".png"));
                return null;
            });
            onFx(() -> {
                var list = (javafx.scene.control.ListView<?>) window.lookup("#proxyConnections");
                list.getSelectionModel().select(0);
                ((javafx.scene.control.Button) window.lookup("#openProxied")).fire();
                return null;
            });
            Thread.sleep(1500);
            onFx(() -> {
                Snapshots.write(scene, out.resolve("screenshot-proxied-" + theme + ".png"));
                return null;
            });
        } finally {
            Platform.exit();
        }
    }
}
