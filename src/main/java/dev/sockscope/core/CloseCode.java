package dev.sockscope.core;

import java.util.Optional;

/** The registered close codes a user may pick by name (RFC 6455 section 7.4.1). */
public enum CloseCode {
    NORMAL(1000, "Normal Closure"),
    GOING_AWAY(1001, "Going Away"),
    PROTOCOL_ERROR(1002, "Protocol Error"),
    UNSUPPORTED_DATA(1003, "Unsupported Data"),
    INVALID_PAYLOAD(1007, "Invalid Payload Data"),
    POLICY_VIOLATION(1008, "Policy Violation"),
    MESSAGE_TOO_BIG(1009, "Message Too Big"),
    MANDATORY_EXTENSION(1010, "Mandatory Extension"),
    INTERNAL_ERROR(1011, "Internal Error"),
    SERVICE_RESTART(1012, "Service Restart"),
    TRY_AGAIN_LATER(1013, "Try Again Later");

    private final int code;
    private final String title;

    CloseCode(int code, String title) {
        this.code = code;
        this.title = title;
    }

    public int code() {
        return code;
    }

    public String title() {
        return title;
    }

    /** Names received codes too: 1005, 1006 and 1015 are never sent but are reported. */
    public static String describe(int code) {
        return switch (code) {
            case 1005 -> "No Status Received";
            case 1006 -> "Abnormal Closure";
            case 1015 -> "TLS Handshake Failure";
            default -> byCode(code).map(CloseCode::title)
                    .orElse(code >= 4000 && code <= 4999 ? "Application" : code >= 3000 && code <= 3999 ? "Registered" : "Unknown");
        };
    }

    public static Optional<CloseCode> byCode(int code) {
        for (CloseCode c : values()) {
            if (c.code == code) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** Whether an endpoint may send this code in a close frame. */
    public static boolean isSendable(int code) {
        return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999);
    }
}
