package dev.sockscope.app;

import dev.sockscope.core.SessionEvent;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one event channel. Every producer of traffic (a connection tab, the CLI, an import, the
 * proxy) gets its connection ids here and publishes every event here; every observer (the
 * recorder, the live-connections list the window follows, the CLI's printer) subscribes here.
 * Nobody calls an observer directly.
 *
 * <p>Subscribers are isolated: one that throws is logged and skipped, never reaching the producer
 * or the others. Backpressure lives here too: a subscriber may say it is behind (the recorder,
 * when the disk is slower than the wire), and then a producer publishing a frame waits on its own
 * thread, whatever the producer and whichever the direction, so a flood is slowed at the socket
 * instead of filling memory. Producers publish from their own threads, never the FX thread.
 */
public final class SessionRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(SessionRegistry.class);

    private final AtomicLong ids = new AtomicLong();
    private final CopyOnWriteArrayList<Consumer<SessionEvent>> subscribers = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<Runnable> capacityWaits = new CopyOnWriteArrayList<>();

    /** A new connection id, unique in this process; its producer publishes its Started with it. */
    public long newConnectionId() {
        return ids.incrementAndGet();
    }

    /** Subscribes; close the returned handle to stop receiving. */
    public AutoCloseable subscribe(Consumer<SessionEvent> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    /**
     * Subscribes one that can fall behind: before each frame is published, {@code awaitCapacity}
     * runs on the producer's thread and returns once the subscriber can take more.
     */
    public AutoCloseable subscribe(Consumer<SessionEvent> subscriber, Runnable awaitCapacity) {
        subscribers.add(subscriber);
        capacityWaits.add(awaitCapacity);
        return () -> {
            capacityWaits.remove(awaitCapacity);
            subscribers.remove(subscriber);
        };
    }

    /** Hands the event to every subscriber, in the order they subscribed; frames wait for capacity first. */
    public void publish(SessionEvent event) {
        if (event instanceof SessionEvent.FrameEvent) {
            for (Runnable wait : capacityWaits) {
                wait.run();
            }
        }
        for (Consumer<SessionEvent> subscriber : subscribers) {
            try {
                subscriber.accept(event);
            } catch (RuntimeException e) {
                LOG.error("subscriber {} failed on {}", subscriber, event.getClass().getSimpleName(), e);
            }
        }
    }
}
