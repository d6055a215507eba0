package dev.sockscope.core;

/** Which way a frame went, named as browsers name it in HAR files. */
public enum Direction {
    /** Client to server. */
    SEND("send", "\u2191"),
    /** Server to client. */
    RECEIVE("receive", "\u2193");

    private final String wireName;
    private final String arrow;

    Direction(String wireName, String arrow) {
        this.wireName = wireName;
        this.arrow = arrow;
    }

    public String wireName() {
        return wireName;
    }

    public String arrow() {
        return arrow;
    }
}
