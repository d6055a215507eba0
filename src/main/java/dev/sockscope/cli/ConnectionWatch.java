package dev.sockscope.cli;

import dev.sockscope.core.SessionEvent;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Follows one connection on the event channel for a command: prints its frames and lets the
 * command wait for it to open, fail or close. Events of other connections are ignored.
 */
final class ConnectionWatch implements Consumer<SessionEvent> {
    private final long connectionId;
    private final FramePrinter printer;
    private final CountDownLatch settled = new CountDownLatch(1);
    private final CountDownLatch ended = new CountDownLatch(1);
    private final CountDownLatch inputEnded = new CountDownLatch(1);
    private volatile SessionEvent first;
    private volatile SessionEvent.Closed closed;

    ConnectionWatch(long connectionId, FramePrinter printer) {
        this.connectionId = connectionId;
        this.printer = printer;
    }

    @Override
    public void accept(SessionEvent event) {
        if (event.connectionId() != connectionId) {
            return;
        }
        if (event instanceof SessionEvent.FrameEvent f) {
            printer.print(f.frame(), f.message());
        } else if (event instanceof SessionEvent.Opened) {
            settle(event);
        } else if (event instanceof SessionEvent.Closed c) {
            closed = c;
            settle(c);
            ended.countDown();
        } else if (event instanceof SessionEvent.Failed) {
            settle(event);
            ended.countDown();
        }
    }

    private void settle(SessionEvent event) {
        if (first == null) {
            first = event;
        }
        settled.countDown();
    }

    SessionEvent awaitOpenOrFailure(Duration limit) throws InterruptedException {
        if (!settled.await(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            throw UserError.failure("timed out: the connection neither opened nor failed");
        }
        return first;
    }

    boolean ended() {
        return ended.getCount() == 0;
    }

    /** How it closed, or null when it did not close after opening. */
    SessionEvent.Closed closed() {
        return closed;
    }

    void inputEnded() {
        inputEnded.countDown();
    }

    void awaitInputEndOrClose() throws InterruptedException {
        while (!ended() && !inputEnded.await(50, TimeUnit.MILLISECONDS)) {
            // poll both conditions
        }
    }

    boolean awaitClose(Duration limit) throws InterruptedException {
        return ended.await(limit.toMillis(), TimeUnit.MILLISECONDS);
    }
}
