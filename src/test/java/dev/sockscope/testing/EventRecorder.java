package dev.sockscope.testing;

import dev.sockscope.core.Frame;
import dev.sockscope.core.SessionEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** Collects session events and waits for the ones a test expects, with a deadline. */
public final class EventRecorder implements Consumer<SessionEvent> {
    /** Longer than any connect timeout a test uses (30 s at most), so a slow step fails as itself, not here. */
    private static final Duration LIMIT = Duration.ofSeconds(45);
    private final List<SessionEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void accept(SessionEvent event) {
        events.add(event);
        synchronized (this) {
            notifyAll();
        }
    }

    public <T extends SessionEvent> T await(Class<T> type) throws InterruptedException {
        return type.cast(awaitMatch(type::isInstance, type.getSimpleName()));
    }

    public Frame awaitFrame(Predicate<Frame> test, String what) throws InterruptedException {
        SessionEvent event = awaitMatch(e -> e instanceof SessionEvent.FrameEvent f && test.test(f.frame()), what);
        return ((SessionEvent.FrameEvent) event).frame();
    }

    /** The first terminal event: Opened, Failed or Closed, whichever came first. */
    public SessionEvent awaitSettled() throws InterruptedException {
        return awaitMatch(e -> !(e instanceof SessionEvent.FrameEvent), "Opened or Failed");
    }

    public synchronized SessionEvent awaitMatch(Predicate<SessionEvent> test, String what) throws InterruptedException {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (true) {
            for (SessionEvent e : events) {
                if (test.test(e)) {
                    return e;
                }
            }
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                throw new AssertionError("no " + what + " within " + LIMIT + "; saw " + events);
            }
            wait(left);
        }
    }

    /** The messages the frames completed, in order. */
    public List<dev.sockscope.core.Message> messages() {
        List<dev.sockscope.core.Message> out = new ArrayList<>();
        for (SessionEvent e : events) {
            if (e instanceof SessionEvent.FrameEvent f && f.message() != null) {
                out.add(f.message());
            }
        }
        return out;
    }

    public List<Frame> frames() {
        List<Frame> out = new ArrayList<>();
        for (SessionEvent e : events) {
            if (e instanceof SessionEvent.FrameEvent f) {
                out.add(f.frame());
            }
        }
        return out;
    }
}
