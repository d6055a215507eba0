package dev.sockscope.testing;

import dev.sockscope.app.AppContext;
import dev.sockscope.app.FrameLog;
import dev.sockscope.core.Direction;
import dev.sockscope.app.Settings;
import dev.sockscope.ui.MainWindow;
import dev.sockscope.ui.connection.ConnectionTabView;
import dev.sockscope.ui.fx.Background;
import dev.sockscope.ui.fx.FxThread;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The real main window in its own JVM (headless, Monocle), with its first tab connected to
 * {@code args[1]} and recording into {@code args[0]}: what a user's GUI does, for the kill -9
 * test. Prints "received COUNT EPOCH_MILLIS" every 100 ms; runs until killed.
 */
public final class GuiRecordingMain {
    private GuiRecordingMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path dataDir = Path.of(args[0]);
        String url = args[1];
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        AppContext app = new AppContext(dataDir);
        AtomicReference<FrameLog> log = new AtomicReference<>();
        FxThread ui = new FxThread();
        ui.run(() -> {
            MainWindow window = new MainWindow(app, Settings.defaults(), new Background(app.background(), ui));
            Stage stage = new Stage();
            stage.setScene(new Scene(window, 1280, 800));
            stage.show();
            ConnectionTabView tab = (ConnectionTabView) window.tabs().getTabs().get(0).getContent();
            tab.model().request().urlProperty().set(url);
            tab.model().connect();
            log.set(tab.model().connection().log());
        });
        // What the tab has received, and when: the test's bound for what must have been recorded.
        while (true) {
            FrameLog received = log.get();
            if (received != null) {
                System.out.println("received " + received.count(Direction.RECEIVE) + " " + System.currentTimeMillis());
                System.out.flush();
            }
            Thread.sleep(100);
        }
    }
}
