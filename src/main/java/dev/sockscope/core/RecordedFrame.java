package dev.sockscope.core;

/**
 * A frame read back from the store, with where it was recorded.
 *
 * @param connectionId the store's id of its connection
 */
public record RecordedFrame(String session, long connectionId, String url, Frame frame) {
}
