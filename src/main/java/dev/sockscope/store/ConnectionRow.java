package dev.sockscope.store;

/** A recorded connection's facts, as exports need them. */
record ConnectionRow(long id, String session, String url, long startedMicros, long openedMicros, long endedMicros,
        String requestHead, String responseHead) {
}
