package dev.sockscope.conformance;

import java.util.Arrays;
import java.util.HexFormat;

/** What the judged side sent during a case: a message (text or binary) or a pong, with its payload. */
record CaseEvent(String kind, byte[] payload, boolean binary) {
    /** Above this size a message is kept as its length and SHA-256 (group 9's 16 MiB echoes would fill the heap). */
    private static final int KEPT_WHOLE = 64 * 1024;

    static CaseEvent message(byte[] payload, boolean binary) {
        if (payload.length > KEPT_WHOLE) {
            return new CaseEvent("message-digest", digest(payload), binary);
        }
        return new CaseEvent("message", payload, binary);
    }

    private static byte[] digest(byte[] payload) {
        try {
            byte[] sha = java.security.MessageDigest.getInstance("SHA-256").digest(payload);
            return java.nio.ByteBuffer.allocate(4 + sha.length).putInt(payload.length).put(sha).array();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
        if (kind.equals("message-digest")) {
            return "message " + (binary ? "binary" : "text") + " of " + java.nio.ByteBuffer.wrap(payload).getInt() + " bytes, SHA-256 "
                    + HexFormat.of().formatHex(payload, 4, 12) + "…";
        }
        if (kind.equals("timeout")) {
            return "timeout " + new String(payload, java.nio.charset.StandardCharsets.US_ASCII);
        }
        return kind + (kind.equals("message") ? (binary ? " binary " : " text ") : " ") + shown;
    }
}
