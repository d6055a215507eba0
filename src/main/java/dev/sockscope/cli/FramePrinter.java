package dev.sockscope.cli;

import dev.sockscope.core.Bytes;
import dev.sockscope.core.Direction;
import dev.sockscope.core.Frame;
import dev.sockscope.core.Utf8;
import java.io.PrintWriter;

/**
 * Prints one line per frame: {@code > } sent, {@code < } received; binary as
 * {@code [binary N bytes] HEX}; control frames as {@code [ping]}, {@code [pong]},
 * {@code [close CODE REASON]}.
 */
final class FramePrinter {
    private final PrintWriter out;

    FramePrinter(PrintWriter out) {
        this.out = out;
    }

    synchronized void print(Frame frame) {
        out.println((frame.direction() == Direction.SEND ? "> " : "< ") + describe(frame));
        out.flush();
    }

    static String describe(Frame frame) {
        byte[] payload = frame.payload();
        return switch (frame.opcode()) {
            case TEXT -> frame.text();
            case BINARY, CONTINUATION -> "[binary " + payload.length + " bytes] " + Bytes.hex(payload);
            case PING, PONG -> "[" + frame.opcode().label() + "]" + controlPayload(payload);
            case CLOSE -> frame.closeCode() < 0 ? "[close]"
                    : ("[close " + frame.closeCode() + " " + frame.closeReason()).stripTrailing() + "]";
        };
    }

    private static String controlPayload(byte[] payload) {
        if (payload.length == 0) {
            return "";
        }
        return " " + (Utf8.isValid(payload) ? Utf8.decode(payload) : Bytes.hex(payload));
    }
}
