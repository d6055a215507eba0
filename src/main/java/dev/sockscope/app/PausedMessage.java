package dev.sockscope.app;

import dev.sockscope.core.Direction;
import dev.sockscope.core.Opcode;
import dev.sockscope.core.WsUrl;
import dev.sockscope.proxy.HeldMessage;
import java.util.concurrent.CompletableFuture;

/**
 * A proxied message held at a breakpoint, as the window sees it: where it was going, what it is,
 * and the choices (forward it, forward something else, drop it, or let the connection's held
 * messages all go and stop pausing it). Any thread may choose, once.
 */
public final class PausedMessage {
    /** What became of a held message. */
    public enum Outcome {
        FORWARDED, FORWARDED_EDITED, DROPPED, CONNECTION_ENDED
    }

    private final HeldMessage held;

    PausedMessage(HeldMessage held) {
        this.held = held;
    }

    public long connectionId() {
        return held.connectionId();
    }

    public WsUrl url() {
        return held.url();
    }

    /** SEND: on its way from the app to the server; RECEIVE: from the server to the app. */
    public Direction direction() {
        return held.direction();
    }

    public Opcode opcode() {
        return held.opcode();
    }

    public byte[] payload() {
        return held.payload();
    }

    public String rule() {
        return held.rule();
    }

    public long heldAtMicros() {
        return held.heldAtMicros();
    }

    public void forward() {
        held.forward();
    }

    public void forwardEdited(Opcode opcode, byte[] payload) {
        held.forwardEdited(opcode, payload);
    }

    public void drop() {
        held.drop();
    }

    /** Forwards every message held on this connection and pauses it no more. */
    public void forwardAllAndStopPausing() {
        held.forwardAllAndStopPausing();
    }

    public CompletableFuture<Outcome> outcome() {
        return held.outcome().thenApply(o -> Outcome.valueOf(o.name()));
    }
}
