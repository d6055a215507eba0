package dev.sockscope.app;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Named daemon executors, so a thread dump says who is doing what. */
public final class Executors {
    private Executors() {
    }

    public static ExecutorService background(String name, int threads) {
        return java.util.concurrent.Executors.newFixedThreadPool(threads, named(name));
    }

    public static ScheduledExecutorService timer(String name) {
        return java.util.concurrent.Executors.newSingleThreadScheduledExecutor(named(name));
    }

    static ThreadFactory named(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread t = new Thread(runnable, name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
