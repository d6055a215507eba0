package dev.sockscope.ui.messages;

import dev.sockscope.core.Bytes;
import dev.sockscope.core.Frame;
import dev.sockscope.core.Opcode;
import dev.sockscope.core.Utf8;
import java.util.Optional;

/**
 * What the detail view shows for one frame: which views make sense, which one comes first, and
 * each view's text, capped so the FX thread never lays out megabytes. No JavaFX; views are
 * computed on demand, only the JSON check runs up front (and only under {@link #JSON_LIMIT}).
 */
final class PayloadPresentation {
    /** Most payload bytes decoded into the Text view, and most characters of pretty JSON shown. */
    static final int TEXT_CAP = 256 * 1024;
    /** Most payload bytes in the hex dump. */
    static final int HEX_CAP = 64 * 1024;
    /** Payloads this size or larger are not pretty-printed. */
    static final int JSON_LIMIT = 1024 * 1024;

    enum Mode { TEXT, JSON, TREE, HEX }

    /** One view's content and a note on what was left out or why it is empty ("" when none). */
    record Shown(String content, String note) {
    }

    private final Frame frame;
    private final boolean validUtf8;
    private final String prettyJson;
    private final String jsonUnavailable;

    private PayloadPresentation(Frame frame) {
        this.frame = frame;
        this.validUtf8 = Utf8.isValid(frame.payload());
        Optional<String> pretty = jsonCandidate() && frame.size() < JSON_LIMIT
                ? JsonHighlighter.prettyPrint(frame.text()) : Optional.empty();
        this.prettyJson = pretty.orElse(null);
        this.jsonUnavailable = pretty.isPresent() ? "" : whyNoJson();
    }

    static PayloadPresentation of(Frame frame) {
        return new PayloadPresentation(frame);
    }

    Frame frame() {
        return frame;
    }

    /** A text frame whose bytes are not well-formed UTF-8 (shown with U+FFFD in their place). */
    boolean invalidUtf8() {
        return frame.opcode() == Opcode.TEXT && !validUtf8;
    }

    boolean jsonAvailable() {
        return prettyJson != null;
    }

    /** Why the JSON view is off, "" when it is on. */
    String jsonUnavailableReason() {
        return jsonUnavailable;
    }

    /** JSON for text that parses as an object or array, Text for other text, Hex for binary. */
    Mode defaultMode() {
        if (frame.opcode() == Opcode.CLOSE) {
            return frame.closeReason().isEmpty() ? Mode.HEX : Mode.TEXT;
        }
        if (!isTextual()) {
            return Mode.HEX;
        }
        return jsonAvailable() ? Mode.JSON : Mode.TEXT;
    }

    Shown show(Mode mode) {
        return switch (mode) {
            case TEXT -> text();
            case JSON -> json();
            case TREE -> new Shown("", "Right-click a node to copy its path or value");
            case HEX -> hex();
        };
    }

    /** The decoded payload (a close frame's reason), at most {@link #TEXT_CAP} bytes of it. */
    Shown text() {
        if (frame.opcode() == Opcode.CLOSE) {
            String reason = frame.closeReason();
            return new Shown(reason, reason.isEmpty() ? "No close reason" : "");
        }
        byte[] payload = frame.payload();
        if (payload.length == 0) {
            return new Shown("", "Empty payload");
        }
        if (payload.length <= TEXT_CAP) {
            return new Shown(frame.text(), "");
        }
        int cut = utf8Boundary(payload, TEXT_CAP);
        String note = FrameLabels.cutNote(TEXT_CAP, payload.length);
        if (!jsonUnavailable.isEmpty() && looksLikeJson(payload)) {
            note += " \u00b7 " + jsonUnavailable;
        }
        return new Shown(Utf8.decode(payload, 0, cut), note);
    }

    /** The pretty-printed JSON, cut at a line end after {@link #TEXT_CAP} characters. */
    Shown json() {
        if (prettyJson == null) {
            return new Shown("", jsonUnavailable);
        }
        if (prettyJson.length() <= TEXT_CAP) {
            return new Shown(prettyJson, "");
        }
        int cut = prettyJson.lastIndexOf('\n', TEXT_CAP);
        cut = cut > 0 ? cut + 1 : TEXT_CAP;
        return new Shown(prettyJson.substring(0, cut), "Showing first " + FrameLabels.capSize(TEXT_CAP)
                + " of the pretty-printed JSON (" + Bytes.humanSize(prettyJson.length()) + ")");
    }

    /** A hex dump of at most {@link #HEX_CAP} bytes. */
    Shown hex() {
        byte[] payload = frame.payload();
        if (payload.length == 0) {
            return new Shown("", "Empty payload");
        }
        String note = payload.length > HEX_CAP ? FrameLabels.cutNote(HEX_CAP, payload.length) : "";
        return new Shown(Bytes.hexDump(payload, HEX_CAP), note);
    }

    /** What "Copy text" copies: the whole decoded payload, or a close frame's reason. */
    String copyText() {
        return frame.opcode() == Opcode.CLOSE ? frame.closeReason() : frame.text();
    }

    private boolean isTextual() {
        return switch (frame.opcode()) {
            case TEXT -> true;
            case CONTINUATION -> frame.size() > 0 && validUtf8;
            case PING, PONG -> frame.size() > 0 && Utf8.isReadable(frame.payload());
            default -> false;
        };
    }

    private boolean jsonCandidate() {
        return frame.opcode() != Opcode.CLOSE && frame.size() > 0
                && (frame.opcode() == Opcode.TEXT || validUtf8);
    }

    private String whyNoJson() {
        if (frame.opcode() == Opcode.CLOSE) {
            return "A close frame carries a code and a reason, not JSON";
        }
        if (!jsonCandidate()) {
            return frame.size() == 0 ? "Empty payload" : "Not UTF-8 text";
        }
        if (frame.size() >= JSON_LIMIT) {
            return "Not pretty-printed: over " + Bytes.humanSize(JSON_LIMIT);
        }
        return "Not a JSON object or array";
    }

    /** Steps back from {@code cap} so the cut does not split a UTF-8 sequence. */
    static int utf8Boundary(byte[] bytes, int cap) {
        if (bytes.length <= cap) {
            return bytes.length;
        }
        int cut = cap;
        while (cut > 0 && cut > cap - 3 && (bytes[cut] & 0xC0) == 0x80) {
            cut--;
        }
        return cut;
    }

    private static boolean looksLikeJson(byte[] payload) {
        for (byte b : payload) {
            if (!Character.isWhitespace(b)) {
                return b == '{' || b == '[';
            }
        }
        return false;
    }
}
