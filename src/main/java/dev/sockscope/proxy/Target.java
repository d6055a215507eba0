package dev.sockscope.proxy;

import java.net.URI;
import java.util.Locale;

/**
 * Where a proxied request goes: the host and port to connect to, whether that leg is TLS, and the
 * request target to send there (origin form).
 */
public record Target(String host, int port, boolean tls, String originTarget) {

    /** The authority of a CONNECT request ({@code host:port}, IPv6 in brackets). */
    public static Target ofConnect(String authority) throws HttpHead.Malformed {
        int colon = authority.lastIndexOf(':');
        if (colon <= 0 || colon == authority.length() - 1) {
            throw new HttpHead.Malformed("CONNECT needs host:port, not " + authority);
        }
        String host = authority.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new Target(host.toLowerCase(Locale.ROOT), port(authority.substring(colon + 1)), false, "");
    }

    /** An absolute-form target ({@code http://host:port/path?q}) of a request sent to the proxy. */
    public static Target ofAbsolute(String target) throws HttpHead.Malformed {
        URI uri;
        try {
            uri = new URI(target);
        } catch (java.net.URISyntaxException e) {
            throw new HttpHead.Malformed("not a URL: " + target);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean tls = scheme.equals("https") || scheme.equals("wss");
        if (!tls && !scheme.equals("http") && !scheme.equals("ws") || uri.getHost() == null) {
            throw new HttpHead.Malformed("a request to the proxy needs an absolute http:// or ws:// URL, not " + target);
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String origin = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new Target(host.toLowerCase(Locale.ROOT), uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80, tls, origin);
    }

    /** The URL given to reverse mode ({@code ws://} or {@code wss://}, its path ignored): where every connection goes. */
    public static Target ofReverse(String url) throws HttpHead.Malformed {
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("ws://") && !lower.startsWith("wss://")) {
            throw new HttpHead.Malformed("--reverse takes a ws:// or wss:// URL, not " + url);
        }
        try {
            return ofAbsolute(url);
        } catch (HttpHead.Malformed e) {
            throw new HttpHead.Malformed("--reverse takes a ws:// or wss:// URL with a host, not " + url);
        }
    }

    /** The Host header for this place ({@code host}, or {@code host:port} off the default port). */
    public String authority() {
        String shownHost = host.contains(":") ? "[" + host + "]" : host;
        return port == (tls ? 443 : 80) ? shownHost : shownHost + ":" + port;
    }

    /** The same place with TLS on the upstream leg and this origin-form target (the request inside a CONNECT). */
    public Target inside(boolean tlsLeg, String requestTarget) {
        return new Target(host, port, tlsLeg, requestTarget);
    }

    /** The ws:// or wss:// URL this connection is recorded under. */
    public String webSocketUrl() {
        String shownHost = host.contains(":") ? "[" + host + "]" : host;
        boolean defaultPort = port == (tls ? 443 : 80);
        return (tls ? "wss://" : "ws://") + shownHost + (defaultPort ? "" : ":" + port)
                + (originTarget.startsWith("/") ? originTarget : "/");
    }

    /** The http:// or https:// URL a plain request to this place is recorded under. */
    public String httpUrl() {
        String shownHost = host.contains(":") ? "[" + host + "]" : host;
        boolean defaultPort = port == (tls ? 443 : 80);
        return (tls ? "https://" : "http://") + shownHost + (defaultPort ? "" : ":" + port)
                + (originTarget.startsWith("/") ? originTarget : "/");
    }

    /** True when a connection to {@code other} is a connection to this place (host, port and TLS alike). */
    public boolean samePlace(Target other) {
        return other != null && host.equals(other.host) && port == other.port && tls == other.tls;
    }

    private static int port(String text) throws HttpHead.Malformed {
        if (!text.matches("[0-9]{1,5}")) {
            throw new HttpHead.Malformed("not a port: " + text);
        }
        int port = Integer.parseInt(text);
        if (port < 1 || port > 65535) {
            throw new HttpHead.Malformed("not a port: " + text);
        }
        return port;
    }
}
