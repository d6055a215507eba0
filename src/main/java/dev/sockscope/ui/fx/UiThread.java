package dev.sockscope.ui.fx;

/**
 * The one way onto the UI thread. Low-rate state changes use {@link #run}; anything that can
 * arrive faster than the screen refreshes registers a pulse task, which drains its own queue once
 * per frame. An action or pulse task that throws is logged and never reaches the others.
 *
 * <p>The window uses {@link FxThread}; view-model tests use a direct one that runs actions at once
 * and pulses when told, so they need neither the toolkit nor sleeps.
 */
public interface UiThread {
    /** Runs on the UI thread: now if already there, else at its next turn. */
    void run(Runnable action);

    /** Calls {@code task} on the UI thread once per frame until the returned handle is run. */
    Runnable onPulse(Runnable task);
}
