package dev.sockscope.proxy;

import dev.sockscope.codec.FrameEncoder;
import dev.sockscope.codec.MessageDeflater;
import dev.sockscope.codec.PerMessageDeflate;
import dev.sockscope.core.Clock;
import dev.sockscope.core.Direction;
import dev.sockscope.core.Frame;
import dev.sockscope.core.Interception;
import dev.sockscope.core.Leg;
import dev.sockscope.core.Message;
import dev.sockscope.core.Opcode;
import dev.sockscope.core.Utf8;
import dev.sockscope.intercept.Decision;
import dev.sockscope.intercept.Interceptor;
import dev.sockscope.intercept.Rule;
import dev.sockscope.intercept.RuleAction;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The relay of a connection that some rule concerns: frames go on one by one instead of as the
 * bytes came. A data message is held until its last frame, then the rules decide; a message no
 * rule touched goes on as the frames it came in, byte for byte. What Sockscope sends itself (a
 * replacement, a copy, an injection, a close) is framed by our encoder: masked with a fresh key
 * toward the server, compressed when permessage-deflate was agreed. Each direction keeps its
 * order: a delayed or held message holds back the ones after it. Where the sender compresses
 * with context takeover, the first change in that direction breaks the shared context, so every
 * compressed message after it is compressed anew. Runs on the connection's event loop.
 */
final class InterceptedRelay {
    private static final SecureRandom MASKS = new SecureRandom();

    private final ProxiedConnection connection;
    private final Interceptor interceptor;
    private final InterceptHooks hooks;
    private final PerMessageDeflate deflate;
    private final Side toServer;
    private final Side toApp;
    private final List<Future<?>> timers = new ArrayList<>();
    /** Messages held at a breakpoint, each with how its original frame gets recorded once it is settled. */
    private final java.util.Map<HeldMessage, Consumer<Interception>> held = new java.util.LinkedHashMap<>();
    private boolean pausingStopped;

    InterceptedRelay(ProxiedConnection connection, Interceptor interceptor, InterceptHooks hooks, PerMessageDeflate deflate) {
        this.connection = connection;
        this.interceptor = interceptor;
        this.hooks = hooks;
        this.deflate = deflate;
        // After the fields they use: each direction's writes run on the connection's event loop.
        this.toServer = new Side(Direction.SEND);
        this.toApp = new Side(Direction.RECEIVE);
    }

    /** Starts the timed injections of the rules that concern this connection. */
    void start() {
        for (Rule rule : interceptor.timedInjections()) {
            RuleAction.Inject inject = (RuleAction.Inject) rule.action();
            Side side = inject.direction() == Direction.SEND ? toServer : toApp;
            byte[] text = inject.text().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            Interception injected = new Interception(Interception.INJECTED, ruleNote(rule));
            timers.add(connection.app().eventLoop().scheduleAtFixedRate(() -> side.emit(0, null, () -> side.sendOwn(Opcode.TEXT,
                    text, injected)), inject.everyMillis(), inject.everyMillis(), TimeUnit.MILLISECONDS));
        }
    }

    /**
     * The connection is ending (called before its end is recorded): timers stop, and a message
     * still held is recorded as never sent.
     */
    void stop() {
        timers.forEach(t -> t.cancel(false));
        held.forEach((message, record) -> {
            message.abandon();
            record.accept(new Interception(Interception.PAUSED | Interception.DROPPED, "held by rule \"" + message.rule() + "\""
                    + ", never sent: the connection ended while it was held"));
        });
        held.clear();
        toServer.writes.clear();
        toApp.writes.clear();
    }

    /** A message of the user's, sent to the server ({@code SEND}) or to the app ({@code RECEIVE}) after what is queued. */
    void sendByHand(Direction direction, Opcode opcode, byte[] payload) {
        Side side = direction == Direction.SEND ? toServer : toApp;
        side.emit(0, null, () -> side.sendOwn(opcode, payload, new Interception(Interception.INJECTED, "sent by you")));
    }

    /** The user closes one side with this code: as a rule's close does, the other side then gets 1001. */
    void closeByHand(boolean appSide, int code, String reason) {
        closeByRule(new RuleAction.Close(code, reason, appSide ? RuleAction.CloseTarget.APP : RuleAction.CloseTarget.SERVER),
                "you");
    }

