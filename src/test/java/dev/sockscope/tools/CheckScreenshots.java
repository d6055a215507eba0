package dev.sockscope.tools;

import static dev.sockscope.testing.TestWindows.onFx;

import dev.sockscope.app.AppContext;
import dev.sockscope.app.TabState;
import dev.sockscope.testing.OpenSsl;
import dev.sockscope.testing.PythonPeer;
import dev.sockscope.ui.MainWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.VBox;

/**
 * The security check's screenshot: a tab whose endpoint (python3-websockets over TLS, a chain
 * from openssl that expires in 10 days, a session cookie) gets a mixed report.
 * {@code java ... CheckScreenshots OUTDIR light|dark} under Xvfb.
 */
public final class CheckScreenshots {
    private CheckScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        String theme = args[1];
        Platform.startup(() -> { });
        Path pki = Files.createTempDirectory("sockscope-check-shot");
        OpenSsl.makeChain(pki);
        try (PythonPeer server = PythonPeer.start(pki.resolve("leaf.pem"), pki.resolve("leaf.key"));
                AppContext app = new AppContext(Files.createTempDirectory("sockscope-check-data"))) {
            TabState tab = new TabState("wss://localhost:" + server.port() + "/orders",
                    List.of(new TabState.HeaderRow("Cookie", "session=4f2a9c", true)), "", 5,
                    pki.resolve("ca.pem").toString(), List.of(), "", "TEXT", List.of(), false, false);
            MainWindow window = onFx(() -> Snapshots.showWindow(app, dev.sockscope.app.Settings.defaults()
                    .withTabs(List.of(tab), 0), theme));
            // Its first layout, before the button is looked up and pressed.
            Thread.sleep(1000);
            onFx(() -> {
                ((Button) window.lookup("#checkSecurityButton")).fire();
                ((SplitPane) window.lookup(".connection-view .split-pane")).setDividerPositions(0.36);
                return null;
            });
            dev.sockscope.testing.Eventually.settle(java.time.Duration.ofSeconds(30),
                    () -> onFx(() -> ((VBox) window.lookup("#checkItems")).getChildren().size()), n -> n >= 8);
            // The cards' own layout and CSS pass, before the picture.
            Thread.sleep(800);
            Scene scene = onFx(window::getScene);
            onFx(() -> {
                Node root = scene.getRoot();
                Snapshots.write(scene, out.resolve("screenshot-check-" + theme + ".png"));
                return root;
            });
        } finally {
            Platform.exit();
        }
    }
}
