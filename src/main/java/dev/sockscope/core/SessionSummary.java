package dev.sockscope.core;

/**
 * A session as the sessions list shows it.
 *
 * @param lastMicros when its newest connection started (its creation time when it has none)
 */
public record SessionSummary(long id, String name, String notes, long createdMicros, long connections, long frames, long bytes,
        long lastMicros) {
}
