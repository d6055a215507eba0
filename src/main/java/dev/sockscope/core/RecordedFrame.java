package dev.sockscope.core;

/**
 * A frame read back from the store, with where it was recorded and the message it completes.
 *
 * @param connectionId the store's id of its connection
 * @param seq its position in that connection's log of frames, from 0
 * @param message the message this frame completes (itself, for a whole frame), or null for a
 *     fragment that does not end one; search results and exports always have one
 * @param interception what interception did with it, or null
 */
public record RecordedFrame(String session, long connectionId, int seq, String url, Frame frame, Message message,
        Interception interception) {
    /** A frame no interception touched. */
    public RecordedFrame(String session, long connectionId, int seq, String url, Frame frame, Message message) {
        this(session, connectionId, seq, url, frame, message, null);
    }
}
