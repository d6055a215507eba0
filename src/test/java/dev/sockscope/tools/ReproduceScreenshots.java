package dev.sockscope.tools;

import static dev.sockscope.testing.TestWindows.onFx;

import dev.sockscope.app.AppContext;
import dev.sockscope.core.RecordedConnection;
import dev.sockscope.testing.Eventually;
import dev.sockscope.testing.PythonPeer;
import dev.sockscope.ui.MainWindow;
import dev.sockscope.ui.sessions.RecordedSessionView;
import dev.sockscope.ui.sessions.ReproduceActions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * Replay, mock and compare: a conversation recorded through the proxy (python3-websockets, the
 * app and a scripted feed server); that session reopened and served as a mock to a python client
 * (the running mock); then replayed from the window against a changed server and compared with the
 * original (the diff). {@code java ... ReproduceScreenshots OUTDIR light|dark} under Xvfb.
 */
public final class ReproduceScreenshots {
    private static final Path CLIENT = Path.of("src/test/resources/peers/conversation_client.py").toAbsolutePath();

    private ReproduceScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        String theme = args[1];
        Platform.startup(() -> { });
        Path data = Files.createTempDirectory("sockscope-reproduce-shot");
        try (PythonPeer server = PythonPeer.script("scripted_server.py");
                PythonPeer changed = PythonPeer.script("scripted_server.py", "--changed");
                AppContext app = new AppContext(data)) {
            String session = app.sessions().currentSession();
            MainWindow window = onFx(() -> {
                MainWindow w = Snapshots.showWindow(app, dev.sockscope.app.Settings.defaults(), theme);
                w.proxy().preferencesProperty().set(w.proxy().preferencesProperty().get().withPort(0)
                        .withReverse("ws://127.0.0.1:" + server.port(), false));
                w.proxy().start();
                return w;
            });
            String address = Snapshots.proxyAddress(window);
            run(List.of(PythonPeer.PYTHON.toString(), CLIENT.toString(), "ws://" + address + "/feed", "recorded"));
            Eventually.eventually(Duration.ofSeconds(10), "the conversation recorded to its end",
                    () -> app.queries().connectionsOf(session).stream().anyMatch(c -> c.end() != null));
            RecordedSessionView view = onFx(() -> window.openRecordedSession(session));
            Eventually.eventually(Duration.ofSeconds(10), "the recorded connection listed",
                    () -> onFx(() -> view.connections().getItems().size() == 1));
            RecordedConnection original = onFx(() -> view.connections().getItems().get(0));
            onFx(() -> {
                view.connections().getSelectionModel().select(0);
                view.reproductions().startMock(original, new ReproduceActions.MockChoice(0, true, "/nonce", false, false));
                return null;
            });
            Eventually.eventually(Duration.ofSeconds(10), "the mock serving", () -> onFx(() -> window.lookup("#mockAddress")
                    != null));
            String mockUrl = onFx(() -> ((javafx.scene.control.Label) window.lookup("#mockAddress")).getText());
            run(List.of(PythonPeer.PYTHON.toString(), CLIENT.toString(), mockUrl, "shuffled"));
            Thread.sleep(1500); // the mock's client count refreshes each second; then a layout and CSS pass
            Scene scene = onFx(window::getScene);
            onFx(() -> {
                Snapshots.write(scene, out.resolve("screenshot-mock-" + theme + ".png"));
                view.reproductions().stopMock();
                return null;
            });
            Eventually.eventually(Duration.ofSeconds(10), "the mock stopped", () -> onFx(() -> window.lookup("#mockAddress")
                    == null));
            onFx(() -> {
                view.reproductions().startReplay(original, new ReproduceActions.ReplayChoice("ws://127.0.0.1:" + changed.port()
                        + "/feed", null, null, 0, "after the fix"));
                return null;
            });
            Eventually.eventually(Duration.ofSeconds(20), "the replay done", () -> onFx(() -> window.lookup("#compareReplay")
                    != null));
            onFx(() -> {
                ((javafx.scene.control.Button) window.lookup("#compareReplay")).fire();
                return null;
            });
            Eventually.eventually(Duration.ofSeconds(10), "the comparison", () -> onFx(() -> window.lookup("#comparisonRows")
                    != null));
            onFx(() -> {
                ((javafx.scene.control.TextField) window.lookup("#compareIgnore")).setText("/id /ts");
                ((javafx.scene.control.Button) window.lookup("#compareAgain")).fire();
                return null;
            });
            Thread.sleep(1500); // the comparison runs again in the background; then a layout and CSS pass
            onFx(() -> {
                Snapshots.write(scene, out.resolve("screenshot-compare-" + theme + ".png"));
                return null;
            });
        } finally {
            Platform.exit();
        }
    }

    private static void run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        p.waitFor(30, TimeUnit.SECONDS);
    }
}
