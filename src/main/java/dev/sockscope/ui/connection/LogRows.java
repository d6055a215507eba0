package dev.sockscope.ui.connection;

import dev.sockscope.app.FrameLog;
import dev.sockscope.core.Bytes;
import dev.sockscope.core.CloseCode;
import dev.sockscope.core.Frame;
import dev.sockscope.core.Message;
import dev.sockscope.core.Opcode;
import dev.sockscope.core.Utf8;
import dev.sockscope.ui.model.Pager;
import java.util.Arrays;
import java.util.Collections;
import java.util.function.IntPredicate;
import javafx.collections.ObservableListBase;

/**
 * The table's items: a window of at most {@link #WINDOW} rows onto the packed log, unfiltered or
 * through an index of matching positions. Rows are made when the table asks for one (only the
 * visible ones) and not kept.
 *
 * <p>Why a window: TableView's VirtualFlow walks every row on each layout, so a table of a million
 * rows spends its pulses counting rows. The window keeps layouts cheap at any log size; the pager
 * moves it. While following, it slides with the tail. {@link #catchUp()} runs on the FX thread and
 * announces what changed as one list change.
 */
final class LogRows extends ObservableListBase<LogRow> {
    static final int WINDOW = 10_000;
    /** The log's pager: half a window per step, so the rows just seen stay in view. */
    static final Pager PAGER = new Pager(WINDOW, WINDOW / 2);
    private static final int PREVIEW_BYTES = 256;

    private final FrameLog log;
    private final LogView view;
    private final IntPredicate filter;
    private int[] matches;
    private int matchCount;
    private int scanned;
    private int total;
    private int windowStart;
    private int shown;
    private boolean follow = true;

    /** Every frame of the log (in the message view: when every frame is a whole message). */
    LogRows(FrameLog log, LogView view) {
        this(log, view, null, new int[0], 0, 0);
    }

    /**
     * The frames the filter accepts; {@code matches} already covers positions before
     * {@code scanned} (computed off the FX thread).
     */
    LogRows(FrameLog log, LogView view, IntPredicate filter, int[] matches, int matchCount, int scanned) {
        this.log = log;
        this.view = view;
        this.filter = filter;
        this.matches = matches;
        this.matchCount = matchCount;
        this.scanned = scanned;
        this.total = filter == null ? Math.min(log.size(), scanned) : matchCount;
        this.windowStart = PAGER.newest(total);
        this.shown = total - windowStart;
    }

    /** Takes in what the log gained since the last call and moves the window if following. */
    void catchUp() {
        int logSize = log.size();
        if (logSize < scanned) {
            // The log was cleared for a new connection.
            matchCount = 0;
            scanned = 0;
            total = 0;
            moveWindow(0, 0);
            return;
        }
        if (filter == null) {
            total = logSize;
        } else {
            for (int i = scanned; i < logSize; i++) {
                if (filter.test(i)) {
                    if (matchCount == matches.length) {
                        matches = Arrays.copyOf(matches, Math.max(1024, matches.length * 2));
                    }
                    matches[matchCount++] = i;
                }
            }
            total = matchCount;
        }
        scanned = logSize;
        int start = Math.max(minStart(), follow ? PAGER.newest(total) : windowStart);
        moveWindow(start, Math.min(WINDOW, total - start));
    }

    // ---- paging (FX thread) ----

    void showLatest() {
        follow = true;
        catchUp();
    }

    void showOlder() {
        page(PAGER.older(windowStart, minStart()));
    }

    void showNewer() {
        page(PAGER.newer(windowStart, total));
    }

    void showOldest() {
        page(minStart());
    }

    /** The first window position whose frame is still held in memory (older ones are in the recording only). */
    int minStart() {
        int first = log.firstRetained();
        if (filter == null) {
            return Math.min(first, total);
        }
        int index = Arrays.binarySearch(matches, 0, matchCount, first);
        return index >= 0 ? index : -index - 1;
    }

    private void page(int start) {
        follow = start >= PAGER.newest(total);
        moveWindow(start, Math.min(WINDOW, total - start));
    }

    /**
     * Moves the window so it holds the frame at log position {@code logIndex} and stops
     * following; returns its row in the window, or -1 when the filter hides it or it is not held.
     */
    int reveal(int logIndex) {
        catchUp();
        int position = filter == null ? logIndex : Arrays.binarySearch(matches, 0, matchCount, logIndex);
        if (position < minStart() || position >= total) {
            return -1;
        }
        if (position < windowStart || position >= windowStart + shown) {
            page(PAGER.around(position, minStart(), total));
        }
        follow = false;
        return position - windowStart;
    }

    void setFollow(boolean value) {
        follow = value;
    }

    int total() {
        return total;
    }

    int windowStart() {
        return windowStart;
    }

    boolean atLatest() {
        return windowStart + shown >= total;
    }

    /** How far into the log this window has looked. */
    int scanned() {
        return scanned;
    }

    /** True when every frame is listed, unfiltered. */
    boolean isUnfiltered() {
        return filter == null;
    }

    LogView view() {
        return view;
    }

    FrameLog log() {
        return log;
    }


