package dev.sockscope.ui.connection;

import dev.sockscope.core.Direction;
import java.util.Locale;

/**
 * The log's delta column: time since the row above, or for a received message since the last
 * message sent before it (within {@link #REPLY_LOOKBACK} rows). Reads only timestamps and
 * directions from the packed log, never a payload, so it stays cheap under a flood.
 */
final class LogDeltas {
    /** How far back a received message looks for the message sent before it. */
    static final int REPLY_LOOKBACK = 200;

    private LogDeltas() {
    }

    static String text(LogRows rows, int at, LogRow row) {
        if (at <= 0) {
            return "";
        }
        var frames = rows.log();
        long since = -1;
        if (row.direction() == Direction.RECEIVE) {
            for (int i = at - 1; i >= Math.max(0, at - REPLY_LOOKBACK); i--) {
                int index = rows.logIndex(i);
                if (frames.isRetained(index) && frames.direction(index) == Direction.SEND) {
                    since = frames.timestampMicros(index);
                    break;
                }
            }
        }
        if (since < 0) {
            int previous = rows.logIndex(at - 1);
            if (!frames.isRetained(previous)) {
                return "";
            }
            since = frames.timestampMicros(previous);
        }
        return "+" + duration(Math.max(0, row.timestampMicros() - since));
    }

    /** "850 µs", "12.3 ms", "2.41 s": microseconds where a burst's rows differ by less than a millisecond. */
    static String duration(long micros) {
        if (micros < 1000) {
            return micros + " \u00b5s";
        }
        if (micros < 1_000_000) {
            double ms = micros / 1000.0;
            return ms < 100 ? String.format(Locale.ROOT, "%.1f ms", ms) : String.format(Locale.ROOT, "%.0f ms", ms);
        }
        return String.format(Locale.ROOT, "%.2f s", micros / 1_000_000.0);
    }

}
