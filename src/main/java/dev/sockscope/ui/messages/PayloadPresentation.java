package dev.sockscope.ui.messages;

import dev.sockscope.core.Bytes;
import dev.sockscope.core.Frame;
import dev.sockscope.core.Opcode;
import dev.sockscope.core.Utf8;
import java.util.Optional;

/**
 * What the detail view shows for one frame: which views make sense, which one comes first, and
 * each view's content. No JavaFX, and built off the FX thread: checking and pretty-printing a
 * 20 MB message takes a while. Content up to {@link #SMALL} characters is a string for the
 * editable-looking area; larger content is a {@link RowSource}, of which the viewer lays out only
 * the rows on screen.
 */
final class PayloadPresentation {
    /** Content up to this many characters (or hex of 4 KiB) is shown in the rich area, larger in rows. */
    static final int SMALL = 64 * 1024;
    /** Most payload bytes decoded into the Text view; Save to file has the rest. */
    static final int TEXT_CAP = 32 * 1024 * 1024;
    /** Payloads this size or larger are not pretty-printed (nor shown as a tree). */
    static final int JSON_LIMIT = 32 * 1024 * 1024;
    private static final int SMALL_HEX_BYTES = 4 * 1024;

    enum Mode { TEXT, JSON, TREE, HEX }

    /**
     * One view's content: a string (with JSON colours, or null) when small, else rows; and a note
     * on what was left out or why it is empty ("" when none).
     */
    record Shown(String content, RowSource rows, org.fxmisc.richtext.model.StyleSpans<java.util.Collection<String>> spans,
            String note) {
        Shown(String content, String note) {
            this(content, null, null, note);
        }

        /** Small text as a string, large as rows. */
        static Shown of(String text, boolean json, String note) {
            if (text.length() <= SMALL) {
                return new Shown(text, null, json ? JsonHighlighter.highlight(text) : null, note);
            }
            return new Shown(null, new TextRows(text), null, note);
        }

        /** The text of a small view, or of every row of a large one (for tests and copying). */
        String fullText() {
            if (content != null) {
                return content;
            }
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < rows.rows(); i++) {
                if (i > 0 && !rows.continuesPrevious(i)) {
                    out.append('\n');
                }
                out.append(rows.row(i));
            }
            return out.toString();
        }
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

    /** Checks the payload and pretty-prints JSON: off the FX thread for large payloads. */
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

    /** One view's content; the tree is parsed by the tree itself. Off the FX thread when large. */
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
            return Shown.of(frame.text(), false, "");
        }
        int cut = utf8Boundary(payload, TEXT_CAP);
        String note = FrameLabels.cutNote(TEXT_CAP, payload.length) + " \u00b7 Save to file for all of it";
        if (!jsonUnavailable.isEmpty() && looksLikeJson(payload)) {
            note += " \u00b7 " + jsonUnavailable;
        }
        return Shown.of(Utf8.decode(payload, 0, cut), false, note);
    }

    /** The pretty-printed JSON, whole. */
    Shown json() {
        if (prettyJson == null) {
            return new Shown("", jsonUnavailable);
        }
        return Shown.of(prettyJson, true, "");
    }

    /** A hex dump of the whole payload, made a row at a time when large. */
    Shown hex() {
        byte[] payload = frame.payload();
        if (payload.length == 0) {
            return new Shown("", "Empty payload");
        }
        if (payload.length <= SMALL_HEX_BYTES) {
            return new Shown(Bytes.hexDump(payload, SMALL_HEX_BYTES), "");
        }
        return new Shown(null, new HexRows(payload), null, "");
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
