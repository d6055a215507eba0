package dev.sockscope.ui.connection;

import dev.sockscope.app.FrameLog;
import dev.sockscope.core.Bytes;
import dev.sockscope.core.Frame;
import dev.sockscope.core.Opcode;
import java.util.Arrays;
import java.util.function.IntPredicate;
import javafx.collections.ObservableListBase;

/**
 * The table's items: a window onto the packed log, unfiltered or through an index of matching
 * positions. Rows are made when the table asks for one (only the visible ones) and not kept.
 * {@link #catchUp()} runs once per pulse and announces everything appended since, as one change.
 */
final class LogRows extends ObservableListBase<LogRow> {
    private static final int PREVIEW_BYTES = 256;

    private final FrameLog log;
    private final IntPredicate filter;
    private int[] matches;
    private int matchCount;
    private int scanned;
    private int visible;

    /** Everything in the log. */
    LogRows(FrameLog log) {
        this(log, null, new int[0], 0, 0);
    }

    /**
     * The frames the filter accepts; {@code matches} already covers positions before
     * {@code scanned} (computed off the FX thread).
     */
    LogRows(FrameLog log, IntPredicate filter, int[] matches, int matchCount, int scanned) {
        this.log = log;
        this.filter = filter;
        this.matches = matches;
        this.matchCount = matchCount;
        this.scanned = scanned;
        this.visible = filter == null ? Math.min(log.size(), scanned) : matchCount;
    }

    /** Brings the visible size up to the log; new rows are announced in one change. */
    void catchUp() {
        int logSize = log.size();
        if (logSize < scanned) {
            // The log was cleared for a new connection.
            int removed = visible;
            matchCount = 0;
            scanned = 0;
            visible = 0;
            if (removed > 0) {
                beginChange();
                nextRemove(0, java.util.Collections.nCopies(removed, (LogRow) null));
                endChange();
            }
            return;
        }
        int before = visible;
        if (filter == null) {
            visible = logSize;
        } else {
            for (int i = scanned; i < logSize; i++) {
                if (filter.test(i)) {
                    if (matchCount == matches.length) {
                        matches = Arrays.copyOf(matches, Math.max(1024, matches.length * 2));
                    }
                    matches[matchCount++] = i;
                }
            }
            visible = matchCount;
        }
        scanned = logSize;
        if (visible > before) {
            beginChange();
            nextAdd(before, visible);
            endChange();
        }
    }

    /** The log position of a visible row. */
    int logIndex(int row) {
        return filter == null ? row : matches[row];
    }

    @Override
    public LogRow get(int row) {
        if (row < 0 || row >= visible) {
            throw new IndexOutOfBoundsException(row);
        }
        int index = logIndex(row);
        Frame head = log.head(index, PREVIEW_BYTES);
        return new LogRow(index, head.direction(), head.opcode(), head.timestampMicros(), log.payloadSize(index), preview(head));
    }

    @Override
    public int size() {
        return visible;
    }

    static String preview(Frame head) {
        return switch (head.opcode()) {
            case TEXT -> oneLine(head.text());
            case BINARY, CONTINUATION -> Bytes.hex(head.payload()).replaceAll("(..)", "$1 ").strip();
            case CLOSE -> head.closeCode() < 0 ? "(no code)"
                    : head.closeCode() + " " + dev.sockscope.core.CloseCode.describe(head.closeCode())
                            + (head.closeReason().isEmpty() ? "" : ": " + head.closeReason());
            case PING, PONG -> head.size() == 0 ? "" : oneLine(head.text());
        };
    }

    private static String oneLine(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), 200));
        for (int i = 0; i < text.length() && out.length() < 200; i++) {
            char c = text.charAt(i);
            out.append(c == '\n' ? '\u23CE' : c == '\r' || c == '\t' ? ' ' : c);
        }
        return out.toString();
    }

    static boolean isControl(Opcode opcode) {
        return opcode.isControl();
    }
}
