package dev.sockscope.store;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The lines of a stream as bytes, without decoding them: an import hands each line's bytes to
 * the JSON parser as they are (decoding a 300 MB file to strings first cost a third of the
 * import). Lines end at LF, a CR before it is dropped; a line may be as long as memory allows.
 * The bytes of the current line stay valid until the next call to {@link #next}.
 */
final class ByteLines {
    private final InputStream in;
    private byte[] buffer = new byte[1 << 20];
    private int filled;
    private int lineStart;
    private int lineEnd;
    private int next;
    private boolean eof;

    ByteLines(InputStream in) {
        this.in = in;
    }

    /** Moves to the next line; false at the end of the stream. */
    boolean next() throws IOException {
        int scanFrom = next;
        while (true) {
            for (int i = scanFrom; i < filled; i++) {
                if (buffer[i] == '\n') {
                    lineStart = next;
                    lineEnd = i > lineStart && buffer[i - 1] == '\r' ? i - 1 : i;
                    next = i + 1;
                    return true;
                }
            }
            if (eof) {
                if (next < filled) {
                    lineStart = next;
                    lineEnd = filled > lineStart && buffer[filled - 1] == '\r' ? filled - 1 : filled;
                    next = filled;
                    return true;
                }
                return false;
            }
            scanFrom = filled - next;
            fill();
        }
    }

    /** Keeps the unfinished line at the start of the buffer (growing it for a long line) and reads more. */
    private void fill() throws IOException {
        int kept = filled - next;
        if (next > 0) {
            System.arraycopy(buffer, next, buffer, 0, kept);
        } else if (kept == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        filled = kept;
        next = 0;
        int read = in.read(buffer, filled, buffer.length - filled);
        if (read < 0) {
            eof = true;
        } else {
            filled += read;
        }
    }

    byte[] buffer() {
        return buffer;
    }

    int start() {
        return lineStart;
    }

    int length() {
        return lineEnd - lineStart;
    }

    /** True when the line holds only spaces and tabs, or nothing. */
    boolean isBlank() {
        for (int i = lineStart; i < lineEnd; i++) {
            if (buffer[i] != ' ' && buffer[i] != '\t' && buffer[i] != '\r') {
                return false;
            }
        }
        return true;
    }
}
