package dev.sockscope.testing;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The one way tests wait for something another thread or process does: poll a condition until it
 * holds or a deadline passes, then fail naming what was awaited and what was last seen. No test
 * sleeps for a fixed time instead.
 */
public final class Eventually {
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private Eventually() {
    }

    /** Waits until {@code condition} holds; fails after {@code limit} saying {@code what} was awaited. */
    public static void eventually(Duration limit, String what, Callable<Boolean> condition) {
        eventually(limit, what, condition, Boolean.TRUE::equals);
    }

    /**
     * Asks {@code value} until {@code done} accepts an answer and returns that answer; fails after
     * {@code limit} with the last answer. An exception from {@code value} counts as "not yet".
     */
    public static <T> T eventually(Duration limit, String what, Callable<T> value, Predicate<? super T> done) {
        long deadline = System.nanoTime() + limit.toNanos();
        Object last = null;
        while (true) {
            try {
                T answer = value.call();
                if (done.test(answer)) {
                    return answer;
                }
                last = answer;
            } catch (Exception e) {
                last = e;
            }
            if (System.nanoTime() >= deadline) {
                throw new AssertionError("not within " + limit.toMillis() + " ms: " + what + " (last seen: " + last + ")");
            }
            pause();
        }
    }

    /** The last answer of {@code value} once {@code limit} has passed or {@code done} accepted it, without failing. */
    public static <T> T settle(Duration limit, Callable<T> value, Predicate<? super T> done) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            T answer = value.call();
            if (done.test(answer) || System.nanoTime() >= deadline) {
                return answer;
            }
            pause();
        }
    }

    private static void pause() {
        try {
            TimeUnit.NANOSECONDS.sleep(POLL_NANOS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting", e);
        }
    }
}
