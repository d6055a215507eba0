package dev.sockscope.intercept;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sockscope.core.Direction;
import java.util.regex.Pattern;

/** What a rule does to a message it matches (or, for a timed inject, to its connection). */
public sealed interface RuleAction {
    /** The message is not passed on. */
    record Drop() implements RuleAction {
    }

    /** Every match of {@code regex} in the text is replaced ({@code with} may use $1 and the like). */
    record ReplaceText(Pattern regex, String with) implements RuleAction {
    }

    /** The JSON value at {@code pointer} is set to {@code value} (created when its parent exists). */
    record ReplaceJson(String pointer, JsonNode value) implements RuleAction {
    }

    /** The message is passed on after {@code millis}; later messages in its direction wait behind it. */
    record Delay(long millis) implements RuleAction {
    }

    /** The message is passed on twice. */
    record Duplicate() implements RuleAction {
    }

    /**
     * A text message of Sockscope's is sent in {@code direction} ({@code SEND}: to the server,
     * {@code RECEIVE}: to the app): after each matched message, or, with {@code everyMillis} above
     * zero, on a timer from the connection's opening.
     */
    record Inject(Direction direction, String text, long everyMillis) implements RuleAction {
    }

    /** Instead of the matched message, a close frame with this code and reason goes to one side or both. */
    record Close(int code, String reason, CloseTarget to) implements RuleAction {
    }

    /** The message is held until someone in the window forwards it (edited or not) or drops it. */
    record Pause() implements RuleAction {
    }

    /** Which side a rule's close frame goes to. */
    enum CloseTarget {
        APP, SERVER, BOTH
    }
}
