package dev.sockscope.codec;

import dev.sockscope.core.Header;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * permessage-deflate (RFC 7692) as a server agreed to it in its 101 response: whether each side
 * keeps its compression context between messages, and the window sizes. Only what inflating for
 * display needs; Sockscope never compresses what it relays itself.
 *
 * @param serverNoContextTakeover the server starts every message with a fresh context
 * @param clientNoContextTakeover the client starts every message with a fresh context
 * @param serverMaxWindowBits the server's LZ77 window, 8-15 (15 when not said)
 * @param clientMaxWindowBits the client's LZ77 window, 8-15 (15 when not said)
 */
public record PerMessageDeflate(boolean serverNoContextTakeover, boolean clientNoContextTakeover, int serverMaxWindowBits,
        int clientMaxWindowBits) {
    public static final String NAME = "permessage-deflate";

    /**
     * The agreed parameters when the response's {@code Sec-WebSocket-Extensions} accepted
     * permessage-deflate, else empty (no extension, or only ones Sockscope does not know).
     */
    public static Optional<PerMessageDeflate> negotiated(List<Header> responseHeaders) {
        for (Header h : responseHeaders) {
            if (!h.is("Sec-WebSocket-Extensions")) {
                continue;
            }
            for (String extension : h.value().split(",")) {
                String[] parts = extension.split(";");
                if (parts[0].strip().equalsIgnoreCase(NAME)) {
                    return Optional.of(parse(parts));
                }
            }
        }
        return Optional.empty();
    }

    private static PerMessageDeflate parse(String[] parts) {
        boolean serverNoTakeover = false;
        boolean clientNoTakeover = false;
        int serverBits = 15;
        int clientBits = 15;
        for (int i = 1; i < parts.length; i++) {
            String[] kv = parts[i].split("=", 2);
            String name = kv[0].strip().toLowerCase(Locale.ROOT);
            String value = kv.length > 1 ? kv[1].strip().replace("\"", "") : "";
            switch (name) {
                case "server_no_context_takeover" -> serverNoTakeover = true;
                case "client_no_context_takeover" -> clientNoTakeover = true;
                case "server_max_window_bits" -> serverBits = bits(value);
                case "client_max_window_bits" -> clientBits = bits(value);
                default -> {
                    // an unknown parameter: RFC 7692 says the client fails the connection; for display we ignore it
                }
            }
        }
        return new PerMessageDeflate(serverNoTakeover, clientNoTakeover, serverBits, clientBits);
    }

    private static int bits(String value) {
        try {
            int bits = Integer.parseInt(value);
            return bits >= 8 && bits <= 15 ? bits : 15;
        } catch (NumberFormatException e) {
            return 15;
        }
    }
}