    /** Any held message from now on is forwarded: breakpoints off for this connection, and every held one released. */
    void stopPausing() {
        pausingStopped = true;
        new ArrayList<>(held.keySet()).forEach(HeldMessage::forward);
    }

    /**
     * A frame read from one side. {@code record} is called once with what to record on it (null:
     * nothing happened to it), now, or for a message held at a breakpoint, once it is settled.
     */
    void frame(Frame frame, Message completes, Leg from, Consumer<Interception> record) {
        Side side = from == Leg.CLIENT ? toServer : toApp;
        byte[] wire = FrameEncoder.wireBytes(frame);
        if (frame.opcode().isControl()) {
            record.accept(null);
            Side answered = side.other();
            if (frame.opcode() == Opcode.CLOSE && answered.ownCloseSent) {
                // The reply to our close. After a rule's close, the other side goes away in order; once
                // both handshakes are done we close the app's TCP, being its server (the server closes its own).
                if (answered.closedByRule && !side.ownCloseSent) {
                    side.emit(0, null, () -> side.sendOwnClose(1001, "the other side was closed by a Sockscope rule"));
                } else {
                    connection.app().close();
                }
                return;
            }
            if (side.inMessage && frame.opcode() != Opcode.CLOSE) {
                // A ping or pong between a message's fragments keeps its place among them.
                side.fragments.write(wire, 0, wire.length);
                side.controls.write(wire, 0, wire.length);
                return;
            }
            // A message cut short by a close never completes: its fragments go on as they came.
            byte[] before = side.takeHeld().all();
            side.emit(0, null, () -> {
                side.write(before);
                side.write(wire);
            });
            return;
        }
        Held original;
        if (!side.inMessage && completes != null) {
            // A message in one frame (nearly all of them): no copy into the buffer and out again.
            original = new Held(wire, new byte[0]);
        } else {
            side.inMessage = true;
            side.fragments.write(wire, 0, wire.length);
            if (completes == null) {
                record.accept(null);
                return;
            }
            original = side.takeHeld();
        }
        Decision decision = pausingStopped || side.closedByRule ? Decision.UNTOUCHED
                : interceptor.decide(side.direction, completes.opcode(), completes.payload());
        if (!decision.untouched() && !(decision.action() instanceof RuleAction.Pause) && original.controls().length > 0) {
            // The message's frames are not passed on as they came: the control frames among them go first.
            side.emit(0, null, () -> side.write(original.controls()));
        }
        act(side, decision, completes, original, record);
    }

    /**
     * The side that sent into {@code side}'s direction ended its TCP connection: a message it left
     * unfinished goes on as it came. True when output is still queued there (a delay, a
     * breakpoint): the end waits for it, and {@code then} runs once it went.
     */
    boolean holdsOutput(boolean fromApp, Runnable then) {
        Side side = fromApp ? toServer : toApp;
        if (side.inMessage) {
            byte[] left = side.takeHeld().all();
            side.emit(0, null, () -> side.write(left));
        }
        if (side.writes.isEmpty()) {
            return false;
        }
        side.emit(0, null, then);
        return true;
    }

    private void act(Side side, Decision decision, Message message, Held original, Consumer<Interception> record) {
        RuleAction action = decision.action();
        String note = decision.untouched() ? "" : ruleNote(decision.rule());
        if (action instanceof RuleAction.Pause) {
            hold(side, decision.rule(), message, original, record);
        } else if (action instanceof RuleAction.Drop) {
            record.accept(new Interception(Interception.DROPPED, note));
            side.changed();
        } else if (action instanceof RuleAction.Delay delay) {
            record.accept(new Interception(Interception.DELAYED, note + ": " + delay.millis() + " ms"));
            side.pass(delay.millis() * 1_000_000, message, original, null);
        } else if (action instanceof RuleAction.Duplicate) {
            record.accept(new Interception(Interception.DUPLICATED, note));
            side.pass(0, message, original, null);
            side.emit(0, null, () -> side.sendOwn(message.opcode(), message.payload(), new Interception(Interception.COPY, note)));
        } else if (action instanceof RuleAction.Inject inject) {
            record.accept(null);
            side.pass(0, message, original, null);
            Side to = inject.direction() == Direction.SEND ? toServer : toApp;
            byte[] text = inject.text().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            to.emit(0, null, () -> to.sendOwn(Opcode.TEXT, text, new Interception(Interception.INJECTED, note)));
        } else if (action instanceof RuleAction.Close close) {
            record.accept(new Interception(Interception.CLOSED_INSTEAD, note + ": close " + close.code()));
            closeByRule(close, note);
        } else if (Interceptor.changes(decision, message.payload())) {
            record.accept(new Interception(Interception.REPLACED, note));
            side.changed();
            side.emit(0, null, () -> side.sendOwn(message.opcode(), decision.payload(), new Interception(Interception.SENT_INSTEAD,
                    note)));
        } else {
            side.pass(0, message, original, record);
        }
    }

