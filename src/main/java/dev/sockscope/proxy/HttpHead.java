package dev.sockscope.proxy;

import dev.sockscope.core.Header;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One HTTP/1.1 head (a request or a response) as a peer sent it: parsed strictly for routing, and
 * kept byte for byte so what is forwarded is what came. Strict because a proxy that reads a head
 * differently from the server behind it can be used to smuggle requests past it: a bare CR, a
 * folded header line, a header name that is not a token, or conflicting Content-Length and
 * Transfer-Encoding headers are refused.
 *
 * @param start the request line ({@code GET /chat HTTP/1.1}) or the status line
 * @param raw the head as received, up to and including the blank line
 */
public record HttpHead(String start, List<Header> headers, byte[] raw) {

    /** A head the proxy will not pass on, with why (the proxy answers 400 naming it). */
    public static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        public Malformed(String message) {
            super(message);
        }
    }

    /** Parses a complete head (as {@code codec.HttpHeadReader} collects it). */
    public static HttpHead parse(byte[] raw) throws Malformed {
        // ISO-8859-1 maps each byte to one char, so positions in the text are positions in the bytes.
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        if (!text.endsWith("\r\n\r\n")) {
            throw new Malformed("the head does not end with an empty line");
        }
        String[] lines = text.substring(0, text.length() - 4).split("\r\n", -1);
        List<Header> headers = new ArrayList<>();
        for (String line : lines) {
            if (line.indexOf('\r') >= 0 || line.indexOf('\n') >= 0) {
                throw new Malformed("a line of the head has a bare CR or LF");
            }
        }
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith(" ") || line.startsWith("\t")) {
                throw new Malformed("a folded header line (obsolete line folding is refused)");
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || !Header.isToken(line.substring(0, colon))) {
                throw new Malformed("a header line is not 'Name: value': " + shorten(line));
            }
            headers.add(new Header(line.substring(0, colon), line.substring(colon + 1).strip()));
        }
        HttpHead head = new HttpHead(lines[0], List.copyOf(headers), raw.clone());
        head.checkFraming();
        return head;
    }

    private void checkFraming() throws Malformed {
        List<String> lengths = all("Content-Length");
        if (!lengths.isEmpty() && !all("Transfer-Encoding").isEmpty()) {
            throw new Malformed("both Content-Length and Transfer-Encoding");
        }
        if (lengths.stream().distinct().count() > 1 || lengths.stream().anyMatch(v -> !v.matches("[0-9]{1,18}"))) {
            throw new Malformed("an invalid or conflicting Content-Length");
        }
    }

    /** The first value of a header, by name in any case. */
    public Optional<String> header(String name) {
        return headers.stream().filter(h -> h.is(name)).map(Header::value).findFirst();
    }

    /** Every value of a header, in order. */
    public List<String> all(String name) {
        return headers.stream().filter(h -> h.is(name)).map(Header::value).toList();
    }

    /** True when a comma-separated header lists {@code token} (case-insensitive), as Connection and Upgrade do. */
    public boolean lists(String name, String token) {
        for (String value : all(name)) {
            for (String part : value.split(",")) {
                if (part.strip().equalsIgnoreCase(token)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A request to become a WebSocket: {@code Upgrade: websocket} with {@code Connection: upgrade}. */
    public boolean isWebSocketUpgrade() {
        return lists("Upgrade", "websocket") && lists("Connection", "upgrade");
    }

    /** The request line's method ({@code GET}, {@code CONNECT}). */
    public String method() {
        int space = start.indexOf(' ');
        return space < 0 ? start : start.substring(0, space);
    }

    /** The request line's target: origin form {@code /path}, absolute {@code http://h/p}, or {@code host:port}. */
    public String target() {
        String[] parts = start.split(" ");
        return parts.length == 3 ? parts[1] : "";
    }

    /** A response's status code, or -1 when the status line is not one. */
    public int status() {
        String[] parts = start.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.") || !parts[1].matches("[0-9]{3}")) {
            return -1;
        }
        return Integer.parseInt(parts[1]);
    }

    /** The request line is {@code METHOD TARGET HTTP/1.x}, with a method that is a token. */
    public boolean isWellFormedRequest() {
        String[] parts = start.split(" ", -1);
        return parts.length == 3 && Header.isToken(parts[0]) && !parts[1].isEmpty()
                && (parts[2].equals("HTTP/1.1") || parts[2].equals("HTTP/1.0"));
    }

    /**
     * The same request with its target in origin form ({@code /path?query}) and without the headers
     * meant for the proxy (Proxy-Connection, Proxy-Authorization): what is sent upstream when an
     * app asked for an absolute URL. Every other byte is kept.
     */
    public byte[] forUpstream(String originTarget) {
        return forUpstream(originTarget, null);
    }

    /**
     * As {@link #forUpstream(String)}, with the Host header naming {@code host} (a reverse proxy
     * sends the app's request to a server the app did not name).
     */
    public byte[] forUpstream(String originTarget, String host) {
        StringBuilder out = new StringBuilder(raw.length);
        String[] parts = start.split(" ", -1);
        out.append(parts[0]).append(' ').append(originTarget).append(' ').append(parts[2]).append("\r\n");
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int lineStart = text.indexOf("\r\n") + 2;
        while (lineStart < text.length() - 2) {
            int lineEnd = text.indexOf("\r\n", lineStart);
            String line = text.substring(lineStart, lineEnd);
            String name = line.substring(0, Math.max(0, line.indexOf(':'))).toLowerCase(Locale.ROOT);
            if (host != null && name.equals("host")) {
                out.append(line, 0, line.indexOf(':') + 1).append(' ').append(host).append("\r\n");
            } else if (!name.equals("proxy-connection") && !name.equals("proxy-authorization")) {
                out.append(line).append("\r\n");
            }
            lineStart = lineEnd + 2;
        }
        return out.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The head as text, for the recording (as received; ISO-8859-1 keeps every byte). */
    public String text() {
        return new String(raw, StandardCharsets.ISO_8859_1);
    }

    private static String shorten(String line) {
        return line.length() <= 60 ? line : line.substring(0, 60) + "…";
    }
}
