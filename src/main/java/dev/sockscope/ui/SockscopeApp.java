package dev.sockscope.ui;

import dev.sockscope.app.AppContext;
import dev.sockscope.app.DataDirectory;
import dev.sockscope.app.Settings;
import dev.sockscope.ui.common.Theme;
import dev.sockscope.ui.fx.Background;
import dev.sockscope.ui.fx.FxThread;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop application. Builds the app context for the data directory passed as
 * {@code --data-dir=DIR}, shows the main window, and saves open tabs every few seconds when they
 * changed (off the FX thread) and once more at exit.
 */
public final class SockscopeApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(SockscopeApp.class);

    private AppContext app;
    private MainWindow window;
    private final AtomicReference<Settings> lastSaved = new AtomicReference<>();
    private final StartupMarks startup = new StartupMarks();

    /**
     * Opens the data directory, the database (migrating it when an older version made it, with a
     * progress window when that takes more than a second) and the settings on the launcher
     * thread, before the main window: none of it may block the FX thread.
     */
    @Override
    public void init() {
        startup.mark("toolkit up");
        // A bug must not print a stack trace at the user or kill the FX thread silently: log it.
        Thread.setDefaultUncaughtExceptionHandler((thread, error) ->
                LOG.error("uncaught exception on thread {}", thread.getName(), error));
        String dir = getParameters().getNamed().get("data-dir");
        UpgradeProgressWindow upgrade = new UpgradeProgressWindow(new FxThread());
        // The recording opens beside the window, not before it: the window is usable at once.
        app = AppContext.forWindow(DataDirectory.resolve(dir == null ? null : Path.of(dir)), upgrade);
        app.recording().onChange(() -> {
            if (!app.recording().isOpening()) {
                upgrade.close();
            }
        });
        if (!app.recording().isOpening()) {
            upgrade.close();
        }
        lastSaved.set(app.settings().load());
    }

    @Override
    public void start(Stage stage) {
        startup.mark("data directory read");
        Settings settings = lastSaved.get();
        Background background = new Background(app.background(), new FxThread());
        window = new MainWindow(app, settings, background);
        // 1280×800, or the screen's free area when it is smaller (a laptop at 1366×768 less its panel).
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(window, Math.min(1280, screen.getWidth()), Math.min(800, screen.getHeight() - 32));
        startup.mark("window built");
        Theme.apply(settings.theme(), scene);
        stage.setScene(scene);
        stage.setTitle("Sockscope");
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            var icon = getClass().getResourceAsStream("/dev/sockscope/ui/icons/sockscope-" + size + ".png");
            if (icon != null) {
                stage.getIcons().add(new Image(icon));
            }
        }
        // However the main window goes (closed, or hidden without a close request while a dialog is
        // open), the app ends as on a normal close: stop() closes the connections and the recording.
        stage.setOnHidden(e -> javafx.application.Platform.exit());
        stage.show();
        keepOpeningSize(stage);
        startup.mark("shown");
        logFirstFrame(scene);
        offerStoreTroubleWhenOpen(stage, background);
        String open = getParameters().getNamed().get("open");
        if (open != null) {
            // A file the user opened from a file manager (or named on the command line): imported and shown.
            window.importAndShow(Path.of(open));
        }

        Timeline autosave = new Timeline(new KeyFrame(Duration.seconds(3), e -> saveIfChanged()));
        autosave.setCycleCount(Timeline.INDEFINITE);
        autosave.play();
    }

    /**
     * The smallest window that still fits every view. GTK hands the window manager the minimum as a
     * base size too, and openbox then opened the window at that minimum instead of the scene's size:
     * the size it opened at is given again after.
     */
    private static void keepOpeningSize(Stage stage) {
        double width = stage.getWidth();
        double height = stage.getHeight();
        stage.setMinWidth(900);
        stage.setMinHeight(560);
        stage.setWidth(width);
        stage.setHeight(height);
    }

    /**
     * Says in the log how long the process took to its first laid-out window: a start-up number
     * measured where it happens, for the benchmark and for anyone who finds the app slow to open.
     */
    private void logFirstFrame(Scene scene) {
        Runnable once = new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                // The JVM's uptime (the heap policy has loaded the management classes already).
                startup.mark("laid out");
                LOG.info("first window laid out {} ms after the JVM started ({})", startup.last(), startup);
            }
        };
        scene.addPostLayoutPulseListener(once);
    }

    /** Once the recording is open (or could not be), offers the way on when it is locked or damaged. */
    private void offerStoreTroubleWhenOpen(Stage stage, Background background) {
        java.util.concurrent.atomic.AtomicBoolean offered = new java.util.concurrent.atomic.AtomicBoolean();
        Runnable offer = () -> {
            if (!app.recording().isOpening() && offered.compareAndSet(false, true)) {
                background.ui().run(() -> StoreTroubleDialog.offer(stage, app.recording(), background,
                        window::refreshRecordingStatus));
            }
        };
        app.recording().onChange(offer);
        offer.run();
    }

    public MainWindow window() {
        return window;
    }

    private void saveIfChanged() {
        Settings now = window.snapshot();
        if (!now.equals(lastSaved.get())) {
            lastSaved.set(now);
            app.background().execute(() -> save(now));
        }
    }

    private void save(Settings settings) {
        try {
            app.settings().save(settings);
        } catch (IOException e) {
            LOG.warn("could not save settings to {}: {}", app.settings().file(), e.getMessage());
        }
    }

    @Override
    public void stop() {
        if (window != null) {
            Settings last = window.snapshot();
            app.background().execute(() -> save(last));
            window.disposeAll();
        }
        if (app != null) {
            // Waits (with a timeout) for the final save and the connections' close frames.
            app.close();
        }
    }
}
