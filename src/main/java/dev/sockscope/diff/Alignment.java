package dev.sockscope.diff;

import dev.sockscope.core.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Two lists of messages (one direction of two connections) put side by side: which message of
 * the first stands against which of the second, and which stand alone.
 *
 * <p>By {@link Mode#ORDER} the n-th stands against the n-th, and what one list has beyond the
 * other's length stands alone. By {@link Mode#CONTENT} the longest run of equal messages (equal as
 * {@link MessageDiff} judges, volatile fields ignored) is matched first, in order; between two
 * matches, what is left on both sides stands side by side as changed, and the rest alone. So one
 * message missing in the middle is reported once, not as every later message having changed.
 */
public final class Alignment {
    /** How messages are paired. */
    public enum Mode {
        ORDER, CONTENT;

        /** "order" or "content", as the command lines spell them; null for anything else. */
        public static Mode parse(String text) {
            return switch (text.toLowerCase(java.util.Locale.ROOT)) {
                case "order" -> ORDER;
                case "content" -> CONTENT;
                default -> null;
            };
        }
    }

    /**
     * One row: the index of a message in the first list and of one in the second (-1 where that side
     * has none), and how they differ (null when one side is missing).
     */
    public record Pair(int first, int second, MessageDiff diff) {
        /** Both sides there and equal. */
        public boolean same() {
            return diff != null && diff.equal();
        }
    }

    /** Beyond this many messages a side, content alignment falls back to order (the table grows as the product). */
    static final int MAX_CONTENT = 2_000;

    private Alignment() {
    }

    public static List<Pair> align(List<Message> first, List<Message> second, Mode mode, Set<String> ignored) {
        if (mode == Mode.CONTENT && first.size() <= MAX_CONTENT && second.size() <= MAX_CONTENT) {
            return byContent(first, second, ignored);
        }
        List<Pair> out = new ArrayList<>();
        for (int i = 0; i < Math.max(first.size(), second.size()); i++) {
            out.add(pair(first, i < first.size() ? i : -1, second, i < second.size() ? i : -1, ignored));
        }
        return out;
    }

    private static List<Pair> byContent(List<Message> a, List<Message> b, Set<String> ignored) {
        String[] x = a.stream().map(m -> Canonical.of(m, ignored)).toArray(String[]::new);
        String[] y = b.stream().map(m -> Canonical.of(m, ignored)).toArray(String[]::new);
        boolean[][] equal = new boolean[a.size()][b.size()];
        for (int i = 0; i < a.size(); i++) {
            for (int j = 0; j < b.size(); j++) {
                equal[i][j] = x[i].hashCode() == y[j].hashCode() && x[i].equals(y[j]);
            }
        }
        int[][] common = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                common[i][j] = equal[i][j] ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Pair> out = new ArrayList<>();
        List<Integer> onlyA = new ArrayList<>();
        List<Integer> onlyB = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && equal[i][j] && common[i][j] == common[i + 1][j + 1] + 1) {
                flushGap(a, onlyA, b, onlyB, ignored, out);
                out.add(pair(a, i++, b, j++, ignored));
            } else if (i < a.size() && (j == b.size() || common[i + 1][j] >= common[i][j + 1])) {
                onlyA.add(i++);
            } else {
                onlyB.add(j++);
            }
        }
        flushGap(a, onlyA, b, onlyB, ignored, out);
        return out;
    }

    /** What lay between two matches: side by side as far as both have some, then alone. */
    private static void flushGap(List<Message> a, List<Integer> onlyA, List<Message> b, List<Integer> onlyB,
            Set<String> ignored, List<Pair> out) {
        for (int k = 0; k < Math.max(onlyA.size(), onlyB.size()); k++) {
            out.add(pair(a, k < onlyA.size() ? onlyA.get(k) : -1, b, k < onlyB.size() ? onlyB.get(k) : -1, ignored));
        }
        onlyA.clear();
        onlyB.clear();
    }

    private static Pair pair(List<Message> a, int i, List<Message> b, int j, Set<String> ignored) {
        MessageDiff diff = i < 0 || j < 0 ? null : MessageDiff.of(a.get(i).opcode(), a.get(i).payload(), b.get(j).opcode(),
                b.get(j).payload(), ignored);
        return new Pair(i, j, diff);
    }
}
