package dev.sockscope.conformance;

/** One thing the fuzzing peer does in a case, in the order its {@code onOpen} does them. */
sealed interface Step {
    /** Writes a frame as given (a close frame too: written this way it changes no state), whole or in pieces. */
    record Raw(byte[] bytes, int chop) implements Step {
    }

    /** As {@link Raw}, the bytes made when the step is played (group 9's large frames are not kept between cases). */
    record Lazy(java.util.function.Supplier<byte[]> bytes, int chop) implements Step {
    }

    /** Starts the closing handshake with this close payload (possibly invalid), when still open. */
    record Close(byte[] payload) implements Step {
    }

    /** When still open, notes {@code tag} among the events (6.4.x's timeouts); otherwise stops the steps. */
    record Tag(String tag) implements Step {
    }

    /**
     * {@code count} messages of {@code payload}, one at a time: each sent only once the echo of
     * the one before came back (9.7 and 9.8, round-trip time); stops at the first echo that does
     * not come within {@code millis} of the start.
     */
    record RoundTrips(int opcode, byte[] payload, int count, long millis) implements Step {
    }

    /** Waits, unless the connection ends first (Autobahn's continueLater). */
    record Pause(long millis) implements Step {
    }

    /** After {@code millis}: open, it starts the closing handshake with an empty close; closing, nothing. */
    record CloseAfter(long millis) implements Step {
    }

    /** After {@code millis}: open, it fails the connection with close 1001 "Going Away"; closing, it drops TCP. */
    record KillAfter(long millis) implements Step {
    }

    static Raw frame(int opcode, byte[] payload) {
        return new Raw(Wire.frame(opcode, payload), 0);
    }

    static Raw frame(int opcode, byte[] payload, boolean fin, int rsv) {
        return new Raw(Wire.frame(opcode, payload, fin, rsv), 0);
    }

    static Raw chopped(Raw raw, int chop) {
        return new Raw(raw.bytes(), chop);
    }

    static Close close(int code, String reason) {
        return new Close(Wire.closePayload(code, reason));
    }
}
