package dev.sockscope.ui;

import dev.sockscope.app.OpeningProgress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import dev.sockscope.ui.fx.UiThread;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.StageStyle;

/**
 * A small window that says how the upgrade of an older recording advances, shown only when the
 * upgrade takes more than a second (most starts never see it). The upgrade runs on the launcher
 * thread before the main window exists; this listens there and hands the latest state to the FX
 * thread, at most one update in flight, so a million steps never flood it.
 */
final class UpgradeProgressWindow implements OpeningProgress {
    private static final long SHOW_AFTER_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final UiThread ui;
    private final long started = System.nanoTime();
    private final AtomicReference<State> latest = new AtomicReference<>();
    private final AtomicBoolean updateQueued = new AtomicBoolean();
    private volatile boolean closed;
    // FX thread only.
    private Stage stage;
    private Label label;
    private ProgressBar bar;

    UpgradeProgressWindow(UiThread ui) {
        this.ui = ui;
    }

    @Override
    public void step(String what, long done, long total) {
        if (System.nanoTime() - started < SHOW_AFTER_NANOS || closed) {
            return;
        }
        latest.set(new State(what + ": " + String.format(java.util.Locale.ROOT, "%,d of %,d", done, total),
                total == 0 ? 1.0 : (double) done / total));
        if (updateQueued.compareAndSet(false, true)) {
            ui.run(this::show);
        }
    }

    /** Closes the window if it was shown. Call it when opening has finished, on any thread. */
    void close() {
        closed = true;
        ui.run(() -> {
            if (stage != null) {
                stage.close();
            }
        });
    }

    private void show() {
        updateQueued.set(false);
        if (closed) {
            return;
        }
        State state = latest.get();
        if (stage == null) {
            label = new Label();
            label.setId("upgradeProgressText");
            bar = new ProgressBar();
            bar.setPrefWidth(360);
            Label title = new Label("Upgrading your recording to this version of Sockscope");
            title.setStyle("-fx-font-weight: bold;");
            Label note = new Label("This happens once. Nothing recorded is changed or lost.");
            VBox box = new VBox(10, title, label, bar, note);
            box.setPadding(new Insets(20));
            stage = new Stage(StageStyle.UTILITY);
            stage.setTitle("Sockscope");
            stage.setScene(new Scene(box));
            stage.setOnCloseRequest(e -> e.consume()); // the upgrade cannot be stopped halfway from here
            stage.show();
        }
        label.setText(state.text());
        bar.setProgress(state.fraction());
    }

    private record State(String text, double fraction) {
    }
}
