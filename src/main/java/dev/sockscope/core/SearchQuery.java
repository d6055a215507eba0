package dev.sockscope.core;

/**
 * What to look for in recorded messages.
 *
 * @param text a substring (case-insensitive) or, with {@code regex}, a Java regular expression; empty matches all
 * @param session only this session, or null for all
 * @param direction only this direction, or null for both
 * @param limit at most this many results (0 = no limit)
 */
public record SearchQuery(String text, boolean regex, String session, Direction direction, int limit) {
    public SearchQuery {
        text = text == null ? "" : text;
        if (regex) {
            java.util.regex.Pattern.compile(text);
        }
    }
}
