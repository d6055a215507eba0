package dev.sockscope.core;

import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * What to look for in recorded messages, and which messages to look in.
 *
 * @param text a substring (case-insensitive) or, with {@code regex}, a Java regular expression; empty matches all
 * @param wholeWord the text must stand alone: no letter, digit or underscore right before or after it
 * @param session only this session, or null for all
 * @param url only connections whose URL contains this (case-insensitive; a host, say), or null for all
 * @param direction only this direction, or null for both
 * @param opcodes only these frame types; empty for all
 * @param minSize only payloads of at least this many bytes (0: no minimum)
 * @param maxSize only payloads of at most this many bytes (-1: no maximum)
 * @param fromMicros only frames at or after this time, microseconds since the epoch (-1: no bound)
 * @param toMicros only frames before this time (-1: no bound)
 * @param limit at most this many results (0 = no limit)
 */
public record SearchQuery(String text, boolean regex, boolean wholeWord, String session, String url, Direction direction,
        Set<Opcode> opcodes, long minSize, long maxSize, long fromMicros, long toMicros, int limit, boolean modifiedOnly) {

    /** Word characters, for whole-word matching: letters, digits and underscore in any script. */
    private static final String WORD = "[\\p{L}\\p{N}_]";

    public SearchQuery {
        text = text == null ? "" : text;
        url = url == null || url.isBlank() ? null : url.strip();
        opcodes = opcodes == null ? Set.of() : Set.copyOf(opcodes);
        if (regex) {
            Pattern.compile(text);
        }
        if (maxSize >= 0 && minSize > maxSize) {
            throw new IllegalArgumentException("the minimum size " + minSize + " is above the maximum " + maxSize);
        }
        if (fromMicros >= 0 && toMicros >= 0 && fromMicros > toMicros) {
            throw new IllegalArgumentException("the time range ends before it starts");
        }
    }

    /** The same, for only the messages the proxy's rules or its user changed, dropped, delayed or made. */
    public SearchQuery withModifiedOnly(boolean only) {
        return new SearchQuery(text, regex, wholeWord, session, url, direction, opcodes, minSize, maxSize, fromMicros, toMicros,
                limit, only);
    }

    public SearchQuery(String text, boolean regex, String session, Direction direction, int limit) {
        this(text, regex, false, session, null, direction, Set.of(), 0, -1, -1, -1, limit, false);
    }

    public SearchQuery withWholeWord(boolean value) {
        return new SearchQuery(text, regex, value, session, url, direction, opcodes, minSize, maxSize, fromMicros, toMicros,
                limit, modifiedOnly);
    }

    public SearchQuery withUrl(String value) {
        return new SearchQuery(text, regex, wholeWord, session, value, direction, opcodes, minSize, maxSize, fromMicros,
                toMicros, limit, modifiedOnly);
    }

    public SearchQuery withOpcodes(Set<Opcode> value) {
        return new SearchQuery(text, regex, wholeWord, session, url, direction, value, minSize, maxSize, fromMicros,
                toMicros, limit, modifiedOnly);
    }

    public SearchQuery withSize(long min, long max) {
        return new SearchQuery(text, regex, wholeWord, session, url, direction, opcodes, min, max, fromMicros, toMicros,
                limit, modifiedOnly);
    }

    public SearchQuery withTime(long from, long to) {
        return new SearchQuery(text, regex, wholeWord, session, url, direction, opcodes, minSize, maxSize, from, to, limit, modifiedOnly);
    }

    /** True when only the text decides: no filter beyond session and direction. */
    public boolean hasFrameFilters() {
        return url != null || !opcodes.isEmpty() || minSize > 0 || maxSize >= 0 || fromMicros >= 0 || toMicros >= 0
                || modifiedOnly;
    }

    /** Whether the frame passes every filter except the text (session and direction included). */
    public boolean accepts(String messageSession, String messageUrl, Message message) {
        return (session == null || session.equals(messageSession))
                && (direction == null || direction == message.direction())
                && (url == null || messageUrl.toLowerCase(Locale.ROOT).contains(url.toLowerCase(Locale.ROOT)))
                && (opcodes.isEmpty() || opcodes.contains(message.opcode()))
                && message.size() >= minSize && (maxSize < 0 || message.size() <= maxSize)
                && (fromMicros < 0 || message.timestampMicros() >= fromMicros)
                && (toMicros < 0 || message.timestampMicros() < toMicros);
    }

    /** Decides whether a message's searchable text matches; empty text matches everything. */
    public Predicate<String> textMatcher() {
        if (text.isEmpty()) {
            return t -> true;
        }
        if (wholeWord || regex) {
            Pattern pattern = pattern();
            return t -> pattern.matcher(t).find();
        }
        String needle = text.toLowerCase(Locale.ROOT);
        return t -> t.toLowerCase(Locale.ROOT).contains(needle);
    }

    /** The text as a pattern: the regex, or the literal substring case-insensitively; with word bounds when asked. */
    public Pattern pattern() {
        String core = regex ? text : Pattern.quote(text);
        String bounded = wholeWord ? "(?<!" + WORD + ")(?:" + core + ")(?!" + WORD + ")" : core;
        return Pattern.compile(bounded, regex ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