    /**
     * A breakpoint: the message waits for the window, and its direction waits behind it; its
     * original is recorded once it is settled, with what became of it.
     */
    private void hold(Side side, Rule rule, Message message, Held original, Consumer<Interception> record) {
        HeldMessage paused = new HeldMessage(connection.id(), connection.url(), side.direction, message.opcode(),
                message.payload(), rule.name(), Clock.nowMicros(), task -> connection.app().eventLoop().execute(task),
                this::stopPausing);
        held.put(paused, record);
        side.emit(0, paused, () -> {
            held.remove(paused);
            String waited = "held " + (Clock.nowMicros() - paused.heldAtMicros()) / 1000 + " ms by " + ruleNote(rule);
            switch (paused.chosen()) {
                case FORWARDED -> {
                    boolean anew = side.diverged && message.compressed();
                    record.accept(new Interception(Interception.PAUSED | Interception.DELAYED | (anew ? Interception.RECOMPRESSED : 0),
                            waited + ", forwarded" + (pausingStopped ? " (breakpoints off)" : " by you")));
                    if (anew) {
                        side.write(original.controls());
                        side.write(side.recompressed(message.opcode(), message.payload()));
                    } else {
                        side.write(original.all());
                    }
                }
                case FORWARDED_EDITED -> {
                    String by = waited + ", forwarded edited by you";
                    side.write(original.controls());
                    record.accept(new Interception(Interception.PAUSED | Interception.REPLACED, by));
                    side.changed();
                    side.sendOwn(paused.editedOpcode(), paused.edited(), new Interception(Interception.SENT_INSTEAD, by));
                }
                default -> {
                    side.write(original.controls());
                    record.accept(new Interception(Interception.PAUSED | Interception.DROPPED, waited + ", dropped by you"));
                    side.changed();
                }
            }
        });
        paused.whenSettled(side::drain);
        hooks.held().accept(paused);
    }

    private void closeByRule(RuleAction.Close close, String note) {
        String recorded = note + " closed " + switch (close.to()) {
            case APP -> "the app's side";
            case SERVER -> "the server's side";
            case BOTH -> "both sides";
        } + " with " + close.code();
        if (close.to() == RuleAction.CloseTarget.BOTH) {
            connection.closeBoth(close.code(), close.reason(), dev.sockscope.core.ClosedBy.PROXY, recorded);
            return;
        }
        Side side = close.to() == RuleAction.CloseTarget.APP ? toApp : toServer;
        connection.closedByRule(close.code(), recorded);
        side.emit(0, null, () -> {
            side.sendOwnClose(close.code(), close.reason());
            side.closedByRule = true;
        });
    }

    private static String ruleNote(Rule rule) {
        return "rule \"" + rule.name() + "\"";
    }

    /** One direction: where its frames go, its order, and its compression. */
    private final class Side {
        final Direction direction;
        /** The frames since the data message under way began, as they came (control frames among them included). */
        final ByteArrayOutputStream fragments = new ByteArrayOutputStream();
        /** The control frames among them. */
        final ByteArrayOutputStream controls = new ByteArrayOutputStream();
        boolean inMessage;
        final OrderedWrites writes = new OrderedWrites(connection.app().eventLoop());
        /** A change broke the compression context shared by the sender and the receiver. */
        boolean diverged;
        /** A rule's close went this way: nothing more is written. */
        boolean closedByRule;
        /** A close frame of ours went this way: the close that comes back answers it. */
        boolean ownCloseSent;
        boolean flushQueued;
        MessageDeflater deflater;

        Side(Direction direction) {
            this.direction = direction;
        }

        /** What was held for the message under way, now taken. */
        Held takeHeld() {
            Held held = new Held(fragments.toByteArray(), controls.toByteArray());
            fragments.reset();
            controls.reset();
            inMessage = false;
            return held;
        }

        Side other() {
            return this == toServer ? toApp : toServer;
        }

