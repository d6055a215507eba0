package dev.sockscope.ui.fx;

import java.util.concurrent.CopyOnWriteArrayList;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX Application Thread as a {@link UiThread}: {@code Platform.runLater} is called here and
 * nowhere else. A flood of 50,000 messages a second costs the FX thread one update per pulse,
 * never one runnable per message. Make one per window, on the FX thread.
 */
public final class FxThread implements UiThread {
    private static final Logger LOG = LoggerFactory.getLogger(FxThread.class);

    private final CopyOnWriteArrayList<Runnable> pulseTasks = new CopyOnWriteArrayList<>();
    private final AnimationTimer pulse = new AnimationTimer() {
        @Override
        public void handle(long now) {
            for (Runnable task : pulseTasks) {
                isolated(task, "pulse task");
            }
        }
    };

    @Override
    public void run(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            isolated(action, "UI action");
        } else {
            Platform.runLater(() -> isolated(action, "UI action"));
        }
    }

    @Override
    public Runnable onPulse(Runnable task) {
        pulseTasks.add(task);
        run(pulse::start);
        return () -> pulseTasks.remove(task);
    }

    /** True on the FX Application Thread. */
    public static boolean isFxThread() {
        return Platform.isFxApplicationThread();
    }

    private static void isolated(Runnable action, String what) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.error("{} failed", what, e);
        }
    }
}
