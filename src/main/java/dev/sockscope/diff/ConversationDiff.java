package dev.sockscope.diff;

import dev.sockscope.core.Direction;
import dev.sockscope.core.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Two connections' messages compared, each direction on its own: what the client sent against
 * what the other client sent, what the server answered against what the other server answered.
 * The first connection is the reference (the recording); "missing" is a message only it has,
 * "extra" one only the second has.
 */
public record ConversationDiff(List<Row> rows) {
    /** How one row came out. */
    public enum Status {
        SAME, CHANGED, MISSING, EXTRA;

        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One message of the first, the second or both.
     *
     * @param first its number among the first connection's messages in this direction, from 1; 0 when missing there
     * @param second the same in the second connection
     * @param diff how they differ, null when one side is missing
     */
    public record Row(Direction direction, int first, int second, Message a, Message b, MessageDiff diff) {
        public Status status() {
            if (a == null) {
                return Status.EXTRA;
            }
            if (b == null) {
                return Status.MISSING;
            }
            return diff.equal() ? Status.SAME : Status.CHANGED;
        }
    }

    public ConversationDiff {
        rows = List.copyOf(rows);
    }

    /** Compares the text and binary messages of both, in the directions given, send before receive. */
    public static ConversationDiff of(List<Message> first, List<Message> second, Alignment.Mode mode, Set<String> ignored,
            Set<Direction> directions) {
        List<Row> rows = new ArrayList<>();
        for (Direction direction : Direction.values()) {
            if (!directions.contains(direction)) {
                continue;
            }
            List<Message> a = only(first, direction);
            List<Message> b = only(second, direction);
            for (Alignment.Pair p : Alignment.align(a, b, mode, ignored)) {
                rows.add(new Row(direction, p.first() + 1, p.second() + 1, p.first() < 0 ? null : a.get(p.first()),
                        p.second() < 0 ? null : b.get(p.second()), p.diff()));
            }
        }
        return new ConversationDiff(rows);
    }

    private static List<Message> only(List<Message> messages, Direction direction) {
        return messages.stream().filter(m -> m.direction() == direction).toList();
    }

    /** The rows that are not the same. */
    public List<Row> differences() {
        return rows.stream().filter(r -> r.status() != Status.SAME).toList();
    }

    public boolean equal() {
        return differences().isEmpty();
    }
}
