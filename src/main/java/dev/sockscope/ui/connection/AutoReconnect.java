package dev.sockscope.ui.connection;

import dev.sockscope.core.ConnectionState;
import dev.sockscope.core.SessionEvent;
import java.time.Duration;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Connects a tab again when its connection drops (a failure, or a close that was not normal) and
 * the user did not ask for it to end: after 1 s, then 2, 4 … up to 30 s between attempts, the wait
 * said in the tab. Off by default. An attempt that opens resets the wait; the user's own
 * disconnect, close or connect cancels a pending one.
 */
public final class AutoReconnect {
    static final Duration FIRST_WAIT = Duration.ofSeconds(1);
    static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

    /** Runs an action once after a delay, on the UI thread; returns what cancels it. */
    @FunctionalInterface
    public interface Scheduler {
        Runnable after(Duration delay, Runnable action);
    }

    private final ClientTabModel tab;
    private final Scheduler scheduler;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private int attempts;
    private Runnable pending;

    public AutoReconnect(ClientTabModel tab, Scheduler scheduler) {
        this.tab = tab;
        this.scheduler = scheduler;
        tab.connection().stateProperty().addListener((obs, old, now) -> onState(now));
        enabled().addListener((obs, old, on) -> {
            if (!on) {
                cancel();
            }
        });
    }

    private BooleanProperty enabled() {
        return tab.request().autoReconnectProperty();
    }

    private void onState(ConnectionState now) {
        if (now == ConnectionState.OPEN) {
            attempts = 0;
            status.set("");
            return;
        }
        boolean dropped = now == ConnectionState.FAILED
                || now == ConnectionState.CLOSED && !closedNormally();
        if (!dropped || !enabled().get() || tab.endedByUser()) {
            return;
        }
        attempts++;
        Duration wait = waitBefore(attempts);
        status.set(String.format(Locale.ROOT, "reconnecting in %d s (attempt %d)", wait.toSeconds(), attempts));
        cancelPending();
        pending = scheduler.after(wait, () -> {
            pending = null;
            status.set("reconnecting (attempt " + attempts + ")");
            if (!tab.connect()) {
                status.set("not reconnecting: " + tab.request().urlProblemProperty().get());
            }
        });
    }

    private boolean closedNormally() {
        SessionEvent.Closed closed = tab.connection().closedProperty().get();
        return closed != null && closed.isNormal();
    }

    /** 1 s, 2 s, 4 s … at most {@link #LONGEST_WAIT}. */
    static Duration waitBefore(int attempt) {
        long seconds = FIRST_WAIT.toSeconds() << Math.min(attempt - 1, 10);
        return Duration.ofSeconds(Math.min(seconds, LONGEST_WAIT.toSeconds()));
    }

    /** The user acted (connect, disconnect, close): no attempt is pending any more. */
    public void cancel() {
        cancelPending();
        attempts = 0;
        status.set("");
    }

    private void cancelPending() {
        if (pending != null) {
            pending.run();
            pending = null;
        }
    }

    /** What the tab says about reconnecting, empty when nothing is planned. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
