package dev.sockscope.ui.search;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what users type into the search filters: sizes like "2k" or "1.5 MB", times like "14:05" or "2026-11-21 14:05:30". */
final class FilterInputs {
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(b|k|kb|kib|m|mb|mib)?", Pattern.CASE_INSENSITIVE);

    private FilterInputs() {
    }

    /** Bytes, or -1 for an empty field. */
    static long size(String input) {
        String text = input == null ? "" : input.strip();
        if (text.isEmpty()) {
            return -1;
        }
        Matcher m = SIZE.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("size \u201c" + text + "\u201d: use bytes, or a number with k or MB (e.g. 512, 2k, 1.5 MB)");
        }
        double number = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
        long factor = unit.startsWith("k") ? 1024 : unit.startsWith("m") ? 1024 * 1024 : 1;
        return Math.round(number * factor);
    }

    /**
     * Microseconds since the epoch in {@code zone}, or -1 for an empty field. A time alone means
     * today; a date alone means its midnight.
     */
    static long time(String input, ZoneId zone, LocalDate today) {
        String text = input == null ? "" : input.strip();
        if (text.isEmpty()) {
            return -1;
        }
        LocalDateTime when;
        try {
            if (text.contains(" ") || text.contains("T")) {
                when = LocalDateTime.parse(text.replace(' ', 'T'));
            } else if (text.contains(":")) {
                when = today.atTime(LocalTime.parse(text));
            } else {
                when = LocalDate.parse(text).atStartOfDay();
            }
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("time \u201c" + text + "\u201d: use 14:05, 14:05:30 or 2026-11-21 14:05");
        }
        return when.atZone(zone).toInstant().toEpochMilli() * 1000;
    }
}
