package dev.sockscope.codec;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.zip.Deflater;

/**
 * Compresses a message Sockscope itself sends on a connection with permessage-deflate (a rule's
 * replacement, an injection): raw deflate ending in a sync flush, its 00 00 FF FF taken off
 * (RFC 7692 section 7.2.1). Every message starts from a fresh context, which any receiver can
 * inflate whatever was agreed. Java's deflater keeps a 32 KiB window; when the receiver agreed to
 * a smaller one, each piece of that size is compressed after a full flush, so nothing refers
 * further back than the window.
 */
public final class MessageDeflater {
    private static final byte[] TAIL = {0x00, 0x00, (byte) 0xFF, (byte) 0xFF};

    private final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    private final int windowBits;

    /** @param windowBits the receiver's window, 8-15 */
    public MessageDeflater(int windowBits) {
        this.windowBits = windowBits;
    }

    public byte[] compress(byte[] payload) {
        if (payload.length == 0) {
            // An empty message compresses to one empty stored block's first byte (RFC 7692 section 7.2.3.6).
            return new byte[] {0x00};
        }
        deflater.reset();
        ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length / 2 + 64);
        byte[] buffer = new byte[16 * 1024];
        int piece = windowBits >= 15 ? payload.length : 1 << windowBits;
        for (int at = 0; at < payload.length; at += piece) {
            int end = Math.min(payload.length, at + piece);
            deflater.setInput(payload, at, end - at);
            int flush = end < payload.length ? Deflater.FULL_FLUSH : Deflater.SYNC_FLUSH;
            int n;
            do {
                n = deflater.deflate(buffer, 0, buffer.length, flush);
                out.write(buffer, 0, n);
            } while (n == buffer.length || !deflater.needsInput());
        }
        byte[] all = out.toByteArray();
        return Arrays.equals(all, all.length - 4, all.length, TAIL, 0, 4) ? Arrays.copyOf(all, all.length - 4) : all;
    }

    public void close() {
        deflater.end();
    }
}
