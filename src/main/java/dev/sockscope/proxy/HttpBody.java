package dev.sockscope.proxy;

import io.netty.buffer.ByteBuf;
import java.util.List;
import java.util.Locale;

/**
 * Where one HTTP/1.1 message body ends (RFC 9112 §6.3), found without keeping it: the proxy relays
 * a body as it streams and must know its last byte, to record the exchange and to read the next
 * request on a kept-alive connection. Sans-IO: it is given bytes and says how many of them are
 * body; it never moves a buffer's reader index.
 */
final class HttpBody {
    /** A chunk-size or trailer line longer than this is refused (real ones are a few bytes). */
    static final int MAX_LINE = 8 * 1024;

    private enum Framing { LENGTH, CHUNKED, UNTIL_CLOSE }

    private enum Chunk { SIZE, DATA, DATA_END, TRAILER }

    private final Framing framing;
    /** Bytes of the body (LENGTH) or of the current chunk (CHUNKED) still to come. */
    private long left;
    private long size;
    private boolean done;
    private String problem;
    private Chunk chunk = Chunk.SIZE;
    private final StringBuilder line = new StringBuilder();

    private HttpBody(Framing framing, long length) {
        this.framing = framing;
        this.left = length;
        this.done = framing == Framing.LENGTH && length == 0;
    }

    /** The body of a request: chunked, or as long as its Content-Length, or none. */
    static HttpBody ofRequest(HttpHead request) throws HttpHead.Malformed {
        List<String> codings = request.all("Transfer-Encoding");
        if (!codings.isEmpty()) {
            if (!lastCodingIsChunked(codings)) {
                // RFC 9112 §6.3: a request whose length cannot be known must be refused with 400.
                throw new HttpHead.Malformed("a Transfer-Encoding that does not end with chunked");
            }
            return new HttpBody(Framing.CHUNKED, 0);
        }
        return new HttpBody(Framing.LENGTH, request.header("Content-Length").map(Long::parseLong).orElse(0L));
    }

    /** The body of a response to a request with {@code method}: none, chunked, a length, or up to the close. */
    static HttpBody ofResponse(HttpHead response, String method) {
        int status = response.status();
        if (method.equals("HEAD") || status / 100 == 1 || status == 204 || status == 304) {
            return new HttpBody(Framing.LENGTH, 0);
        }
        List<String> codings = response.all("Transfer-Encoding");
        if (!codings.isEmpty()) {
            return lastCodingIsChunked(codings) ? new HttpBody(Framing.CHUNKED, 0) : new HttpBody(Framing.UNTIL_CLOSE, 0);
        }
        return response.header("Content-Length").map(v -> new HttpBody(Framing.LENGTH, Long.parseLong(v)))
                .orElseGet(() -> new HttpBody(Framing.UNTIL_CLOSE, 0));
    }

    private static boolean lastCodingIsChunked(List<String> codings) {
        String last = codings.get(codings.size() - 1);
        String[] parts = last.split(",");
        return parts[parts.length - 1].strip().toLowerCase(Locale.ROOT).equals("chunked");
    }

    /**
     * How many of {@code bytes}' readable bytes, from its reader index, belong to this body (all of
     * them until it ends). After the end, or a problem, it takes none.
     */
    int take(ByteBuf bytes) {
        if (done || problem != null) {
            return 0;
        }
        int available = bytes.readableBytes();
        int taken = switch (framing) {
            case UNTIL_CLOSE -> available;
            case LENGTH -> {
                int n = (int) Math.min(left, available);
                left -= n;
                done = left == 0;
                yield n;
            }
            case CHUNKED -> takeChunked(bytes, bytes.readerIndex(), available);
        };
        size += taken;
        return taken;
    }

    /** Takes chunked framing; on a problem, only the bytes before the broken line (in these bytes) are taken. */
    private int takeChunked(ByteBuf bytes, int start, int available) {
        int i = 0;
        int lineBegan = 0;
        while (i < available && !done && problem == null) {
            if (chunk == Chunk.DATA) {
                int n = (int) Math.min(left, available - i);
                left -= n;
                i += n;
                if (left == 0) {
                    chunk = Chunk.DATA_END;
                }
                continue;
            }
            if (line.length() == 0) {
                lineBegan = i;
            }
            byte b = bytes.getByte(start + i++);
            if (b != '\n') {
                line.append((char) (b & 0xFF));
                if (line.length() > MAX_LINE) {
                    problem = "a chunk line longer than " + MAX_LINE + " bytes";
                }
                continue;
            }
            endOfLine();
        }
        return problem == null ? i : lineBegan;
    }

    /** One line of the chunked framing ended (its LF was read). */
    private void endOfLine() {
        if (line.length() == 0 || line.charAt(line.length() - 1) != '\r') {
            problem = "a chunk line that does not end with CRLF";
            return;
        }
        String text = line.substring(0, line.length() - 1);
        line.setLength(0);
        switch (chunk) {
            case SIZE -> {
                int semicolon = text.indexOf(';');
                String hex = (semicolon < 0 ? text : text.substring(0, semicolon)).strip();
                if (!hex.matches("[0-9a-fA-F]{1,15}")) {
                    problem = "a chunk size that is not a hex number: " + (hex.length() > 20 ? hex.substring(0, 20) : hex);
                    return;
                }
                left = Long.parseLong(hex, 16);
                chunk = left == 0 ? Chunk.TRAILER : Chunk.DATA;
            }
            case DATA_END -> {
                if (!text.isEmpty()) {
                    problem = "a chunk longer than its size said";
                    return;
                }
                chunk = Chunk.SIZE;
            }
            case TRAILER -> done = text.isEmpty();
            default -> problem = "a chunk line where data was expected";
        }
    }

    /** The last byte of the body has been taken. */
    boolean done() {
        return done;
    }

    /** The body ends when the connection does (a response without a length): the connection cannot be kept. */
    boolean endsAtClose() {
        return framing == Framing.UNTIL_CLOSE;
    }

    /** Why the body's framing is broken, or null. */
    String problem() {
        return problem;
    }

    /** Body bytes taken so far, as on the wire. */
    long size() {
        return size;
    }
}
