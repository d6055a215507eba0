package dev.sockscope.core;

/**
 * A live WebSocket connection that can be talked to. Implementations never block the caller on
 * the network: sends are queued and reported back as {@link SessionEvent.FrameEvent}s.
 */
public interface Connection {

    long id();

    WsUrl url();

    void sendText(String text);

    void sendBinary(byte[] payload);

    void ping(byte[] payload);

    /** Starts the closing handshake with this code and reason. */
    void close(int code, String reason);

    /** Drops the connection without a closing handshake (used on shutdown and cancel). */
    void abort();
}
