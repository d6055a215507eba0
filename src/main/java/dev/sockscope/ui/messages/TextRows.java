package dev.sockscope.ui.messages;

import java.util.Arrays;

/**
 * Text as rows: its lines, each wrapped at a number of columns. Line starts are found once (off
 * the FX thread); wrapping keeps one prefix count per line, so a new width costs a pass over the
 * lines and finding a row a binary search.
 */
final class TextRows implements RowSource {
    private final String text;
    /** Where each line starts; the line ends before the next start's line break. */
    private final int[] lineStarts;
    private final int lines;
    /** The first row of each line at the current width. */
    private int[] firstRow;
    private int rows;
    private int columns = Integer.MAX_VALUE;

    TextRows(String text) {
        this.text = text;
        int[] starts = new int[1024];
        int count = 0;
        int at = 0;
        while (true) {
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
            }
            starts[count++] = at;
            int end = text.indexOf('\n', at);
            if (end < 0) {
                break;
            }
            at = end + 1;
        }
        // A final line break does not start a last, empty row.
        if (count > 1 && starts[count - 1] == text.length()) {
            count--;
        }
        this.lineStarts = starts;
        this.lines = count;
        wrapAt(Integer.MAX_VALUE);
    }

    String text() {
        return text;
    }

    @Override
    public void wrapAt(int wanted) {
        int cols = Math.max(1, wanted);
        if (cols == columns && firstRow != null) {
            return;
        }
        columns = cols;
        int[] first = new int[lines];
        long total = 0;
        for (int i = 0; i < lines; i++) {
            first[i] = (int) Math.min(Integer.MAX_VALUE - 1, total);
            int length = lineEnd(i) - lineStarts[i];
            total += length == 0 ? 1 : (length + (long) cols - 1) / cols;
        }
        firstRow = first;
        rows = (int) Math.min(Integer.MAX_VALUE - 1, total);
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public String row(int index) {
        int line = lineOf(index);
        int start = lineStarts[line] + (int) Math.min(Integer.MAX_VALUE, (long) (index - firstRow[line]) * columns);
        int end = lineEnd(line);
        return text.substring(Math.min(start, end), (int) Math.min(end, (long) start + columns));
    }

    @Override
    public boolean continuesPrevious(int index) {
        return index > 0 && firstRow[lineOf(index)] != index;
    }

    /** The source line number (from 1) of a row, for the gutter. */
    int lineNumber(int index) {
        return lineOf(index) + 1;
    }

    private int lineOf(int row) {
        int found = Arrays.binarySearch(firstRow, 0, lines, row);
        if (found >= 0) {
            // Rows of empty lines never share a first row, so the match is the line itself.
            return found;
        }
        return -found - 2;
    }

    private int lineEnd(int line) {
        boolean broken = line + 1 < lines || text.endsWith("\n");
        int end = line + 1 < lines ? lineStarts[line + 1] - 1 : broken ? text.length() - 1 : text.length();
        // A line ends before its "\r\n" as well.
        return broken && end > lineStarts[line] && text.charAt(end - 1) == '\r' ? end - 1 : end;
    }
}
