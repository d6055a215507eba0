package dev.sockscope.codec;

import dev.sockscope.core.Direction;
import dev.sockscope.core.Frame;
import dev.sockscope.core.Message;
import java.util.function.LongSupplier;

/**
 * One direction of one connection read from its bytes: frames as they crossed the wire, each with
 * the message it completes, and the first protocol violation. The parser and the message
 * assembler together, so a producer (the client's tap, the proxy's relay) needs one object per
 * direction and one callback.
 */
public final class WireDecoder {
    /** What one direction carried, in wire order, on the thread that feeds the decoder. */
    public interface Listener {
        /** @param completes the message this frame completes, or null (a fragment that does not end one) */
        void frame(Frame frame, Message completes);

        /**
         * The first violation: the connection must now be failed with its code. Frames that still
         * arrive (the peer's close reply) are reported after it; further violations are not.
         */
        void violation(ProtocolViolation violation);
    }

    /** What a decoder accepts: the limits, and what the handshake agreed. */
    public record Settings(long maxFrame, long maxMessage, PerMessageDeflate deflate) {
        /** 128 MiB per frame and per message: far beyond what a WebSocket app sends, well short of exhausting memory. */
        public static final long DEFAULT_MAX = 128L << 20;

        public static Settings defaults() {
            return new Settings(DEFAULT_MAX, DEFAULT_MAX, null);
        }

        public Settings withDeflate(PerMessageDeflate agreed) {
            return new Settings(maxFrame, maxMessage, agreed);
        }
    }

    private final FrameParser parser;
    private final MessageAssembler assembler;
    private final MessageInflater inflater;
    private final FrameParser.Sink sink = new ParsedFrames();
    private Listener listener;
    private boolean violated;
    /** A violation the assembler found in a frame: reported right after that frame. */
    private ProtocolViolation afterFrame;

    public WireDecoder(Direction direction, Settings settings, LongSupplier clock) {
        this.parser = new FrameParser(direction, settings.maxFrame(), settings.deflate() != null, clock);
        PerMessageDeflate deflate = settings.deflate();
        this.inflater = deflate == null ? null : new MessageInflater(direction == Direction.SEND
                ? deflate.clientNoContextTakeover() : deflate.serverNoContextTakeover());
        this.assembler = new MessageAssembler(settings.maxMessage(), inflater);
    }

    /** Decodes these bytes, telling {@code to} what they complete. Never throws on any input. */
    public void feed(byte[] data, int offset, int length, Listener to) {
        if (parser.stopped()) {
            return;
        }
        listener = to;
        try {
            parser.feed(data, offset, length, sink);
        } finally {
            listener = null;
        }
    }

    /** Receives the parser's frames and hands them on with their messages. */
    private final class ParsedFrames implements FrameParser.Sink {
        @Override
        public void frame(Frame frame) {
            Message message = assembler.accept(frame, violation -> {
                if (!violated) {
                    violated = true;
                    afterFrame = violation;
                }
            });
            listener.frame(frame, message);
            if (afterFrame != null) {
                ProtocolViolation v = afterFrame;
                afterFrame = null;
                listener.violation(v);
            }
        }

        @Override
        public void violation(ProtocolViolation violation) {
            if (!violated) {
                violated = true;
                listener.violation(violation);
            }
        }
    }

    /** True once the stream cannot be followed any more: nothing more will be decoded. */
    public boolean stopped() {
        return parser.stopped();
    }

    /** True once a violation was reported. */
    public boolean failed() {
        return violated;
    }

    /** Bytes held for a frame that has not fully arrived. */
    public long pendingBytes() {
        return parser.pendingBytes();
    }

    /** Frees the inflater's native memory; call when the connection ends. */
    public void close() {
        if (inflater != null) {
            inflater.close();
        }
    }
}
