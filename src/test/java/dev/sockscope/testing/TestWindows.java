package dev.sockscope.testing;

import dev.sockscope.app.AppContext;
import dev.sockscope.app.Settings;
import dev.sockscope.ui.MainWindow;
import dev.sockscope.ui.common.Theme;
import dev.sockscope.ui.fx.Background;
import dev.sockscope.ui.fx.FxThread;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The main window as UI tests and benchmarks show it, and a way to run code on the FX thread from another. */
public final class TestWindows {
    private TestWindows() {
    }

    /** A main window with default settings in this stage: light theme, 1280×800, shown. FX thread. */
    public static MainWindow show(Stage stage, AppContext app) {
        return show(stage, app, new Background(app.background(), new FxThread()));
    }

    /** The same, with the background the test keeps for itself. */
    public static MainWindow show(Stage stage, AppContext app, Background background) {
        MainWindow window = new MainWindow(app, Settings.defaults(), background);
        Scene scene = new Scene(window, 1280, 800);
        Theme.apply(Theme.LIGHT, scene);
        stage.setScene(scene);
        stage.show();
        return window;
    }

    /**
     * Closes as the app does at exit: the window's tabs let go and its proxy stops (on the FX
     * thread), then the recording closes. Not on the FX thread.
     */
    public static void closeAsTheAppDoes(MainWindow window, AppContext app) throws Exception {
        onFx(() -> {
            window.disposeAll();
            return null;
        });
        app.close();
    }

    /** Runs {@code call} on the FX thread and waits for its result (a minute at most). Not on the FX thread. */
    public static <T> T onFx(Callable<T> call) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(call.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(60, TimeUnit.SECONDS);
    }
}
