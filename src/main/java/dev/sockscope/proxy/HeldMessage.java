package dev.sockscope.proxy;

import dev.sockscope.core.Direction;
import dev.sockscope.core.Opcode;
import dev.sockscope.core.WsUrl;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A message held at a breakpoint: its connection, direction and payload (inflated), and what can
 * be done with it. Later messages in its direction on its connection wait behind it; everything
 * else flows. Any thread may settle it, once; the proxy carries the choice out on the
 * connection's own thread. {@link #outcome()} completes with what became of it, also when the
 * connection ended first.
 */
public final class HeldMessage {
    /** How a held message was settled. */
    public enum Outcome {
        FORWARDED, FORWARDED_EDITED, DROPPED, CONNECTION_ENDED
    }

    private final long connectionId;
    private final WsUrl url;
    private final Direction direction;
    private final Opcode opcode;
    private final byte[] payload;
    private final String rule;
    private final long heldAtMicros;
    private final Consumer<Runnable> onLoop;
    private final Runnable stopPausing;
    private final CompletableFuture<Outcome> outcome = new CompletableFuture<>();
    /** Set once, on the connection's thread: what to send (null: the original), or dropped. */
    private Opcode editedOpcode;
    private byte[] edited;
    private Outcome chosen;
    private Runnable settled;

    HeldMessage(long connectionId, WsUrl url, Direction direction, Opcode opcode, byte[] payload, String rule, long heldAtMicros,
            Consumer<Runnable> onLoop, Runnable stopPausing) {
        this.connectionId = connectionId;
        this.url = url;
        this.direction = direction;
        this.opcode = opcode;
        this.payload = payload;
        this.rule = rule;
        this.heldAtMicros = heldAtMicros;
        this.onLoop = onLoop;
        this.stopPausing = stopPausing;
    }

    public long connectionId() {
        return connectionId;
    }

    public WsUrl url() {
        return url;
    }

    /** SEND: from the app to the server; RECEIVE: from the server to the app. */
    public Direction direction() {
        return direction;
    }

    public Opcode opcode() {
        return opcode;
    }

    public byte[] payload() {
        return payload.clone();
    }

    /** The name of the rule that paused it. */
    public String rule() {
        return rule;
    }

    public long heldAtMicros() {
        return heldAtMicros;
    }

    public CompletableFuture<Outcome> outcome() {
        return outcome;
    }

    /** Passes the message on as it came. */
    public void forward() {
        settle(Outcome.FORWARDED, null, null);
    }

    /** Passes on this instead (text or binary), re-framed by Sockscope and recorded as sent in its place. */
    public void forwardEdited(Opcode newOpcode, byte[] newPayload) {
        if (newOpcode != Opcode.TEXT && newOpcode != Opcode.BINARY) {
            throw new IllegalArgumentException("a message is text or binary");
        }
        settle(Outcome.FORWARDED_EDITED, newOpcode, newPayload.clone());
    }

    /** Passes nothing on. */
    public void drop() {
        settle(Outcome.DROPPED, null, null);
    }

    /** Forwards every message held on this connection, this one first, and pauses none from now on. */
    public void forwardAllAndStopPausing() {
        onLoop.accept(stopPausing);
    }

    private void settle(Outcome how, Opcode newOpcode, byte[] newPayload) {
        onLoop.accept(() -> {
            if (chosen != null) {
                return;
            }
            chosen = how;
            editedOpcode = newOpcode;
            edited = newPayload;
            if (settled != null) {
                settled.run();
            }
            outcome.complete(how);
        });
    }

    // ---- the proxy's side (the connection's thread) ----

    void whenSettled(Runnable action) {
        this.settled = action;
    }

    boolean isSettled() {
        return chosen != null;
    }

    Outcome chosen() {
        return chosen;
    }

    Opcode editedOpcode() {
        return editedOpcode;
    }

    byte[] edited() {
        return edited;
    }

    /** The connection ended while it was held: nothing is sent. */
    void abandon() {
        if (chosen == null) {
            chosen = Outcome.CONNECTION_ENDED;
            outcome.complete(chosen);
        }
    }
}
