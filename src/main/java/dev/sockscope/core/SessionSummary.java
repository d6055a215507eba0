package dev.sockscope.core;

/** A session as the sessions list shows it. */
public record SessionSummary(long id, String name, String notes, long createdMicros, long connections, long frames, long bytes) {
}