    private void moveWindow(int start, int size) {
        if (start == windowStart && size == shown) {
            return;
        }
        int oldShown = shown;
        int dropped = start - windowStart;
        beginChange();
        if (dropped >= 0 && dropped < oldShown) {
            // Sliding forward: the rows still in view keep their cells.
            windowStart = start;
            shown = size;
            if (dropped > 0) {
                nextRemove(0, Collections.nCopies(dropped, (LogRow) null));
            }
            int kept = oldShown - dropped;
            if (size > kept) {
                nextAdd(kept, size);
            } else if (size < kept) {
                nextRemove(size, Collections.nCopies(kept - size, (LogRow) null));
            }
        } else {
            windowStart = start;
            shown = size;
            if (oldShown > 0) {
                nextRemove(0, Collections.nCopies(oldShown, (LogRow) null));
            }
            if (size > 0) {
                nextAdd(0, size);
            }
        }
        endChange();
    }

    /** The log position of a row of the window. */
    int logIndex(int row) {
        int position = windowStart + row;
        return filter == null ? position : matches[position];
    }

    @Override
    public LogRow get(int row) {
        if (row < 0 || row >= shown) {
            throw new IndexOutOfBoundsException(row);
        }
        int index = logIndex(row);
        if (view == LogView.MESSAGES) {
            Message message = log.messageIfHeld(index, PREVIEW_BYTES);
            if (message != null) {
                return new LogRow(index, message.direction(), message.opcode(), messageType(message), message.timestampMicros(),
                        sizeOf(index, message.size(), true), changed(index) + preview(message.opcode(), message.payload(),
                        message.invalidUtf8At()));
            }
        }
        Frame head = log.headIfHeld(index, PREVIEW_BYTES);
        if (head == null) {
            // Let go from memory since this window last moved; the recording still has it.
            return new LogRow(index, dev.sockscope.core.Direction.RECEIVE, dev.sockscope.core.Opcode.TEXT, "", 0, 0,
                    "(no longer held in memory: search the recording for it)");
        }
        int invalid = head.opcode() == Opcode.TEXT && head.fin() ? Utf8.firstInvalid(head.payload()) : -1;
        return new LogRow(index, head.direction(), head.opcode(), frameType(head), head.timestampMicros(),
                sizeOf(index, head.size(), false), changed(index) + preview(head.opcode(), head.payload(), invalid));
    }

    /** "[replaced] " before the data of a message interception changed (or made), else nothing. */
    private String changed(int index) {
        dev.sockscope.core.Interception interception = log.interception(index);
        return interception == null ? "" : "[" + interception.words() + "] ";
    }

    /** "text", and for a message that took several frames or came compressed, how. */
    static String messageType(Message message) {
        String type = message.opcode().label();
        if (message.frames() > 1) {
            type += " \u00d7" + message.frames();
        }
        return message.compressed() ? type + " \u2193z" : type;
    }

    /** The opcode, with "…" when more frames follow (FIN not set) and the RSV bits set. */
    static String frameType(Frame frame) {
        StringBuilder type = new StringBuilder(frame.opcode() == Opcode.CONTINUATION ? "cont." : frame.opcode().label());
        if (!frame.fin()) {
            type.append(" \u2026");
        }
        if (frame.rsv1()) {
            type.append(" R1");
        }
        if (frame.rsv2()) {
            type.append(" R2");
        }
        if (frame.rsv3()) {
            type.append(" R3");
        }
        return type.toString();
    }

    @Override
    public int size() {
        return shown;
    }

    /** The whole payload's size; the head may be cut to the preview length. */
    private int sizeOf(int index, int headSize, boolean message) {
        if (headSize < PREVIEW_BYTES) {
            return headSize;
        }
        try {
            return message ? log.messageSize(index) : log.payloadSize(index);
        } catch (IndexOutOfBoundsException e) {
            return headSize;
        }
    }

    static String preview(Frame head) {
        return preview(head.opcode(), head.payload(), -1);
    }

    /** One line of a payload's head; text that is not valid UTF-8 says where it breaks. */
    static String preview(Opcode opcode, byte[] payload, int invalidUtf8At) {
        return switch (opcode) {
            case TEXT -> (invalidUtf8At >= 0 ? "\u26a0 invalid UTF-8 at byte " + invalidUtf8At + ": " : "")
                    + oneLine(Utf8.decode(payload));
            case BINARY -> Bytes.hex(payload).replaceAll("(..)", "$1 ").strip();
            // A fragment of a text message is text, maybe cut inside a character at either end.
            case CONTINUATION -> new Utf8.Validator().feed(payload, 0, payload.length) ? oneLine(Utf8.decode(payload))
                    : Bytes.hex(payload).replaceAll("(..)", "$1 ").strip();
            case CLOSE -> closePreview(payload);
            // Heartbeats are often binary (a counter, a timestamp): hex unless they read as text.
            case PING, PONG -> payload.length == 0 ? "" : Utf8.isReadable(payload) ? oneLine(Utf8.decode(payload))
                    : Bytes.hex(payload).replaceAll("(..)", "$1 ").strip();
        };
    }

    private static String closePreview(byte[] payload) {
        if (payload.length < 2) {
            return payload.length == 0 ? "(no code)" : "(1 byte: " + Bytes.hex(payload) + ", not a close code)";
        }
        Message close = new Message(dev.sockscope.core.Direction.RECEIVE, Opcode.CLOSE, payload, 0, 1, false, -1);
        return close.closeCode() + " " + CloseCode.describe(close.closeCode())
                + (close.closeReason().isEmpty() ? "" : ": " + close.closeReason());
    }

    private static String oneLine(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), 200));
        for (int i = 0; i < text.length() && out.length() < 200; i++) {
            char c = text.charAt(i);
            out.append(c == '\n' ? '\u23CE' : c == '\r' || c == '\t' ? ' ' : c);
        }
        return out.toString();
    }
}
