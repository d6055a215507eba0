package dev.sockscope.ui.connection;

/** What the message log lists: messages as the application sees them, or frames as they crossed the wire. */
public enum LogView {
    /** One row per message: a fragmented message once, whole; a compressed one inflated. */
    MESSAGES,
    /** One row per wire frame, fragments and all, with FIN and RSV bits. */
    FRAMES
}
