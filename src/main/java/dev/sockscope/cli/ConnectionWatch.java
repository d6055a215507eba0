package dev.sockscope.cli;

import dev.sockscope.core.SessionEvent;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Follows one connection's events for a command: prints its frames and lets the command wait. */
final class ConnectionWatch {
    private final FramePrinter printer;
    private final CountDownLatch settled = new CountDownLatch(1);
    private final CountDownLatch ended = new CountDownLatch(1);
    private final CountDownLatch inputEnded = new CountDownLatch(1);
    private volatile SessionEvent first;
    private volatile SessionEvent.Closed closed;

    ConnectionWatch(FramePrinter printer) {
        this.printer = printer;
    }

    /** Hears the events of the one connection it was handed to as its owner. */
    void onEvent(SessionEvent event) {
        if (event instanceof SessionEvent.FrameEvent f) {
            printer.print(f.frame());
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
