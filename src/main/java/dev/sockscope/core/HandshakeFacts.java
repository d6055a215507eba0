package dev.sockscope.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a handshake means, derived from its raw heads: the status, the negotiated subprotocol and
 * extensions, the Sec-WebSocket-Accept check, where a redirect pointed, and the cookies sent and
 * set. Pure: computed from the {@link Handshake} alone.
 *
 * @param status the response status code, -1 when no response was read
 * @param statusLine the response's first line, e.g. "HTTP/1.1 101 Switching Protocols"
 * @param subprotocol the Sec-WebSocket-Protocol the server chose, "" when none
 * @param offeredSubprotocols what the request offered, in order
 * @param extensions what the server's Sec-WebSocket-Extensions accepted, in order
 * @param offeredExtensions what the request's Sec-WebSocket-Extensions offered, in order
 * @param acceptExpected base64(SHA-1(key + GUID)) for the request's Sec-WebSocket-Key, "" without a key
 * @param acceptReceived the response's Sec-WebSocket-Accept, "" when absent
 * @param acceptMatches true only when both are present and equal
 * @param cookiesSent the request's Cookie headers, one entry per cookie
 * @param cookiesSet the response's Set-Cookie headers, one entry per header
 * @param redirectLocation the Location of a 3xx response, else "" (redirects are never followed)
 */
