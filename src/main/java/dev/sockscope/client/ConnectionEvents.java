package dev.sockscope.client;

import dev.sockscope.core.SessionEvent;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The events of one client connection, in the order subscribers rely on: {@code Opened} or none,
 * then frames, then exactly one of {@code Closed} or {@code Failed}, and nothing after it. Several
 * threads report (the read thread, Java-WebSocket's writer, the timer, the FX thread cancelling),
 * so the decisions that could race (a timeout as the 101 arrives, a cancel as it opens) are made
 * here, under one lock that is never held while publishing.
 *
 * <p>{@code Closed} waits for the library's writer: Java-WebSocket reports the end while its writer
 * may still be flushing (our reply to the server's close, say), and those frames are published as
 * they are written. So {@code Closed} goes out once both have happened: the library said the
 * connection closed, and the writer is done (the socket closed), or a few seconds passed.
 */
final class ConnectionEvents {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionEvents.class);

    private final long id;
    private final Consumer<SessionEvent> sink;
    private boolean open;
    private boolean ended;
    private boolean writesDone;
    private SessionEvent.Closed pendingClose;

    ConnectionEvents(long id, Consumer<SessionEvent> sink) {
        this.id = id;
        this.sink = sink;
    }

    /** Publishes the upgrade unless the connection already ended (timed out, cancelled); false then. */
    boolean opened(SessionEvent.Opened event) {
        synchronized (this) {
            if (ended) {
                return false;
            }
            open = true;
        }
        sink.accept(event);
        return true;
    }

    /** Publishes a frame; one that comes after the connection's end is dropped (subscribers are done with it). */
    void frame(SessionEvent.FrameEvent event) {
        synchronized (this) {
            if (ended) {
                LOG.debug("connection {}: a frame after the end was not published: {}", id, event.frame());
                return;
            }
        }
        sink.accept(event);
    }

    /** Publishes a failure unless the connection opened or ended already; false then. */
    boolean failBeforeOpen(SessionEvent.Failed event) {
        synchronized (this) {
            if (open || ended) {
                return false;
            }
            ended = true;
        }
        sink.accept(event);
        return true;
    }

    /** The library reported the end of an open connection: published once the writer is done too. */
    void closed(SessionEvent.Closed event) {
        synchronized (this) {
            if (ended || pendingClose != null) {
                return;
            }
            pendingClose = event;
        }
        publishPendingClose();
    }

    /** The library's writer has written its last bytes (or we stopped waiting for it). */
    void writesDone() {
        synchronized (this) {
            writesDone = true;
        }
        publishPendingClose();
    }

    private void publishPendingClose() {
        SessionEvent.Closed close;
        synchronized (this) {
            if (!writesDone || pendingClose == null || ended) {
                return;
            }
            ended = true;
            close = pendingClose;
        }
        sink.accept(close);
    }

    synchronized boolean isOpen() {
        return open;
    }

    synchronized boolean isEnded() {
        return ended;
    }
}
