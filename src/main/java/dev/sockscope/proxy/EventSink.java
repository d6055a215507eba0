package dev.sockscope.proxy;

import dev.sockscope.core.SessionEvent;

/** Where the proxy's connections are told: the app's event channel (ids, then events in order). */
public interface EventSink {
    long newConnectionId();

    /** May block the calling thread while the recorder catches up (backpressure). */
    void publish(SessionEvent event);
}
