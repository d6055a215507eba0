package dev.sockscope.core;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The security check of one endpoint: its items in a fixed order, or why it could not run.
 *
 * @param error null when the check ran; otherwise why not (no TCP connection could be made)
 */
public record CheckReport(String url, Instant checkedAt, List<CheckItem> checks, String error) {
    public CheckReport {
        checks = List.copyOf(checks);
    }

    /** The worst verdict of any item ({@code SKIPPED} when there are none). */
    public CheckVerdict worst() {
        return checks.stream().map(CheckItem::verdict).max(Comparator.naturalOrder()).orElse(CheckVerdict.SKIPPED);
    }

    /** How many items came out {@code verdict}. */
    public long count(CheckVerdict verdict) {
        return checks.stream().filter(c -> c.verdict() == verdict).count();
    }
}
