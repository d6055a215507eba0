package dev.sockscope.codec;

/**
 * Bytes RFC 6455 (or RFC 7692) forbids, found by the codec: the close code the connection must be
 * failed with and why, in words short enough for a close frame's reason (at most 123 bytes).
 *
 * @param closeCode 1002 (protocol error), 1007 (invalid payload data) or 1009 (message too big)
 */
public record ProtocolViolation(int closeCode, String reason) {
    public static final int PROTOCOL_ERROR = 1002;
    public static final int INVALID_DATA = 1007;
    public static final int TOO_BIG = 1009;

    public static ProtocolViolation protocol(String reason) {
        return new ProtocolViolation(PROTOCOL_ERROR, reason);
    }
}
