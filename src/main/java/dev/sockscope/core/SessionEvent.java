package dev.sockscope.core;

/**
 * What a producer of traffic (a connection tab, the CLI, an import, the proxy) publishes about
 * one connection, through the one event channel. Every connection starts with {@link Started},
 * may open ({@link Opened}), carries frames ({@link FrameEvent}) and ends with exactly one of
 * {@link Closed} (after it opened), {@link Failed} or {@link NotUpgraded}. A plain HTTP request the
 * proxy relayed is one {@link HttpRequest}, on its own.
 */
public sealed interface SessionEvent {

    /** The connection this event belongs to: an id the channel gave it, unique in this process. */
    long connectionId();

    /**
     * A connection began: before any upgrade, so a connection that never becomes a WebSocket (a
     * refused certificate, a tunnel passed through) still appears.
     *
     * @param session the recording session it goes into
     */
    record Started(long connectionId, Origin origin, String session, WsUrl url, long timestampMicros)
            implements SessionEvent {
    }

    /**
     * The upgrade completed.
     *
     * @param upstream the leg to the server (for a connection Sockscope made, its only leg)
     * @param client the leg from the app under development to Sockscope, or null when Sockscope is the client
     * @param subprotocol the negotiated subprotocol, empty when none
     */
    record Opened(long connectionId, WsUrl url, LegInfo upstream, LegInfo client, String subprotocol, long timestampMicros)
            implements SessionEvent {

        /** A connection Sockscope made itself: one leg, to the server. */
        public Opened(long connectionId, WsUrl url, Handshake handshake, TlsInfo tls, String subprotocol, Timings timings,
                long timestampMicros) {
            this(connectionId, url, new LegInfo(handshake, tls, tls == null ? "" : tls.peerAddress(), timings), null,
                    subprotocol, timestampMicros);
        }

        /** The upgrade with the server, as sent and received. */
        public Handshake handshake() {
            return upstream.handshake();
        }

        /** The TLS session with the server, or null on ws://. */
        public TlsInfo tls() {
            return upstream.tls();
        }

        public Timings timings() {
            return upstream.timings();
        }
    }

    /**
     * A frame crossed one leg.
     *
     * @param message the message this frame completes (a whole frame is its own message), or null
     *     when it is a fragment that does not end one
     * @param interception what the proxy's rules or its user did with it, or null (nothing)
     */
    record FrameEvent(long connectionId, Leg leg, Frame frame, Message message, Interception interception)
            implements SessionEvent {
        /** A whole frame on the upstream leg: the frame is its own message. */
        public FrameEvent(long connectionId, Frame frame) {
            this(connectionId, Leg.UPSTREAM, frame, Message.of(frame));
        }

        /** A frame no interception touched. */
        public FrameEvent(long connectionId, Leg leg, Frame frame, Message message) {
            this(connectionId, leg, frame, message, null);
        }
    }

    /**
     * The connection ended after it had opened.
     *
     * @param code the close code, 1006 when the connection dropped without a close frame
     * @param reason the close reason, or what broke the connection
     * @param closedBy who started the close (or dropped the connection)
     */
    record Closed(long connectionId, int code, String reason, ClosedBy closedBy, long timestampMicros)
            implements SessionEvent {

        /**
         * True when it ended as it should: 1000, a close frame without a code (1005: nothing wrong was
         * said), or 1001 when the client went away.
         */
        public boolean isNormal() {
            return code == 1000 || code == 1005 || (code == 1001 && closedBy == ClosedBy.CLIENT);
        }
    }

    /** The connection could not be opened, or broke with an error before it opened. */
    record Failed(long connectionId, WsUrl url, Failure failure, long timestampMicros) implements SessionEvent {
    }

    /**
     * The connection ended without ever becoming a WebSocket, and not by failing: a tunnel the
     * proxy passed through untouched, say.
     *
     * @param what what it was, in a few words ("TLS tunnel to example.com:443, passed through")
     */
    record NotUpgraded(long connectionId, String what, long bytesUp, long bytesDown, long timestampMicros)
            implements SessionEvent {
    }

    /**
     * A plain HTTP request the proxy relayed, one that did not ask to become a WebSocket, with its
     * answer: published once, when the exchange ended. It stands alone: no {@link Started} comes
     * before it and it neither opens nor ends a connection.
     *
     * @param connectionId an id of its own from the event channel
     */
    record HttpRequest(long connectionId, HttpExchange exchange) implements SessionEvent {
    }
}
