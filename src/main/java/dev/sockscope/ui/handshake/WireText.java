package dev.sockscope.ui.handshake;

import dev.sockscope.core.Bytes;
import dev.sockscope.core.Handshake;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Text forms of a handshake and its timings, as the view shows and copies them. */
final class WireText {
    /** How much of a response body the view shows; copying always takes all of it. */
    static final int SHOWN_BODY_BYTES = 64 * 1024;

    private WireText() {
    }

    /**
     * Request head, blank line, response head, blank line, body: exactly the bytes on the wire
     * with each CRLF shown as a line break. An empty head (never sent or never read) is left out.
     */
    static String raw(Handshake h) {
        return heads(h) + h.bodyText().replace("\r\n", "\n");
    }

    /** {@link #raw} with the body cut to {@link #SHOWN_BODY_BYTES}, for display. */
    static String rawShown(Handshake h) {
        return heads(h) + bodyShown(h);
    }

    /** The body as text, cut after {@link #SHOWN_BODY_BYTES} with a note saying how much was left out. */
    static String bodyShown(Handshake h) {
        byte[] body = h.responseBody();
        if (body.length <= SHOWN_BODY_BYTES) {
            return h.bodyText().replace("\r\n", "\n");
        }
        String start = new String(body, 0, SHOWN_BODY_BYTES, StandardCharsets.UTF_8).replace("\r\n", "\n");
        return start + "\n\u2026 " + Bytes.humanSize(body.length - SHOWN_BODY_BYTES)
                + " more not shown (Copy as text copies the whole body)";
    }

    private static String heads(Handshake h) {
        StringBuilder out = new StringBuilder();
        appendHead(out, h.requestHead());
        appendHead(out, h.responseHead());
        return out.toString().replace("\r\n", "\n");
    }

    private static void appendHead(StringBuilder out, String head) {
        if (head.isEmpty()) {
            return;
        }
        out.append(head);
        if (!head.endsWith("\r\n")) {
            out.append("\r\n"); // a head cut short: end its last line
        }
        if (!head.endsWith("\r\n\r\n")) {
            out.append("\r\n");
        }
    }

    /** "0.42 ms", "12.3 ms", "250 ms"; "—" for a step not taken (negative). */
    static String millis(long micros) {
        if (micros < 0) {
            return "\u2014";
        }
        double ms = micros / 1000.0;
        if (ms < 10) {
            return String.format(Locale.ROOT, "%.2f ms", ms);
        }
        return ms < 100 ? String.format(Locale.ROOT, "%.1f ms", ms) : String.format(Locale.ROOT, "%.0f ms", ms);
    }
}
