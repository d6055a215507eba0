package dev.sockscope.codec;

import dev.sockscope.core.CloseCode;
import dev.sockscope.core.Utf8;

/** What RFC 6455 section 7.4 allows in a close frame's payload: nothing, or a sendable code and a UTF-8 reason. */
final class CloseFrames {
    private CloseFrames() {
    }

    /** Null when the payload is a valid close payload, else why not. */
    static ProtocolViolation check(byte[] payload) {
        if (payload.length == 0) {
            return null;
        }
        if (payload.length == 1) {
            return ProtocolViolation.protocol("close frame with a 1-byte payload (a code takes 2)");
        }
        int code = ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
        if (!CloseCode.isSendable(code)) {
            return ProtocolViolation.protocol("close code " + code + " may not be sent");
        }
        byte[] reason = new byte[payload.length - 2];
        System.arraycopy(payload, 2, reason, 0, reason.length);
        int invalid = Utf8.firstInvalid(reason);
        if (invalid >= 0) {
            return new ProtocolViolation(ProtocolViolation.INVALID_DATA, "invalid UTF-8 at byte " + invalid + " of a close reason");
        }
        return null;
    }
}
