package dev.sockscope.core;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The HTTP upgrade exactly as it went over the wire: request and response heads as raw text
 * (headers in order, original case) and any response body.
 */
public record Handshake(String requestHead, String responseHead, byte[] responseBody) {

    public Handshake {
        requestHead = requestHead == null ? "" : requestHead;
        responseHead = responseHead == null ? "" : responseHead;
        responseBody = responseBody == null ? new byte[0] : responseBody;
    }

    public String requestLine() {
        return firstLine(requestHead);
    }

    public String statusLine() {
        return firstLine(responseHead);
    }

    /** The response status code, or -1 when no response was read. */
    public int status() {
        String[] parts = statusLine().split(" ", 3);
        if (parts.length < 2) {
            return -1;
        }
        try {
            return Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public List<Header> requestHeaders() {
        return headers(requestHead);
    }

    public List<Header> responseHeaders() {
        return headers(responseHead);
    }

    public Optional<String> responseHeader(String name) {
        return responseHeaders().stream().filter(h -> h.is(name)).map(Header::value).findFirst();
    }

    public String bodyText() {
        return new String(responseBody, StandardCharsets.UTF_8);
    }

    private static String firstLine(String head) {
        int end = head.indexOf("\r\n");
        return end < 0 ? head.strip() : head.substring(0, end);
    }

    private static List<Header> headers(String head) {
        List<Header> out = new ArrayList<>();
        String[] lines = head.split("\r\n");
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                out.add(new Header(lines[i].substring(0, colon), lines[i].substring(colon + 1).strip()));
            }
        }
        return out;
    }
}
