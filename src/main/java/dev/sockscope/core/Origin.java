package dev.sockscope.core;

import java.util.Locale;

/** Who made a connection: the name recordings keep it under, and how the app treats it. */
public enum Origin {
    /** A connection tab of the window. */
    TAB,
    /** {@code sockscope connect}. */
    CLI,
    /** An app under development, through the proxy (explicit mode: CONNECT or absolute URLs). */
    PROXY,
    /** An app under development, through the proxy in front of one upstream server. */
    REVERSE_PROXY,
    /** A HAR or JSON Lines file read into the recording. */
    IMPORT,
    /** A recorded connection's app side sent again to a server ({@code sockscope replay}, "Replay"). */
    REPLAY,
    /** A client of a recording served as a mock server ({@code sockscope mock}, "Serve as mock"). */
    MOCK;

    /** The name stored in recordings: "tab", "cli", "proxy", "reverse-proxy", "import", "replay", "mock". */
    public String storedName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The origin a recording names; recordings made before origins were told apart say "client"
     * for tabs and the CLI alike, read back as {@link #TAB}.
     */
    public static Origin fromStoredName(String name) {
        if (name == null || name.equals("client")) {
            return TAB;
        }
        for (Origin o : values()) {
            if (o.storedName().equals(name)) {
                return o;
            }
        }
        return TAB;
    }

    /** True for connections between an app and a server that Sockscope sits between. */
    public boolean isProxied() {
        return this == PROXY || this == REVERSE_PROXY;
    }
}
