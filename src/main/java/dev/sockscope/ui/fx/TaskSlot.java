package dev.sockscope.ui.fx;

import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * One kind of background work of a view model (filtering a log, loading a page, a search): each
 * submission cancels the one before, and only the latest one's result, failure or progress reaches
 * the UI thread. Stale results are dropped here, in one place, instead of by a generation counter
 * in every view model.
 */
public final class TaskSlot {
    /** Work to run off the UI thread; it may check {@code control} to stop early and report progress. */
    @FunctionalInterface
    public interface Work<T> {
        T run(TaskControl control) throws Exception;
    }

    private final Background background;
    private TaskControl current;
    private long generation;

    TaskSlot(Background background) {
        this.background = background;
    }

    /** Runs {@code work} in the background, cancelling the previous submission. Call on the UI thread. */
    public <T> void submit(Work<T> work, Consumer<T> onSuccess, Consumer<Exception> onFailure) {
        submit(work, onSuccess, onFailure, done -> { });
    }

    /** As {@link #submit(Work, Consumer, Consumer)}, showing progress (the latest value, once per turn of the UI thread). */
    public <T> void submit(Work<T> work, Consumer<T> onSuccess, Consumer<Exception> onFailure, LongConsumer onProgress) {
        cancel();
        long mine = ++generation;
        AtomicLong latest = new AtomicLong(-1);
        UiThread ui = background.ui();
        TaskControl control = new TaskControl(done -> {
            if (latest.getAndSet(done) < 0) {
                ui.run(() -> {
                    long value = latest.getAndSet(-1);
                    if (mine == generation && value >= 0) {
                        onProgress.accept(value);
                    }
                });
            }
        });
        current = control;
        Executor executor = background.executor();
        executor.execute(() -> {
            if (control.isCancelled()) {
                // Replaced while it waited for a thread: a newer submission makes it pointless.
                return;
            }
            T result;
            try {
                result = work.run(control);
            } catch (CancellationException e) {
                return;
            } catch (OutOfMemoryError e) {
                ui.run(() -> {
                    if (mine == generation && !control.isCancelled()) {
                        onFailure.accept(new IllegalStateException("it needs more memory than the app has"
                                + " (the JVM's -Xmx)"));
                    }
                });
                return;
            } catch (Exception e) {
                ui.run(() -> {
                    if (mine == generation && !control.isCancelled()) {
                        onFailure.accept(e);
                    }
                });
                return;
            }
            ui.run(() -> {
                if (mine == generation && !control.isCancelled()) {
                    onSuccess.accept(result);
                }
            });
        });
    }

    /** Cancels the running submission: its result will not be delivered. Call on the UI thread. */
    public void cancel() {
        if (current != null) {
            current.cancel();
            current = null;
        }
        generation++;
    }
}
