package dev.sockscope.ui.messages;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * JSON pretty-printing and syntax highlighting for the payload view.
 *
 * <p>The highlighter is a tolerant scanner: it never fails, so it also colours truncated or
 * slightly broken JSON. Style classes: {@code json-key}, {@code json-string}, {@code json-number},
 * {@code json-boolean}, {@code json-null}, {@code json-punctuation}; everything else is unstyled.
 */
public final class JsonHighlighter {
    public static final String KEY = "json-key";
    public static final String STRING = "json-string";
    public static final String NUMBER = "json-number";
    public static final String BOOLEAN = "json-boolean";
    public static final String NULL = "json-null";
    public static final String PUNCTUATION = "json-punctuation";

    private static final JsonFactory FACTORY = JsonFactory.builder().build();
    private static final Collection<String> PLAIN = List.of();

    private JsonHighlighter() {
    }

    /**
     * Pretty-prints a JSON object or array with two-space indentation. Numbers keep their exact
     * text and duplicate keys are kept, so what is shown is what was sent. Empty when the text is
     * not a single JSON object or array (scalars, trailing garbage and syntax errors included).
     */
    public static Optional<String> prettyPrint(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        StringWriter out = new StringWriter(text.length() + text.length() / 2);
        try (JsonParser parser = FACTORY.createParser(text);
                JsonGenerator generator = FACTORY.createGenerator(out)) {
            generator.setPrettyPrinter(prettyPrinter());
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT && first != JsonToken.START_ARRAY) {
                return Optional.empty();
            }
            copyValue(parser, generator);
            if (parser.nextToken() != null) {
                return Optional.empty();
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.of(out.toString());
    }

    private static void copyValue(JsonParser parser, JsonGenerator generator) throws IOException {
        int depth = 0;
        JsonToken token = parser.currentToken();
        do {
            switch (token) {
                case START_OBJECT, START_ARRAY -> depth++;
                case END_OBJECT, END_ARRAY -> depth--;
                default -> { }
            }
            if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
                generator.writeNumber(parser.getText());
            } else {
                generator.copyCurrentEvent(parser);
            }
            token = depth > 0 ? parser.nextToken() : null;
        } while (token != null);
        generator.flush();
    }

    private static DefaultPrettyPrinter prettyPrinter() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators);
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        return printer;
    }

    /** Style spans covering exactly {@code json.length()} characters. */
    public static StyleSpans<Collection<String>> highlight(String json) {
        StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
        int length = json.length();
        int plainFrom = 0;
        int at = 0;
        while (at < length) {
            int end = tokenEnd(json, at);
            String style = end > at ? styleOf(json, at, end) : null;
            if (style == null) {
                at = Math.max(end, at + 1);
                continue;
            }
            if (at > plainFrom) {
                spans.add(PLAIN, at - plainFrom);
            }
            spans.add(List.of(style), end - at);
            at = end;
            plainFrom = end;
        }
        if (length > plainFrom || length == 0) {
            spans.add(PLAIN, length - plainFrom);
        }
        return spans.create();
    }

    /** Where the token starting at {@code at} ends; {@code at} itself when nothing starts there. */
    private static int tokenEnd(String json, int at) {
        char c = json.charAt(at);
        if (c == '"') {
            return stringEnd(json, at);
        }
        if (c == '-' || isDigit(c)) {
            return scan(json, at, "0123456789+-.eE");
        }
        if (Character.isLetter(c)) {
            return scanLetters(json, at);
        }
        return "{}[]:,".indexOf(c) >= 0 ? at + 1 : at;
    }

    private static String styleOf(String json, int from, int to) {
        char c = json.charAt(from);
        if (c == '"') {
            return isFollowedByColon(json, to) ? KEY : STRING;
        }
        if (c == '-' || isDigit(c)) {
            return NUMBER;
        }
        if (Character.isLetter(c)) {
            return switch (json.substring(from, to)) {
                case "true", "false" -> BOOLEAN;
                case "null" -> NULL;
                default -> null;
            };
        }
        return PUNCTUATION;
    }

    /** The end of a string starting at a quote: after the closing quote, or at a line end or the text's end. */
    private static int stringEnd(String json, int quote) {
        int at = quote + 1;
        while (at < json.length()) {
            char c = json.charAt(at);
            if (c == '\\') {
                at += 2;
                continue;
            }
            if (c == '"') {
                return at + 1;
            }
            if (c == '\n') {
                return at;
            }
            at++;
        }
        return json.length();
    }

    private static boolean isFollowedByColon(String json, int from) {
        for (int at = from; at < json.length(); at++) {
            char c = json.charAt(at);
            if (!Character.isWhitespace(c)) {
                return c == ':';
            }
        }
        return false;
    }

    private static int scan(String json, int from, String allowed) {
        int at = from;
        while (at < json.length() && allowed.indexOf(json.charAt(at)) >= 0) {
            at++;
        }
        return at;
    }

    private static int scanLetters(String json, int from) {
        int at = from;
        while (at < json.length() && Character.isLetter(json.charAt(at))) {
            at++;
        }
        return at;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
