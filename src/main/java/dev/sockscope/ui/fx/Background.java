package dev.sockscope.ui.fx;

import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Where view models run work off the UI thread and how its outcome comes back: the background
 * executor and the UI thread, handed to views as one narrow dependency. Tests pass a synchronous
 * executor and a direct UI thread.
 */
public record Background(Executor executor, UiThread ui) {

    /** A slot for one kind of work whose latest submission wins. */
    public TaskSlot slot() {
        return new TaskSlot(this);
    }

    /** Runs {@code work} off the UI thread and hands its outcome back on it: a one-off task nobody cancels. */
    public <T> void run(TaskSlot.Work<T> work, Consumer<T> onSuccess, Consumer<Exception> onFailure) {
        executor.execute(() -> {
            try {
                T result = work.run(TaskControl.none());
                ui.run(() -> onSuccess.accept(result));
            } catch (Exception e) {
                ui.run(() -> onFailure.accept(e));
            }
        });
    }
}
