package dev.sockscope.ui.search;

import java.util.Locale;
import java.util.regex.Matcher;

/** The part of a message around its first match, split so the match can be highlighted. */
record Snippet(String before, String match, String after) {
    private static final int CONTEXT = 40;

    static Snippet of(String text, String query, boolean regex) {
        return of(text, query, regex, false);
    }

    static Snippet of(String text, String query, boolean regex, boolean wholeWord) {
        String flat = text.replace('\n', ' ').replace('\r', ' ');
        int start = -1;
        int end = -1;
        if (!query.isEmpty()) {
            if (regex || wholeWord) {
                try {
                    Matcher m = new dev.sockscope.core.SearchQuery(query, regex, null, null, 0).withWholeWord(wholeWord)
                            .pattern().matcher(flat);
                    if (m.find()) {
                        start = m.start();
                        end = m.end();
                    }
                } catch (java.util.regex.PatternSyntaxException e) {
                    start = -1;
                }
            } else {
                start = flat.toLowerCase(Locale.ROOT).indexOf(query.toLowerCase(Locale.ROOT));
                end = start < 0 ? -1 : start + query.length();
            }
        }
        if (start < 0) {
            return new Snippet(cut(flat, 0, Math.min(flat.length(), 2 * CONTEXT + 40)), "", "");
        }
        int from = Math.max(0, start - CONTEXT);
        int to = Math.min(flat.length(), end + CONTEXT);
        return new Snippet((from > 0 ? "…" : "") + flat.substring(from, start), flat.substring(start, end),
                flat.substring(end, to) + (to < flat.length() ? "…" : ""));
    }

    private static String cut(String s, int from, int to) {
        return s.substring(from, to) + (to < s.length() ? "…" : "");
    }
}
