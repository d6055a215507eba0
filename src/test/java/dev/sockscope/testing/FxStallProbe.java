package dev.sockscope.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/**
 * How responsive the FX thread is: a runnable posted to it every 5 ms, each timed from posting to
 * running. The longest wait is the worst stall a keystroke would have met. For tests and benchmarks.
 */
public final class FxStallProbe implements AutoCloseable {
    private final List<Double> waits = new ArrayList<>();
    /** When each wait over 100 ms began (System.nanoTime()), for telling what caused it. */
    private final List<Long> longWaitStarts = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    public FxStallProbe() {
        thread = new Thread(this::probe, "fx-stall-probe");
        thread.setDaemon(true);
        thread.start();
    }

    private void probe() {
        while (running) {
            long posted = System.nanoTime();
            CountDownLatch ran = new CountDownLatch(1);
            Platform.runLater(() -> {
                record(posted, (System.nanoTime() - posted) / 1e6);
                ran.countDown();
            });
            try {
                ran.await(60, TimeUnit.SECONDS);
                Thread.sleep(5);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void record(long posted, double millis) {
        waits.add(millis);
        if (millis > 100) {
            longWaitStarts.add(posted);
        }
    }

    /** When the waits over 100 ms began, as System.nanoTime() values. */
    public synchronized List<Long> longWaitStarts() {
        return List.copyOf(longWaitStarts);
    }

    /** The longest wait so far, in milliseconds. */
    public synchronized double maxMillis() {
        return waits.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    /** The given percentile (0-100) of the waits so far, in milliseconds. */
    public synchronized double percentile(double p) {
        if (waits.isEmpty()) {
            return 0;
        }
        List<Double> sorted = new ArrayList<>(waits);
        sorted.sort(null);
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p / 100 * sorted.size())));
    }

    /** Starts counting afresh. */
    public synchronized void reset() {
        waits.clear();
        longWaitStarts.clear();
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
