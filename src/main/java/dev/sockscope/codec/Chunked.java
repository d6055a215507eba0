package dev.sockscope.codec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Decodes an HTTP/1.1 chunked body, keeping what it cannot parse rather than losing it. */
public final class Chunked {
    private Chunked() {
    }

    public static byte[] decode(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length);
        int at = 0;
        while (at < raw.length) {
            int lineEnd = indexOfCrlf(raw, at);
            if (lineEnd < 0) {
                return raw;
            }
            String sizeLine = new String(raw, at, lineEnd - at, StandardCharsets.ISO_8859_1);
            int semicolon = sizeLine.indexOf(';');
            int size;
            try {
                size = Integer.parseInt((semicolon >= 0 ? sizeLine.substring(0, semicolon) : sizeLine).strip(), 16);
            } catch (NumberFormatException e) {
                return raw;
            }
            if (size == 0) {
                break;
            }
            int start = lineEnd + 2;
            int end = Math.min(raw.length, start + size);
            out.write(raw, start, end - start);
            at = end + 2;
        }
        return out.toByteArray();
    }

    private static int indexOfCrlf(byte[] data, int from) {
        for (int i = from; i + 1 < data.length; i++) {
            if (data[i] == '\r' && data[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
