package dev.sockscope.app;

import dev.sockscope.core.Direction;
import dev.sockscope.core.Message;
import dev.sockscope.core.Opcode;
import dev.sockscope.core.SessionEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Follows a replay's connection on the event channel: the server's messages as they come, and
 * whether it opened and ended, for the replay to wait on. Passes every event on to a listener.
 */
final class ReplayWatch implements Consumer<SessionEvent> {
    private final long id;
    private final Consumer<SessionEvent> listener;
    private final List<Message> received = new ArrayList<>();
    private SessionEvent first;
    private SessionEvent end;
    private long openedNanos;

    ReplayWatch(long id, Consumer<SessionEvent> listener) {
        this.id = id;
        this.listener = listener;
    }

    @Override
    public void accept(SessionEvent event) {
        if (event.connectionId() != id) {
            return;
        }
        synchronized (this) {
            if (event instanceof SessionEvent.FrameEvent f && f.message() != null && f.frame().direction() == Direction.RECEIVE
                    && (f.message().opcode() == Opcode.TEXT || f.message().opcode() == Opcode.BINARY)) {
                received.add(f.message());
            } else if (event instanceof SessionEvent.Opened) {
                openedNanos = System.nanoTime();
                first = first == null ? event : first;
            } else if (event instanceof SessionEvent.Closed || event instanceof SessionEvent.Failed) {
                first = first == null ? event : first;
                end = event;
            }
            notifyAll();
        }
        listener.accept(event);
    }

    /** The Opened, or the Failed/Closed that came instead; null when neither came in time. */
    synchronized SessionEvent awaitOpenOrEnd(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (first == null && System.nanoTime() < deadline) {
            wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        }
        return first;
    }

    /**
     * Waits until {@code count} answers have come, the connection ended, or no answer came for
     * {@code quiet} (the server has said all it will).
     */
    synchronized void awaitAnswers(int count, Duration quiet) throws InterruptedException {
        int seen = received.size();
        long deadline = System.nanoTime() + quiet.toNanos();
        while (received.size() < count && end == null && System.nanoTime() < deadline) {
            wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            if (received.size() > seen) {
                seen = received.size();
                deadline = System.nanoTime() + quiet.toNanos();
            }
        }
    }

    /** Waits until that moment of {@link System#nanoTime()} or the end. */
    synchronized void awaitEndUntil(long nanos) throws InterruptedException {
        while (end == null && System.nanoTime() < nanos) {
            wait(Math.max(1, (nanos - System.nanoTime()) / 1_000_000));
        }
    }

    synchronized boolean awaitEnd(Duration limit) throws InterruptedException {
        awaitEndUntil(System.nanoTime() + limit.toNanos());
        return end != null;
    }

    synchronized boolean ended() {
        return end != null;
    }

    synchronized long openedNanos() {
        return openedNanos;
    }

    synchronized SessionEvent end() {
        return end;
    }

    synchronized List<Message> received() {
        return List.copyOf(received);
    }
}
