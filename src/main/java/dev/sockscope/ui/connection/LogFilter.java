package dev.sockscope.ui.connection;

import dev.sockscope.app.FrameLog;
import dev.sockscope.core.Direction;
import dev.sockscope.core.Frame;
import dev.sockscope.core.Message;
import dev.sockscope.core.Opcode;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which frames the log shows: a substring (case-insensitive) or a regex over the decoded
 * payload, and the directions and kinds to include. Immutable, so it can be used off the FX thread.
 */
public record LogFilter(String query, boolean regex, Set<Direction> directions, Set<Kind> kinds) {

    /** The kinds the toggles offer; control covers ping, pong and close. */
    public enum Kind {
        TEXT, BINARY, CONTROL;

        static Kind of(Opcode opcode) {
            return switch (opcode) {
                case TEXT -> TEXT;
                case BINARY, CONTINUATION -> BINARY;
                default -> CONTROL;
            };
        }
    }

    /** Matching looks at this much of each payload: enough for any readable message. */
    static final int SEARCHED_BYTES = 64 * 1024;

    public static final LogFilter ALL = new LogFilter("", false, Set.of(Direction.values()), Set.of(Kind.values()));

    public LogFilter {
        query = query == null ? "" : query;
        directions = Set.copyOf(directions);
        kinds = Set.copyOf(kinds);
    }

    public boolean showsEverything() {
        return query.isEmpty() && directions.size() == Direction.values().length && kinds.size() == Kind.values().length;
    }

    /** Null when the query is a valid regex (or not a regex at all), else what is wrong. */
    public String problem() {
        if (!regex || query.isEmpty()) {
            return null;
        }
        try {
            Pattern.compile(query);
            return null;
        } catch (PatternSyntaxException e) {
            return e.getDescription();
        }
    }

    /**
     * A reusable matcher over positions of {@code log}; compile once per filtering pass. In the
     * message view it accepts only frames that complete a message, and matches the message.
     */
    public java.util.function.IntPredicate matcher(FrameLog log, LogView view) {
        Pattern pattern = regex && problem() == null && !query.isEmpty() ? Pattern.compile(query) : null;
        String needle = query.toLowerCase(Locale.ROOT);
        int bytes = query.isEmpty() ? 0 : SEARCHED_BYTES;
        return index -> {
            Direction direction;
            Opcode opcode;
            byte[] payload;
            if (view == LogView.MESSAGES) {
                Message message = log.messageIfHeld(index, bytes);
                if (message == null) {
                    return false;
                }
                direction = message.direction();
                opcode = message.opcode();
                payload = message.payload();
            } else {
                Frame frame = log.headIfHeld(index, bytes);
                if (frame == null) {
                    return false;
                }
                direction = frame.direction();
                opcode = frame.opcode();
                payload = frame.payload();
            }
            if (!directions.contains(direction) || !kinds.contains(Kind.of(opcode))) {
                return false;
            }
            if (query.isEmpty()) {
                return true;
            }
            String text = opcode == Opcode.BINARY ? dev.sockscope.core.Bytes.hex(payload) : dev.sockscope.core.Utf8.decode(payload);
            return pattern != null ? pattern.matcher(text).find() : text.toLowerCase(Locale.ROOT).contains(needle);
        };
    }

    /** Where the first non-empty match is, or null. */
    static int[] firstMatch(java.util.regex.Pattern pattern, String text) {
        if (pattern == null) {
            return null;
        }
        java.util.regex.Matcher m = pattern.matcher(text);
        while (m.find()) {
            if (m.end() > m.start()) {
                return new int[] {m.start(), m.end()};
            }
        }
        return null;
    }

}
