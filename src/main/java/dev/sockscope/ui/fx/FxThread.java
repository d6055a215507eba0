package dev.sockscope.ui.fx;

import java.util.concurrent.CopyOnWriteArrayList;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way onto the FX Application Thread. Low-rate state changes use {@link #run}; anything
 * that can arrive faster than the screen refreshes registers a {@link #onPulse pulse task},
 * which drains its own queue once per frame: a flood of 50,000 messages a second costs the FX
 * thread one update per pulse, never one runnable per message.
 */
public final class FxThread {
    private static final Logger LOG = LoggerFactory.getLogger(FxThread.class);
    private static final CopyOnWriteArrayList<Runnable> PULSE_TASKS = new CopyOnWriteArrayList<>();
    private static final AnimationTimer PULSE = new AnimationTimer() {
        @Override
        public void handle(long now) {
            for (Runnable task : PULSE_TASKS) {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.error("pulse task failed", e);
                }
            }
        }
    };

    private FxThread() {
    }

    /** Runs on the FX thread: now if already there, else at its next turn. */
    public static void run(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    public static boolean isFxThread() {
        return Platform.isFxApplicationThread();
    }

    /** Calls {@code task} on the FX thread once per pulse until the returned handle is run. */
    public static Runnable onPulse(Runnable task) {
        PULSE_TASKS.add(task);
        run(PULSE::start);
        return () -> PULSE_TASKS.remove(task);
    }
}
