package dev.sockscope.ui.connection;

import dev.sockscope.core.Bytes;
import dev.sockscope.core.Utf8;

/**
 * A message too large to edit in the composer's text field (laying out megabytes there freezes
 * the window): pasted text or a loaded file, held as bytes and sent as they are. Text when the
 * bytes are valid UTF-8, else binary.
 *
 * @param name where it came from: "pasted text" or the file's name
 */
public record LargeDraft(String name, byte[] bytes, boolean text) {
    /** Drafts longer than this many characters (or file bytes) are held here, not in the text field. */
    public static final int THRESHOLD = 256 * 1024;
    private static final int PREVIEW_CHARS = 1500;
    private static final int PREVIEW_BYTES = 256;

    /** Pasted or typed text. */
    public static LargeDraft ofText(String name, String text) {
        return new LargeDraft(name, text.getBytes(java.nio.charset.StandardCharsets.UTF_8), true);
    }

    /** A file's bytes: text when they are valid UTF-8. Off the FX thread for large files. */
    public static LargeDraft ofFile(String name, byte[] bytes) {
        return new LargeDraft(name, bytes, Utf8.isValid(bytes));
    }

    /** "5.0 MiB text" or "1.2 MiB binary". */
    public String summary() {
        return Bytes.humanSize(bytes.length) + (text ? " text" : " binary");
    }

    /** The start, to recognise it by: text as text, binary as a hex dump. */
    public String preview() {
        if (text) {
            String head = Utf8.decode(bytes, 0, Math.min(bytes.length, PREVIEW_CHARS * 4));
            return head.length() > PREVIEW_CHARS ? head.substring(0, PREVIEW_CHARS) + " \u2026" : head;
        }
        return Bytes.hexDump(bytes, PREVIEW_BYTES);
    }
}
