package dev.sockscope.ui.model;

import java.util.Locale;

/**
 * How a view moves a window of at most {@code size} positions over a longer list: the message log
 * over a connection's frames in memory, and a recorded connection over its frames in the store.
 * Windows start anywhere (not at multiples of the size), so the newest window is always full and
 * a position shown on request sits in the middle of its window. Plain arithmetic, shared by both.
 */
public final class Pager {
    private final int size;
    private final int step;

    /** @param step how far older and newer move the window */
    public Pager(int size, int step) {
        this.size = size;
        this.step = step;
    }

    public int size() {
        return size;
    }

    /** True when the list is longer than one window: the pager shows. */
    public boolean paged(int total) {
        return total > size;
    }

    /** The start of the window holding the newest positions. */
    public int newest(int total) {
        return Math.max(0, total - size);
    }

    /** A step toward the oldest, never before {@code floor} (the first position still available). */
    public int older(int start, int floor) {
        return Math.max(floor, start - step);
    }

    /** A step toward the newest. */
    public int newer(int start, int total) {
        return Math.min(newest(total), start + step);
    }

    /** The start of a window with {@code position} in its middle (as near as the ends allow). */
    public int around(int position, int floor, int total) {
        return Math.max(floor, Math.min(newest(total), position - size / 2));
    }

    /** "1,001–2,000 of 5,000": the window's positions, counted from 1. */
    public static String range(long start, long shown, long total) {
        return String.format(Locale.ROOT, "%,d\u2013%,d of %,d", start + 1, start + shown, total);
    }
}
