package dev.sockscope.tools;

import static dev.sockscope.testing.TestWindows.onFx;

import dev.sockscope.app.AppContext;
import dev.sockscope.app.LocalAuthority;
import dev.sockscope.testing.PythonPeer;
import dev.sockscope.ui.MainWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * The proxy's screenshots: its tab after python3-websockets went through it, and that connection
 * opened read-only. {@code java ... ProxyScreenshots OUTDIR light|dark} under Xvfb.
 */
public final class ProxyScreenshots {
    private ProxyScreenshots() {
    }

    /** Each app (URL, CA file or null) through the proxy with python3-websockets, one after another. */
    private static void runApps(int port, String[][] apps) throws Exception {
        for (String[] a : apps) {
            java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(PythonPeer.PYTHON.toString(),
                Path.of("src/test/resources/peers/proxied_client.py").toAbsolutePath().toString(), String.valueOf(port),
                a[0]));
            if (a[1] != null) {
                command.addAll(java.util.List.of("--cafile", a[1]));
            }
            Process client = new ProcessBuilder(command).redirectErrorStream(true).start();
            client.getInputStream().readAllBytes();
            client.waitFor(30, TimeUnit.SECONDS);
        }
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        String theme = args[1];
        Platform.startup(() -> { });
        dev.sockscope.testing.TestPki pki = new dev.sockscope.testing.TestPki();
        Path upstreamCa = pki.writeRootPem(Files.createTempDirectory("sockscope-shot-ca"));
        try (PythonPeer server = PythonPeer.start(null, null);
                dev.sockscope.testing.EchoServer secure = dev.sockscope.testing.EchoServer.tls(
                        dev.sockscope.tls.ServerTls.context(pki.localhostLeaf()));
                AppContext app = new AppContext(Files.createTempDirectory("sockscope-proxy-shot"))) {
            MainWindow window = onFx(() -> {
                MainWindow w = Snapshots.showWindow(app, dev.sockscope.app.Settings.defaults(), theme);
                w.proxy().preferencesProperty().set(w.proxy().preferencesProperty().get().withPort(0)
                        .withCaFile(upstreamCa.toString()));
                w.proxy().start();
                w.showProxyTab();
                return w;
            });
            String address = Snapshots.proxyAddress(window);
            int port = Integer.parseInt(address.substring(address.indexOf(':') + 1));
            String ca = LocalAuthority.in(app.dataDir()).info().certificateFile().toString();
            String[][] apps = {{"ws://127.0.0.1:" + server.port() + "/market/stream", ca},
                {"wss://localhost:" + secure.boundPort() + "/orders", ca},
                {"ws://127.0.0.1:" + server.port() + "/chat?room=qa", ca},
                {"wss://localhost:" + secure.boundPort() + "/notifications", null}};
            runApps(port, apps);
            Thread.sleep(1500);
            Scene scene = onFx(window::getScene);
            onFx(() -> {
                Snapshots.write(scene, out.resolve("screenshot-proxy-" + theme + ".png"));
                return null;
            });
            onFx(() -> {
                var list = (javafx.scene.control.ListView<?>) window.lookup("#proxyConnections");
                list.getSelectionModel().select(1);
                ((javafx.scene.control.Button) window.lookup("#openProxied")).fire();
                return null;
            });
            Thread.sleep(1500);
            onFx(() -> {
                Snapshots.write(scene, out.resolve("screenshot-proxied-" + theme + ".png"));
                var side = (javafx.scene.control.TabPane) scene.getRoot().lookup(".detail-tabs");
                side.getSelectionModel().select(2);
                var split = (javafx.scene.control.SplitPane) scene.getRoot().lookup(".proxied-connection .split-pane");
                split.setDividerPositions(0.3);
                return null;
            });
            Thread.sleep(1500);
            onFx(() -> {
                Snapshots.write(scene, out.resolve("screenshot-proxy-legs-" + theme + ".png"));
                window.proxyTabs().showAssistant();
                return null;
            });
            Thread.sleep(1500);
            onFx(() -> {
                Snapshots.write(scene, out.resolve("screenshot-ca-assistant-" + theme + ".png"));
                window.showProxyTab();
                ((javafx.scene.control.TitledPane) scene.getRoot().lookup("#proxySettings")).setExpanded(true);
                return null;
            });
            Thread.sleep(1000);
            onFx(() -> {
                Snapshots.write(scene, out.resolve("screenshot-proxy-settings-" + theme + ".png"));
                return null;
            });
        } finally {
            Platform.exit();
        }
    }
}
