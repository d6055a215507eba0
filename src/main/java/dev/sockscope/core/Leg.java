package dev.sockscope.core;

/**
 * One of the two TCP connections a WebSocket connection can span. A connection Sockscope opens
 * itself (a tab, the CLI) has one leg, the upstream one: Sockscope is the client. A proxied
 * connection has both: the app under development talks to Sockscope on the client leg, and
 * Sockscope talks to the server on the upstream leg.
 */
public enum Leg {
    /** The app (or browser) to Sockscope. */
    CLIENT,
    /** Sockscope to the server. */
    UPSTREAM
}
