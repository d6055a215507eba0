package dev.sockscope.proxy;

import io.netty.channel.EventLoop;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * What one direction of an intercepted connection still has to write, in order: each action runs
 * once everything before it ran, and not before its release time, nor, for a message held at a
 * breakpoint, before it is settled. A delay or a breakpoint so holds back what comes after it in
 * that direction only. Used on the connection's event loop alone.
 */
final class OrderedWrites {
    private final EventLoop loop;
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private boolean drainScheduled;

    OrderedWrites(EventLoop loop) {
        this.loop = loop;
    }

    /** Queues {@code action} behind what is queued, released {@code delayNanos} from now (0: at once) or once {@code pause} is settled. */
    void add(long delayNanos, HeldMessage pause, Runnable action) {
        queue.add(new Pending(delayNanos > 0 ? System.nanoTime() + delayNanos : 0, pause, action));
        drain();
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    /** Forgets what is queued: the connection ended. */
    void clear() {
        queue.clear();
    }

    /** Runs what may run now; when the head waits for its time, comes back then. */
    void drain() {
        while (!queue.isEmpty()) {
            Pending head = queue.peek();
            if (head.pause() != null && !head.pause().isSettled()) {
                return;
            }
            long wait = head.releaseAt() - System.nanoTime();
            if (head.releaseAt() != 0 && wait > 0) {
                if (!drainScheduled) {
                    drainScheduled = true;
                    loop.schedule(() -> {
                        drainScheduled = false;
                        drain();
                    }, wait, TimeUnit.NANOSECONDS);
                }
                return;
            }
            queue.poll();
            head.action().run();
        }
    }

    /** Something to do once what is before it went: its release time (0: at once), or a held message. */
    private record Pending(long releaseAt, HeldMessage pause, Runnable action) {
    }
}
