package dev.sockscope.core;

/** What a traffic source publishes about one connection. */
public sealed interface SessionEvent {

    /** The connection this event belongs to. */
    long connectionId();

    /** The upgrade completed. {@code tls} is null on ws://; {@code subprotocol} empty when none. */
    record Opened(long connectionId, WsUrl url, Handshake handshake, TlsInfo tls, String subprotocol,
            Timings timings, long timestampMicros) implements SessionEvent {
    }

    /** A frame was sent or received. */
    record FrameEvent(long connectionId, Frame frame) implements SessionEvent {
    }

    /**
     * The connection ended after it had opened.
     *
     * @param code the close code, 1006 when the connection dropped without a close frame
     * @param remote true when the server started the close
     */
    record Closed(long connectionId, int code, String reason, boolean remote, long timestampMicros)
            implements SessionEvent {
    }

    /** The connection could not be opened, or broke with an error. */
    record Failed(long connectionId, WsUrl url, Failure failure, long timestampMicros) implements SessionEvent {
    }
}
