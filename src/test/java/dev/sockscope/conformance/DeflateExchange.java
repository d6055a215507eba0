package dev.sockscope.conformance;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * One group 12/13 case on one connection, the fuzzer's side: the next message cut from the data
 * set, compressed as agreed and split into frames; and the judgement of each echo as the suite
 * makes it (same type, same length, same SHA-1).
 */
final class DeflateExchange {
    private static final byte[] TAIL = {0x00, 0x00, (byte) 0xFF, (byte) 0xFF};

    private final DeflateCase spec;
    private final DeflateNegotiation.Agreed agreed;
    private final DeflateData.DataSet data;
    private final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    private final Inflater inflater = new Inflater(true);
    private int position;
    private int sent;
    private byte[] expectedSha1;

    DeflateExchange(DeflateCase spec, DeflateNegotiation.Agreed agreed) {
        this.spec = spec;
        this.agreed = agreed;
        this.data = spec.data().get();
    }

    boolean allSent() {
        return sent >= spec.count();
    }

    int sent() {
        return sent;
    }

    /** The frames of the next message: compressed, RSV1 on the first, split as the case's auto-fragment size says. */
    byte[] nextFrames() {
        byte[] payload = nextPayload();
        expectedSha1 = sha1(payload);
        sent++;
        byte[] compressed = compress(payload);
        int opcode = data.binary() ? Wire.BINARY : Wire.TEXT;
        int size = spec.autoFragment();
        if (size <= 0 || compressed.length <= size) {
            return Wire.frame(opcode, compressed, true, 4);
        }
        ByteArrayOutputStream frames = new ByteArrayOutputStream(compressed.length + compressed.length / size * 4 + 16);
        for (int at = 0; at < compressed.length; at += size) {
            int end = Math.min(compressed.length, at + size);
            frames.writeBytes(Wire.frame(at == 0 ? opcode : Wire.CONTINUATION, Arrays.copyOfRange(compressed, at, end),
                    end == compressed.length, at == 0 ? 4 : 0));
        }
        return frames.toByteArray();
    }

    /**
     * Judges one echo, as received (still compressed when {@code compressed}): null when it is
     * the message just sent, else what differed, in the suite's words.
     */
    String check(boolean binary, boolean compressed, byte[] wire) {
        byte[] payload;
        try {
            payload = compressed ? inflate(wire) : wire;
        } catch (DataFormatException e) {
            return "echo " + sent + " could not be inflated: " + e.getMessage();
        }
        if (binary != data.binary()) {
            return "echo " + sent + ": the echoed message's type differs (got " + (binary ? "binary" : "text") + ")";
        }
        int length = binary ? payload.length : new String(payload, StandardCharsets.UTF_8).codePointCount(0,
                new String(payload, StandardCharsets.UTF_8).length());
        if (length != spec.length()) {
            return "echo " + sent + ": the echoed message's length differs (got " + length + ", expected " + spec.length() + ")";
        }
        byte[] sha1 = sha1(payload);
        if (!Arrays.equals(sha1, expectedSha1)) {
            return "echo " + sent + ": the echoed message's contents differ (got SHA-1 " + HexFormat.of().formatHex(sha1)
                    + ", expected " + HexFormat.of().formatHex(expectedSha1) + ")";
        }
        return null;
    }

    /** The next {@code length} bytes or code points of the data set, wrapping around at its end. */
    private byte[] nextPayload() {
        int length = spec.length();
        if (data.binary()) {
            byte[] source = data.bytes();
            byte[] out = new byte[length];
            for (int i = 0; i < length; i++) {
                out[i] = source[(position + i) % source.length];
            }
            position = (position + length) % source.length;
            return out;
        }
        int[] source = data.codePoints();
        int[] out = new int[length];
        for (int i = 0; i < length; i++) {
            out[i] = source[(position + i) % source.length];
        }
        position = (position + length) % source.length;
        return new String(out, 0, length).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Raw deflate ending in a sync flush, its 00 00 FF FF taken off (RFC 7692 section 7.2.1). Java's
     * deflater always keeps a 32 KiB window: when the client asked for a smaller one, each piece of
     * the window's size is compressed after a full flush, so nothing refers further back than that.
     */
    private byte[] compress(byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length / 2 + 64);
        byte[] buffer = new byte[64 * 1024];
        int piece = agreed.serverWindowBits() >= 15 ? Math.max(1, payload.length) : 1 << agreed.serverWindowBits();
        int at = 0;
        do {
            int end = Math.min(payload.length, at + piece);
            deflater.setInput(payload, at, end - at);
            int flush = piece < payload.length || agreed.serverWindowBits() < 15 ? Deflater.FULL_FLUSH : Deflater.SYNC_FLUSH;
            int n;
            do {
                n = deflater.deflate(buffer, 0, buffer.length, flush);
                out.write(buffer, 0, n);
            } while (n == buffer.length || !deflater.needsInput());
            at = end;
        } while (at < payload.length);
        if (agreed.serverNoContextTakeover()) {
            deflater.reset();
        }
        byte[] all = out.toByteArray();
        return Arrays.equals(all, all.length - 4, all.length, TAIL, 0, 4) ? Arrays.copyOf(all, all.length - 4) : all;
    }

    private byte[] inflate(byte[] compressed) throws DataFormatException {
        byte[] input = Arrays.copyOf(compressed, compressed.length + 4);
        System.arraycopy(TAIL, 0, input, compressed.length, 4);
        inflater.setInput(input);
        ByteArrayOutputStream out = new ByteArrayOutputStream(spec.length() * 2 + 64);
        byte[] buffer = new byte[64 * 1024];
        while (!inflater.finished()) {
            int n = inflater.inflate(buffer);
            out.write(buffer, 0, n);
            if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                break;
            }
        }
        if (inflater.finished()) {
            // The client ended its deflate stream (BFINAL): the next message starts a new one.
            inflater.reset();
        }
        return out.toByteArray();
    }

    private static byte[] sha1(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    void end() {
        deflater.end();
        inflater.end();
    }
}
