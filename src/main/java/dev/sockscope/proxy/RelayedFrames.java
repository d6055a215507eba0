package dev.sockscope.proxy;

import dev.sockscope.codec.ProtocolViolation;
import dev.sockscope.codec.WireDecoder;
import dev.sockscope.core.ClosedBy;
import dev.sockscope.core.Clock;
import dev.sockscope.core.Direction;
import dev.sockscope.core.Frame;
import dev.sockscope.core.Leg;
import dev.sockscope.core.Message;
import dev.sockscope.core.Opcode;
import dev.sockscope.core.SessionEvent;
import io.netty.buffer.ByteBuf;

/**
 * The recording's view of a relayed WebSocket: a copy of each direction's bytes read with the
 * codec (one {@link WireDecoder} per direction), every frame published on the leg it crossed, the
 * close frames noted (who closed first, with what), and a protocol violation reported to the
 * relay, which then closes both sides. The bytes themselves are never changed here.
 */
final class RelayedFrames {
    private final EventSink events;
    private final long id;
    private final WireDecoder fromApp;
    private final WireDecoder fromServer;
    private final byte[] copy = new byte[64 * 1024];
    private final DirectionListener appFrames = new DirectionListener(Leg.CLIENT);
    private final DirectionListener serverFrames = new DirectionListener(Leg.UPSTREAM);
    private Frame appClose;
    private Frame serverClose;
    private ClosedBy firstToClose;
    /** When rules concern the connection: what decides each frame's way on and its recording. */
    private InterceptedRelay intercepted;

    RelayedFrames(EventSink events, long id, WireDecoder.Settings settings) {
        this.events = events;
        this.id = id;
        this.fromApp = new WireDecoder(Direction.SEND, settings, Clock::nowMicros);
        this.fromServer = new WireDecoder(Direction.RECEIVE, settings, Clock::nowMicros);
    }

    /** Reads a copy of the bytes that crossed {@code leg}; the violation they carry, or null. */
    ProtocolViolation read(ByteBuf bytes, Leg leg) {
        DirectionListener listener = leg == Leg.CLIENT ? appFrames : serverFrames;
        WireDecoder decoder = leg == Leg.CLIENT ? fromApp : fromServer;
        listener.found = null;
        int index = bytes.readerIndex();
        int left = bytes.readableBytes();
        while (left > 0 && listener.found == null) {
            int n = Math.min(left, copy.length);
            bytes.getBytes(index, copy, 0, n);
            decoder.feed(copy, 0, n, listener);
            index += n;
            left -= n;
        }
        return listener.found;
    }

    /** From now on each frame is handed to the interception, which records it (possibly later) and passes it on. */
    void intercept(InterceptedRelay relay) {
        this.intercepted = relay;
    }

    /** Who sent the first close frame, or null when none crossed. */
    ClosedBy firstToClose() {
        return firstToClose;
    }

    /** The first side's close frame, or null. */
    Frame firstClose() {
        return firstToClose == ClosedBy.SERVER ? serverClose : firstToClose == ClosedBy.CLIENT ? appClose : null;
    }

    /** True when the side's bytes stopped in the middle of a frame. */
    boolean cutMidFrame(boolean app) {
        return (app ? fromApp : fromServer).pendingBytes() > 0;
    }

    void close() {
        fromApp.close();
        fromServer.close();
    }

    /** Publishes one direction's frames (made once per direction: the relay's hot path allocates none). */
    private final class DirectionListener implements WireDecoder.Listener {
        private final Leg leg;
        private ProtocolViolation found;

        DirectionListener(Leg leg) {
            this.leg = leg;
        }

        @Override
        public void frame(Frame frame, Message completes) {
            if (frame.opcode() == Opcode.CLOSE) {
                if (leg == Leg.CLIENT) {
                    appClose = frame;
                } else {
                    serverClose = frame;
                }
                if (firstToClose == null) {
                    firstToClose = leg == Leg.CLIENT ? ClosedBy.CLIENT : ClosedBy.SERVER;
                }
            }
            if (intercepted != null) {
                intercepted.frame(frame, completes, leg, interception -> events.publish(new SessionEvent.FrameEvent(id, leg, frame,
                        completes, interception)));
            } else {
                events.publish(new SessionEvent.FrameEvent(id, leg, frame, completes));
            }
        }

        @Override
        public void violation(ProtocolViolation violation) {
            found = violation;
        }
    }
}
