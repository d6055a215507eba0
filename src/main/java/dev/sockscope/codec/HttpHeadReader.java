package dev.sockscope.codec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads one HTTP/1.1 head (request or response line, headers, blank line) from bytes that arrive
 * in pieces, keeping it byte for byte. Each byte is looked at once, so a head of many lines costs
 * linear time however it is split, and a head is capped ({@link #MAX_BYTES}, {@link #MAX_LINES}):
 * a peer that never ends its head gets a clear refusal instead of a growing buffer.
 */
public final class HttpHeadReader {
    /** Heads longer than this are refused: real upgrade heads are a few hundred bytes. */
    public static final int MAX_BYTES = 64 * 1024;
    /** Heads with more lines than this are refused. */
    public static final int MAX_LINES = 1000;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
    private final int maxBytes;
    private final int maxLines;
    /** How much of "\r\n\r\n" the last bytes matched. */
    private int matched;
    private int lines;
    private boolean complete;
    private String problem;

    /** A reader with the caps for a peer's head ({@link #MAX_BYTES}, {@link #MAX_LINES}). */
    public HttpHeadReader() {
        this(MAX_BYTES, MAX_LINES);
    }

    /** A reader with other caps (for a head of our own). */
    public HttpHeadReader(int maxBytes, int maxLines) {
        this.maxBytes = maxBytes;
        this.maxLines = maxLines;
    }

    /**
     * Takes bytes; returns the offset in {@code data} just past the head once it is complete in
     * them, else -1. Bytes after the head are not taken. After the head (or a problem) it takes nothing.
     */
    public synchronized int feed(byte[] data, int offset, int length) {
        if (complete || problem != null) {
            return -1;
        }
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            byte b = data[i];
            matched = next(matched, b);
            if (b == '\n' && ++lines > maxLines) {
                problem = "the HTTP head has more than " + maxLines + " lines";
                bytes.write(data, offset, i + 1 - offset);
                return -1;
            }
            if (matched == 4) {
                bytes.write(data, offset, i + 1 - offset);
                complete = true;
                return i + 1;
            }
            if (bytes.size() + (i + 1 - offset) > maxBytes) {
                problem = "the HTTP head is longer than " + maxBytes / 1024 + " KiB";
                bytes.write(data, offset, i + 1 - offset);
                return -1;
            }
        }
        bytes.write(data, offset, length);
        return -1;
    }

    private static int next(int matched, byte b) {
        if (b == '\r') {
            return matched == 2 ? 3 : 1;
        }
        if (b == '\n') {
            return matched == 1 ? 2 : matched == 3 ? 4 : 0;
        }
        return 0;
    }

    public synchronized boolean isComplete() {
        return complete;
    }

    /** Why the head was refused (too long, too many lines), or null. */
    public synchronized String problem() {
        return problem;
    }

    /** The head as read so far, as text (ISO-8859-1, byte for byte); whole once complete. */
    public synchronized String head() {
        return new String(bytes.toByteArray(), StandardCharsets.ISO_8859_1);
    }

    /** The head's bytes as read so far; whole once complete. */
    public synchronized byte[] bytes() {
        return bytes.toByteArray();
    }
}