        Channel channel() {
            return direction == Direction.SEND ? connection.upstream() : connection.app();
        }

        Leg leg() {
            return direction == Direction.SEND ? Leg.UPSTREAM : Leg.CLIENT;
        }

        /** The sender keeps its compression context between messages (no *_no_context_takeover agreed). */
        boolean senderKeepsContext() {
            return deflate != null && !(direction == Direction.SEND ? deflate.clientNoContextTakeover()
                    : deflate.serverNoContextTakeover());
        }

        /**
         * Something other than the messages read reached (or did not reach) the receiver: where the
         * sender compresses with context takeover, the receiver's context is no longer the sender's.
         */
        void changed() {
            if (senderKeepsContext()) {
                diverged = true;
            }
        }

        /**
         * Passes a message on: its frames as they came, or, once the context diverged, compressed
         * anew; {@code record}, when given, is told which (null: untouched).
         */
        void pass(long delayNanos, Message message, Held original, Consumer<Interception> record) {
            boolean anew = diverged && message.compressed();
            if (record != null) {
                record.accept(anew ? new Interception(Interception.RECOMPRESSED,
                        "compressed anew: an earlier change broke the compression context") : null);
            }
            emit(delayNanos, null, anew ? () -> {
                write(original.controls());
                write(recompressed(message.opcode(), message.payload()));
            } : () -> write(original.all()));
        }

        /** Queues an action behind everything before it in this direction, released after {@code delayNanos}. */
        void emit(long delayNanos, HeldMessage pause, Runnable action) {
            writes.add(delayNanos, pause, action);
        }

        void drain() {
            writes.drain();
        }

        void write(byte[] bytes) {
            Channel to = channel();
            if (bytes.length > 0 && !closedByRule && to != null && to.isActive()) {
                to.write(Unpooled.wrappedBuffer(bytes));
                // One flush for everything written in this turn of the event loop (a read batch's
                // frames, or a timer's), not a system call per frame.
                if (!flushQueued) {
                    flushQueued = true;
                    to.eventLoop().execute(() -> {
                        flushQueued = false;
                        to.flush();
                    });
                }
            }
        }

        /** A message of Sockscope's own, written and recorded on the leg it went to. */
        void sendOwn(Opcode opcode, byte[] payload, Interception interception) {
            if (closedByRule) {
                return;
            }
            boolean compress = deflate != null;
            byte[] body = compress ? deflater().compress(payload) : payload;
            long mask = direction == Direction.SEND ? MASKS.nextInt() & 0xFFFFFFFFL : -1;
            write(FrameEncoder.encode(true, compress ? 4 : 0, opcode, body, mask));
            changed();
            long now = Clock.nowMicros();
            Frame frame = new Frame(direction, opcode, true, compress ? 4 : 0, body, now,
                    FrameEncoder.header(true, compress ? 4 : 0, opcode.code(), body.length, mask));
            Message message = new Message(direction, opcode, payload, now, 1, compress, opcode == Opcode.TEXT
                    ? Utf8.firstInvalid(payload) : -1);
            connection.recordOwn(leg(), frame, message, interception);
        }

        void sendOwnClose(int code, String reason) {
            Channel to = channel();
            if (!closedByRule && !ownCloseSent && to != null && to.isActive()) {
                ownCloseSent = true;
                connection.sendOwnClose(to, Frame.close(Direction.SEND, code, reason, 0).payload(),
                        direction == Direction.SEND ? MASKS.nextInt() & 0xFFFFFFFFL : -1, direction, leg(), false);
            }
        }

        /** A message compressed anew (a fresh context) and framed for this direction. */
        byte[] recompressed(Opcode opcode, byte[] payload) {
            long mask = direction == Direction.SEND ? MASKS.nextInt() & 0xFFFFFFFFL : -1;
            return FrameEncoder.encode(true, 4, opcode, deflater().compress(payload), mask);
        }

        /** Compresses for the receiver's window (the sender's agreed maximum in this direction). */
        private MessageDeflater deflater() {
            if (deflater == null) {
                deflater = new MessageDeflater(direction == Direction.SEND ? deflate.clientMaxWindowBits()
                        : deflate.serverMaxWindowBits());
            }
            return deflater;
        }
    }

    /** A data message's frames as they came, and the control frames among them. */
    private record Held(byte[] all, byte[] controls) {
    }

}