public record HandshakeFacts(int status, String statusLine, String subprotocol, List<String> offeredSubprotocols,
        List<Extension> extensions, List<Extension> offeredExtensions, String acceptExpected, String acceptReceived,
        boolean acceptMatches, List<Cookie> cookiesSent, List<SetCookie> cookiesSet, String redirectLocation) {

    /** RFC 6455 section 1.3: the GUID appended to the key before hashing. */
    public static final String WEBSOCKET_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    public HandshakeFacts {
        offeredSubprotocols = List.copyOf(offeredSubprotocols);
        extensions = List.copyOf(extensions);
        offeredExtensions = List.copyOf(offeredExtensions);
        cookiesSent = List.copyOf(cookiesSent);
        cookiesSet = List.copyOf(cookiesSet);
    }

    /** One extension as negotiated: its token and its parameters as written, "k=v" or "k". */
    public record Extension(String name, List<String> params) {
        public Extension {
            params = List.copyOf(params);
        }

        /** "permessage-deflate; client_max_window_bits=15", the header's own notation. */
        public String describe() {
            StringBuilder out = new StringBuilder(name);
            params.forEach(p -> out.append("; ").append(p));
            return out.toString();
        }
    }

    /** One cookie from a request's Cookie header; a bare value without "=" has an empty name. */
    public record Cookie(String name, String value) {
        /** "name=value" as it was sent. */
        @Override
        public String toString() {
            return name.isEmpty() ? value : name + "=" + value;
        }
    }

    /** One Set-Cookie header: the cookie and its attributes as written ("Path=/", "HttpOnly"). */
    public record SetCookie(String name, String value, List<String> attributes) {
        public SetCookie {
            attributes = List.copyOf(attributes);
        }
    }

    public static HandshakeFacts of(Handshake h) {
        List<Header> request = h.requestHeaders();
        List<Header> response = h.responseHeaders();
        int status = h.status();
        String key = first(request, "Sec-WebSocket-Key");
        String expected = key.isEmpty() ? "" : acceptFor(key);
        String received = first(response, "Sec-WebSocket-Accept");
        String location = status >= 300 && status < 400 ? first(response, "Location") : "";
        return new HandshakeFacts(status, h.statusLine(), first(response, "Sec-WebSocket-Protocol"),
                listValues(request, "Sec-WebSocket-Protocol"), extensions(response), extensions(request),
                expected, received, !expected.isEmpty() && expected.equals(received),
                cookiesSent(request), cookiesSet(response), location);
    }

    /** True for "101 Switching Protocols": the upgrade happened. */
    public boolean upgraded() {
        return status == 101;
    }

    /**
     * What makes a 101 answer unacceptable to a client (RFC 6455 section 4.1), in words: the first
     * problem found, or empty when it is acceptable (or not a 101).
     */
    public static Optional<String> refusalOf(Handshake h) {
        if (h.status() != 101) {
            return Optional.empty();
        }
        List<Header> response = h.responseHeaders();
        String upgrade = first(response, "Upgrade").strip();
        if (!upgrade.equalsIgnoreCase("websocket")) {
            return Optional.of(upgrade.isEmpty() ? "the 101 answer has no 'Upgrade: websocket' header"
                    : "the 101 answer says 'Upgrade: " + upgrade + "', not 'Upgrade: websocket'");
        }
        if (!first(response, "Connection").toLowerCase(Locale.ROOT).contains("upgrade")) {
            return Optional.of("the 101 answer has no 'Connection: Upgrade' header");
        }
        HandshakeFacts facts = of(h);
        if (facts.acceptReceived().isEmpty()) {
            return Optional.of("the 101 answer has no Sec-WebSocket-Accept header");
        }
        if (!facts.acceptMatches()) {
            return Optional.of("Sec-WebSocket-Accept is " + facts.acceptReceived() + ", expected " + facts.acceptExpected());
        }
        if (!facts.subprotocol().isEmpty() && !facts.offeredSubprotocols().contains(facts.subprotocol())) {
            return Optional.of("the server chose subprotocol '" + facts.subprotocol() + "', which was not offered");
        }
        for (Extension e : facts.extensions()) {
            if (facts.offeredExtensions().stream().noneMatch(o -> o.name().equalsIgnoreCase(e.name()))) {
                return Optional.of("the server chose extension '" + e.name() + "', which was not offered");
            }
        }
        return Optional.empty();
    }

    /** The status code and reason without the HTTP version: "101 Switching Protocols". */
    public String statusText() {
        String[] parts = statusLine.split(" ", 2);
        return parts.length == 2 && parts[0].toUpperCase(Locale.ROOT).startsWith("HTTP/") ? parts[1] : statusLine;
    }

    /** The Sec-WebSocket-Accept a server must answer to this Sec-WebSocket-Key. */
    public static String acceptFor(String key) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            byte[] digest = sha1.digest((key.strip() + WEBSOCKET_GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is missing from this JDK", e);
        }
    }

    private static String first(List<Header> headers, String name) {
        return headers.stream().filter(x -> x.is(name)).map(Header::value).findFirst().orElse("");
    }

    private static List<String> listValues(List<Header> headers, String name) {
        List<String> out = new ArrayList<>();
        for (Header header : headers) {
            if (header.is(name)) {
                for (String item : splitOutsideQuotes(header.value(), ',')) {
                    if (!item.isEmpty()) {
                        out.add(item);
                    }
                }
            }
        }
        return out;
    }

    private static List<Extension> extensions(List<Header> headers) {
        List<Extension> out = new ArrayList<>();
        for (String item : listValues(headers, "Sec-WebSocket-Extensions")) {
            List<String> parts = splitOutsideQuotes(item, ';');
            List<String> params = new ArrayList<>();
            for (String param : parts.subList(1, parts.size())) {
                int eq = param.indexOf('=');
                String clean = eq < 0 ? param : param.substring(0, eq).strip() + "=" + param.substring(eq + 1).strip();
                if (!clean.isEmpty()) {
                    params.add(clean);
                }
            }
            out.add(new Extension(parts.get(0), params));
        }
        return out;
    }

    private static List<Cookie> cookiesSent(List<Header> request) {
        List<Cookie> out = new ArrayList<>();
        for (Header header : request) {
            if (header.is("Cookie")) {
                for (String pair : header.value().split(";")) {
                    String item = pair.strip();
                    if (!item.isEmpty()) {
                        int eq = item.indexOf('=');
                        out.add(eq < 0 ? new Cookie("", item)
                                : new Cookie(item.substring(0, eq).strip(), item.substring(eq + 1).strip()));
                    }
                }
            }
        }
        return out;
    }

    private static List<SetCookie> cookiesSet(List<Header> response) {
        List<SetCookie> out = new ArrayList<>();
        for (Header header : response) {
            if (header.is("Set-Cookie")) {
                String[] parts = header.value().split(";");
                String pair = parts[0].strip();
                int eq = pair.indexOf('=');
                List<String> attributes = new ArrayList<>();
                for (int i = 1; i < parts.length; i++) {
                    if (!parts[i].isBlank()) {
                        attributes.add(parts[i].strip());
                    }
                }
                out.add(eq < 0 ? new SetCookie("", pair, attributes)
                        : new SetCookie(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip(), attributes));
            }
        }
        return out;
    }

    /** Splits on {@code separator} except inside double quotes; items are stripped. */
    private static List<String> splitOutsideQuotes(String text, char separator) {
        List<String> out = new ArrayList<>();
        StringBuilder item = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                out.add(item.toString().strip());
                item.setLength(0);
            } else {
                item.append(c);
            }
        }
        out.add(item.toString().strip());
        return out;
    }
}
