package dev.sockscope.core;

/**
 * A frame read back from the store, with where it was recorded.
 *
 * @param connectionId the store's id of its connection
 * @param seq its position in that connection's log, from 0
 */
public record RecordedFrame(String session, long connectionId, int seq, String url, Frame frame) {
}
