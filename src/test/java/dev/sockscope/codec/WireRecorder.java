package dev.sockscope.codec;

import dev.sockscope.core.Frame;
import dev.sockscope.core.Message;
import java.util.ArrayList;
import java.util.List;

/** Collects what a decoder reports, in order, for assertions. */
final class WireRecorder implements WireDecoder.Listener, FrameParser.Sink {
    final List<Frame> frames = new ArrayList<>();
    final List<Message> messages = new ArrayList<>();
    final List<ProtocolViolation> violations = new ArrayList<>();
    /** What came in which order: "frame", "message" or "violation". */
    final List<String> order = new ArrayList<>();

    @Override
    public void frame(Frame frame, Message completes) {
        frames.add(frame);
        order.add("frame");
        if (completes != null) {
            messages.add(completes);
            order.add("message");
        }
    }

    @Override
    public void frame(Frame frame) {
        frames.add(frame);
        order.add("frame");
    }

    @Override
    public void violation(ProtocolViolation violation) {
        violations.add(violation);
        order.add("violation");
    }

    ProtocolViolation onlyViolation() {
        if (violations.size() != 1) {
            throw new AssertionError("expected one violation, got " + violations);
        }
        return violations.get(0);
    }
}
