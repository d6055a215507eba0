package dev.sockscope.core;

/** RFC 6455 opcodes. */
public enum Opcode {
    CONTINUATION(0x0, "continuation"),
    TEXT(0x1, "text"),
    BINARY(0x2, "binary"),
    CLOSE(0x8, "close"),
    PING(0x9, "ping"),
    PONG(0xA, "pong");

    /** By wire code (0x0-0xF), null where undefined: looked up for every frame parsed or read back. */
    private static final Opcode[] BY_CODE = new Opcode[16];

    static {
        for (Opcode op : values()) {
            BY_CODE[op.code] = op;
        }
    }

    private final int code;
    private final String label;

    Opcode(int code, String label) {
        this.code = code;
        this.label = label;
    }

    public int code() {
        return code;
    }

    public String label() {
        return label;
    }

    public boolean isControl() {
        return code >= 0x8;
    }

    /** Text or binary: the opcodes that start a message. */
    public boolean startsMessage() {
        return this == TEXT || this == BINARY;
    }

    /** True for the opcodes RFC 6455 defines; the others (0x3-0x7, 0xB-0xF) are reserved. */
    public static boolean isDefined(int code) {
        return code <= 0x2 || (code >= 0x8 && code <= 0xA);
    }

    public static Opcode of(int code) {
        Opcode op = code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
        if (op == null) {
            throw new IllegalArgumentException("unknown opcode " + code);
        }
        return op;
    }
}
