package dev.sockscope.core;

/** RFC 6455 opcodes. */
public enum Opcode {
    CONTINUATION(0x0, "continuation"),
    TEXT(0x1, "text"),
    BINARY(0x2, "binary"),
    CLOSE(0x8, "close"),
    PING(0x9, "ping"),
    PONG(0xA, "pong");

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

    public static Opcode of(int code) {
        for (Opcode op : values()) {
            if (op.code == code) {
                return op;
            }
        }
        throw new IllegalArgumentException("unknown opcode " + code);
    }
}
