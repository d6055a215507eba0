package dev.sockscope.core;

/**
 * A session as the sessions list shows it.
 *
 * @param connections every connection recorded in it, failed attempts included
 * @param failed the connection attempts that failed before they became WebSockets (refused, unknown
 *     host, TLS refused, upgrade refused): recorded for QA, and counted apart so they do not look
 *     like connections that exchanged nothing
 * @param lastMicros when its newest connection started (its creation time when it has none)
 */
public record SessionSummary(long id, String name, String notes, long createdMicros, long connections, long failed,
        long frames, long bytes, long lastMicros) {
}
