package dev.sockscope.app;

/** Where a live connection is recorded: the session, and the connection's id in the recording. */
public record StoredConnection(String session, long id) {
}
