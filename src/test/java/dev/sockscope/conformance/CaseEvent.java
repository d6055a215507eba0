package dev.sockscope.conformance;

import java.util.Arrays;
import java.util.HexFormat;

/** What the judged side sent during a case: a message (text or binary) or a pong, with its payload. */
record CaseEvent(String kind, byte[] payload, boolean binary) {
    static CaseEvent message(byte[] payload, boolean binary) {
        return new CaseEvent("message", payload, binary);
    }

    static CaseEvent timeout(String tag) {
        return new CaseEvent("timeout", tag.getBytes(java.nio.charset.StandardCharsets.US_ASCII), true);
    }

    static CaseEvent pong(byte[] payload) {
        return new CaseEvent("pong", payload, true);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CaseEvent e && kind.equals(e.kind) && binary == e.binary && Arrays.equals(payload, e.payload);
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        String shown = payload.length > 24 ? HexFormat.of().formatHex(payload, 0, 24) + "… (" + payload.length + " bytes)"
                : HexFormat.of().formatHex(payload);
        if (kind.equals("timeout")) {
            return "timeout " + new String(payload, java.nio.charset.StandardCharsets.US_ASCII);
        }
        return kind + (kind.equals("message") ? (binary ? " binary " : " text ") : " ") + shown;
    }
}
