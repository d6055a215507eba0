package dev.sockscope.app;

import dev.sockscope.core.SessionEvent;
import dev.sockscope.store.Recorder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The recording's subscriber while its database opens in the background: events are held, in the
 * order they came, and handed to the recorder once it exists, so a connection made in the first
 * moments (a tab restored, the proxy switched on) is recorded whole. Producers are held back when
 * too many wait, until the database is open. When it cannot be opened the held events are let go,
 * as the recording of a store that cannot open is off.
 */
final class HeldEvents implements Consumer<SessionEvent> {
    /** Beyond this many held events a producer waits for the database (a long upgrade, a flood). */
    static final int MAX_HELD = 200_000;

    private final List<SessionEvent> held = new ArrayList<>();
    private volatile Recorder target;
    private boolean dropped;

    @Override
    public void accept(SessionEvent event) {
        Recorder now = target;
        if (now != null) {
            now.accept(event);
            return;
        }
        synchronized (this) {
            if (target != null) {
                target.accept(event);
            } else if (!dropped) {
                held.add(event);
            }
        }
    }

    /** Called by producers before they publish: waits while too many events are held. */
    void awaitCapacity() {
        Recorder now = target;
        if (now != null) {
            now.awaitCapacity();
            return;
        }
        synchronized (this) {
            while (target == null && !dropped && held.size() >= MAX_HELD) {
                try {
                    wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** The database is open: what was held goes to the recorder first, then every event as it comes. */
    synchronized void handTo(Recorder recorder) {
        for (SessionEvent event : held) {
            recorder.accept(event);
        }
        held.clear();
        target = recorder;
        notifyAll();
    }

    /** The database could not be opened: nothing is recorded, nothing more is held. */
    synchronized void drop() {
        held.clear();
        dropped = true;
        notifyAll();
    }
}
