package dev.sockscope.store;

/**
 * Reads the one time format exports use, {@code 2026-11-21T10:00:00.123456Z} (0 to 9 fraction
 * digits), without {@link java.time.Instant#parse}, which builds a parser per call and was the
 * largest cost of importing a million messages. Anything else is left to Instant.parse.
 */
final class IsoTimes {
    /** Returned when the text is not in the exact format: the caller falls back to Instant.parse. */
    static final long NOT_PARSED = Long.MIN_VALUE;

    private IsoTimes() {
    }

    /** Microseconds since the epoch, or {@link #NOT_PARSED}. */
    static long parseUtcMicros(String s) {
        int n = s.length();
        if (n < 20 || s.charAt(n - 1) != 'Z' || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return NOT_PARSED;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 28 && day > lengthOf(year, month) || hour > 23
                || minute > 59 || second > 59 || hour < 0 || minute < 0 || second < 0) {
            return NOT_PARSED;
        }
        long micros = 0;
        if (n > 20) {
            int fraction = n - 21;
            if (s.charAt(19) != '.' || fraction < 1 || fraction > 9) {
                return NOT_PARSED;
            }
            int value = digits(s, 20, fraction);
            if (value < 0) {
                return NOT_PARSED;
            }
            micros = fraction <= 6 ? value * POWERS[6 - fraction] : value / POWERS[fraction - 6];
        }
        long days = java.time.LocalDate.of(year, month, day).toEpochDay();
        return ((days * 24 + hour) * 60 + minute) * 60_000_000L + second * 1_000_000L + micros;
    }

    private static final int[] POWERS = {1, 10, 100, 1000, 10_000, 100_000, 1_000_000};

    private static int lengthOf(int year, int month) {
        return java.time.YearMonth.of(year, month).lengthOfMonth();
    }

    /** The number in {@code count} ASCII digits at {@code from}, or -1 when one is not a digit. */
    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
