package dev.sockscope.core;

import java.util.Objects;

/** One HTTP header as written: original case, original order. */
public record Header(String name, String value) {
    public Header {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    /** Parses "Name: value"; the value may be empty. */
    public static Header parse(String line) {
        int colon = line.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("a header is 'Name: value', got: " + line);
        }
        String name = line.substring(0, colon).strip();
        if (!isToken(name)) {
            throw new IllegalArgumentException("invalid header name: " + name);
        }
        String value = line.substring(colon + 1).strip();
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            // Sent as is, a line break would end this header and start another one on the wire.
            throw new IllegalArgumentException("the value of " + name + " has a line break");
        }
        return new Header(name, value);
    }

    /**
     * Why this header cannot be set by hand, or null when it can: the client writes the upgrade's
     * own headers itself (an extension it cannot run, offered by hand, would break the connection).
     */
    public static String refusalOf(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        return switch (lower) {
            case "sec-websocket-protocol" -> name + " is made from the subprotocols you offer (the Subprotocols field,"
                    + " --subprotocol)";
            case "sec-websocket-key", "sec-websocket-version", "sec-websocket-accept", "upgrade", "connection" ->
                    name + " is part of the upgrade and is written by Sockscope's client";
            case "sec-websocket-extensions" -> name + " cannot be offered: Sockscope's client runs no extension, and a"
                    + " server that accepted one would send frames it cannot read";
            default -> null;
        };
    }

    /** RFC 9110 token characters: what a header name may be made of. */
    public static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    public boolean is(String otherName) {
        return name.equalsIgnoreCase(otherName);
    }
}
