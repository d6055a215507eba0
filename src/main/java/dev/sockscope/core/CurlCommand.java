package dev.sockscope.core;

import java.util.Locale;

/**
 * A copy-pasteable curl command that replays an upgrade request: the same method, target and
 * headers in their original order and case. curl speaks HTTP, so ws:// becomes http:// and
 * wss:// becomes https://; {@code -i} shows the response head and {@code -N} keeps the stream
 * unbuffered once the server switches protocols.
 */
public final class CurlCommand {
    private CurlCommand() {
    }

    /**
     * The command for this handshake's request sent to {@code url}. When {@code url} is blank the
     * target is rebuilt from the request line and Host header.
     */
    public static String from(Handshake h, String url) {
        StringBuilder out = new StringBuilder("curl -i -N --http1.1");
        String method = h.requestLine().split(" ", 2)[0];
        if (!method.isEmpty() && !method.equalsIgnoreCase("GET")) {
            out.append(" -X ").append(quote(method));
        }
        out.append(' ').append(quote(httpUrl(h, url)));
        for (Header header : h.requestHeaders()) {
            if (header.is("Host") || header.is("Content-Length")) {
                continue; // curl writes these itself, from the URL and the body
            }
            // "Name;" is curl's notation for a header sent with an empty value ("Name:" removes it).
            String line = header.value().isEmpty() ? header.name() + ";" : header.name() + ": " + header.value();
            out.append(" -H ").append(quote(line));
        }
        return out.toString();
    }

    /** Wraps in single quotes for POSIX shells; a quote inside becomes '\''. */
    public static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    private static String httpUrl(Handshake h, String url) {
        String target = url == null ? "" : url.strip();
        if (target.isEmpty()) {
            String[] requestLine = h.requestLine().split(" ");
            String path = requestLine.length > 1 ? requestLine[1] : "/";
            String host = h.requestHeaders().stream().filter(x -> x.is("Host")).map(Header::value)
                    .findFirst().orElse("localhost");
            return "http://" + host + path;
        }
        String lower = target.toLowerCase(Locale.ROOT);
        if (lower.startsWith("ws://")) {
            return "http://" + target.substring("ws://".length());
        }
        if (lower.startsWith("wss://")) {
            return "https://" + target.substring("wss://".length());
        }
        return target;
    }
}
