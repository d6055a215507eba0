package dev.sockscope.core;

/** The life of one connection, as a tab's state dot shows it. */
public enum ConnectionState {
    IDLE, CONNECTING, OPEN, CLOSING, CLOSED, FAILED;

    public boolean isActive() {
        return this == CONNECTING || this == OPEN || this == CLOSING;
    }
}
