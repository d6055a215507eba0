package dev.sockscope.ui.fx;

import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;

/** What background work sees of its task: whether it was cancelled, and where to say how far it got. */
public final class TaskControl {
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final LongConsumer progress;

    TaskControl(LongConsumer progress) {
        this.progress = progress;
    }

    /** A control for work run directly (a test, a synchronous caller): never cancelled, progress ignored. */
    public static TaskControl none() {
        return new TaskControl(done -> { });
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /** Throws {@link CancellationException} once cancelled: call it in loops to stop promptly. */
    public void checkCancelled() {
        if (cancelled.get()) {
            throw new CancellationException();
        }
    }

    /** How much is done so far (items, bytes: the caller's unit); shown at most once per frame. */
    public void progress(long done) {
        progress.accept(done);
    }

    void cancel() {
        cancelled.set(true);
    }
}
