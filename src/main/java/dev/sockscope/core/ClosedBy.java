package dev.sockscope.core;

/** Who started the closing handshake (or dropped the connection) that ended a connection. */
public enum ClosedBy {
    /** The client end: a tab, the CLI, or the app under development behind the proxy. */
    CLIENT,
    /** The server. */
    SERVER,
    /** Sockscope's proxy itself (stopped, or failed one leg because of the other). */
    PROXY;

    /** True when the other end of a connection Sockscope made itself ended it. */
    public boolean isRemoteFor(Origin origin) {
        return origin.isProxied() ? this != PROXY : this == SERVER;
    }
}
