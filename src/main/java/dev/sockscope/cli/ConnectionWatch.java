package dev.sockscope.cli;

import dev.sockscope.app.SessionRegistry;
import dev.sockscope.core.SessionEvent;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Follows one connection's events for a command: prints its frames and lets the command wait. */
final class ConnectionWatch implements AutoCloseable {
    private final AutoCloseable subscription;
    private final FramePrinter printer;
    private final CountDownLatch settled = new CountDownLatch(1);
    private final CountDownLatch ended = new CountDownLatch(1);
    private final CountDownLatch inputEnded = new CountDownLatch(1);
    private volatile long connectionId = -1;
    private volatile SessionEvent first;
    private volatile SessionEvent.Closed closed;

    ConnectionWatch(SessionRegistry registry, FramePrinter printer) {
        this.printer = printer;
        this.subscription = registry.subscribe(this::onEvent);
    }

    void track(long id) {
        connectionId = id;
    }

    private void onEvent(SessionEvent event) {
        // Events can arrive before track() returns: the id is assigned before the thread starts.
        if (connectionId != -1 && event.connectionId() != connectionId) {
            return;
        }
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

    @Override
    public void close() throws Exception {
        subscription.close();
    }
}
