package dev.sockscope.core;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A WebSocket URL checked before any connection is tried. http and https are accepted and mapped
 * to ws and wss, as browsers' devtools users paste them.
 */
public record WsUrl(URI uri) {

    public String scheme() {
        return uri.getScheme();
    }

    public boolean secure() {
        return "wss".equals(uri.getScheme());
    }

    public String host() {
        String host = uri.getHost();
        // IPv6 literals come back bracketed from URI: sockets want them bare.
        return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }

    public int port() {
        return uri.getPort() != -1 ? uri.getPort() : secure() ? 443 : 80;
    }

    /** The request target for the upgrade: path and query, "/" when empty. */
    public String resource() {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    /** host:port, as shown in tab titles and error messages. */
    public String authority() {
        return (host().contains(":") ? "[" + host() + "]" : host()) + ":" + port();
    }

    @Override
    public String toString() {
        return uri.toString();
    }

    /**
     * Parses what a user typed.
     *
     * @throws IllegalArgumentException with a message fit to show beside the URL field
     */
    public static WsUrl parse(String text) {
        String input = text == null ? "" : text.strip();
        if (input.isEmpty()) {
            throw new IllegalArgumentException("enter a URL such as wss://example.com/socket");
        }
        if (!input.contains("://")) {
            throw new IllegalArgumentException("the URL needs a scheme: ws://, wss://, http:// or https://");
        }
        URI uri;
        try {
            uri = new URI(input);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a valid URL: " + e.getReason()
                    + (e.getIndex() >= 0 ? " at character " + (e.getIndex() + 1) : ""), e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String mapped = switch (scheme) {
            case "ws", "http" -> "ws";
            case "wss", "https" -> "wss";
            default -> throw new IllegalArgumentException(
                    "unsupported scheme '" + uri.getScheme() + "': use ws://, wss://, http:// or https://");
        };
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("the URL has no host name");
        }
        if (uri.getRawFragment() != null) {
            throw new IllegalArgumentException("WebSocket URLs cannot have a #fragment");
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            throw new IllegalArgumentException("port must be between 1 and 65535");
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return new WsUrl(URI.create(mapped + "://" + uri.getRawAuthority() + path + query));
    }
}
