package dev.sockscope.app;

import dev.sockscope.core.SessionEvent;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans session events out to independent subscribers (the store, open tabs, the CLI printer).
 * A subscriber that throws is logged and skipped: it never stops the others or the I/O thread
 * that published.
 */
public final class SessionRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(SessionRegistry.class);

    private final CopyOnWriteArrayList<Consumer<SessionEvent>> subscribers = new CopyOnWriteArrayList<>();

    /** Subscribes; close the returned handle to stop receiving. */
    public AutoCloseable subscribe(Consumer<SessionEvent> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    public void publish(SessionEvent event) {
        for (Consumer<SessionEvent> subscriber : subscribers) {
            try {
                subscriber.accept(event);
            } catch (RuntimeException e) {
                LOG.error("subscriber {} failed on {}", subscriber, event.getClass().getSimpleName(), e);
            }
        }
    }
}
