package dev.sockscope.ui;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * The milestones of one start-up, each at the JVM's uptime, for the log line that says how long the
 * first window took and where that time went (the benchmark reads it; so can a user who finds the
 * app slow to open).
 */
final class StartupMarks {
    private final List<String> marks = new ArrayList<>();
    private long last;

    /** Notes that {@code milestone} was reached now. */
    synchronized void mark(String milestone) {
        last = ManagementFactory.getRuntimeMXBean().getUptime();
        marks.add(milestone + " " + last + " ms");
    }

    /** The uptime at the latest milestone, in milliseconds. */
    synchronized long last() {
        return last;
    }

    @Override
    public synchronized String toString() {
        return String.join(", ", marks);
    }
}
