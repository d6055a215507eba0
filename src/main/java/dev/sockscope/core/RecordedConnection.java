package dev.sockscope.core;

/**
 * A connection as the recording kept it, ready to be shown again: its events rebuilt from the
 * stored facts, so a reopened session goes through the same views as a live tab.
 *
 * @param id the connection's id in the recording
 * @param origin who made it
 * @param frames how many messages were recorded (a fragmented message counts once)
 * @param wireFrames how many wire frames were recorded (what pages of the connection count)
 * @param opened the completed upgrade, or null when it never opened
 * @param end how it ended: a {@link SessionEvent.Closed}, {@link SessionEvent.Failed} or
 *     {@link SessionEvent.NotUpgraded}, or null
 *     when the recording stopped while it was open (the app was killed, say)
 */
public record RecordedConnection(long id, String session, String url, Origin origin, long startedMicros, long frames,
        long wireFrames, SessionEvent.Opened opened, SessionEvent end) {

    /** The last recorded moment: the end, else the upgrade, else the start. */
    public long lastMicros() {
        if (end instanceof SessionEvent.Closed c) {
            return c.timestampMicros();
        }
        if (end instanceof SessionEvent.Failed f) {
            return f.timestampMicros();
        }
        if (end instanceof SessionEvent.NotUpgraded n) {
            return n.timestampMicros();
        }
        return opened != null ? opened.timestampMicros() : startedMicros;
    }
}
