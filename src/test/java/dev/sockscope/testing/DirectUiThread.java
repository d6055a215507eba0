package dev.sockscope.testing;

import dev.sockscope.ui.fx.Background;
import dev.sockscope.ui.fx.UiThread;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A UI thread for view-model tests without the JavaFX toolkit: actions run at once on the
 * caller's thread (tests call from one thread), pulse tasks run when the test calls {@link #pulse()}.
 */
public final class DirectUiThread implements UiThread {
    private final List<Runnable> pulseTasks = new CopyOnWriteArrayList<>();

    /** Background work run at once on the caller's thread, its outcome delivered here. */
    public static Background synchronous() {
        return new Background(Runnable::run, new DirectUiThread());
    }

    @Override
    public synchronized void run(Runnable action) {
        action.run();
    }

    @Override
    public Runnable onPulse(Runnable task) {
        pulseTasks.add(task);
        return () -> pulseTasks.remove(task);
    }

    /** One frame: every pulse task runs once. */
    public synchronized void pulse() {
        for (Runnable task : pulseTasks) {
            task.run();
        }
    }
}
