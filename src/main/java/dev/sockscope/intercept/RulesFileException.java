package dev.sockscope.intercept;

/** A rules file that cannot be used: where (line, 1-based) and why, in words for the user. */
public final class RulesFileException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int line;
    private final String reason;

    public RulesFileException(int line, String reason) {
        super("line " + line + ": " + reason);
        this.line = line;
        this.reason = reason;
    }

    public int line() {
        return line;
    }

    public String reason() {
        return reason;
    }
}
