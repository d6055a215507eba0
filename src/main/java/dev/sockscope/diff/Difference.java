package dev.sockscope.diff;

/**
 * One difference between two JSON values: where (a JSON pointer, "" for the whole value), what
 * kind, and the value on each side as compact JSON (null where the side has none).
 */
public record Difference(String pointer, Kind kind, String before, String after) {
    /** Added: only on the second side; removed: only on the first; changed: on both, not equal. */
    public enum Kind {
        ADDED, REMOVED, CHANGED
    }

    @Override
    public String toString() {
        String where = pointer.isEmpty() ? "(the whole value)" : pointer;
        return switch (kind) {
            case ADDED -> where + " added: " + after;
            case REMOVED -> where + " removed: " + before;
            case CHANGED -> where + " changed: " + before + " -> " + after;
        };
    }
}
