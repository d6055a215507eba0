package dev.sockscope.codec;

import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Inflates the compressed messages of one direction (RFC 7692 section 7.2.2): raw DEFLATE, with
 * the 0x00 0x00 0xff 0xff tail each sender strips put back, and the LZ77 window carried from
 * one message to the next unless that sender gave up context takeover. A 32 KiB window decodes
 * every smaller one, so the window bits need no setting here.
 */
public final class MessageInflater {
    private static final byte[] TAIL = {0x00, 0x00, (byte) 0xff, (byte) 0xff};

    private final boolean noContextTakeover;
    private Inflater inflater = new Inflater(true);

    /** @param noContextTakeover the sender starts each message with an empty window */
    public MessageInflater(boolean noContextTakeover) {
        this.noContextTakeover = noContextTakeover;
    }

    /**
     * One message's payload, inflated; at most {@code maxSize} bytes.
     *
     * @throws TooBig when it inflates to more than that (a compression bomb stops here)
     * @throws DataFormatException when the bytes are not DEFLATE
     */
    public byte[] inflate(byte[] compressed, long maxSize) throws DataFormatException, TooBig {
        if (noContextTakeover) {
            inflater.end();
            inflater = new Inflater(true);
        }
        byte[] input = new byte[compressed.length + TAIL.length];
        System.arraycopy(compressed, 0, input, 0, compressed.length);
        System.arraycopy(TAIL, 0, input, compressed.length, TAIL.length);
        inflater.setInput(input);
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, compressed.length * 3));
        byte[] chunk = new byte[16 * 1024];
        while (true) {
            int n = inflater.inflate(chunk);
            if (n > 0) {
                if (out.size() + (long) n > maxSize) {
                    throw new TooBig(maxSize);
                }
                out.write(chunk, 0, n);
            } else if (inflater.needsInput() || inflater.finished() || inflater.needsDictionary()) {
                break;
            }
        }
        if (inflater.finished()) {
            // A final DEFLATE block ends the stream: the next message starts a new one.
            inflater.reset();
        }
        return out.toByteArray();
    }

    /** Frees the native inflater. */
    public void close() {
        inflater.end();
    }

    /** A message that inflates past the limit. */
    public static final class TooBig extends Exception {
        TooBig(long limit) {
            super("inflates to more than " + limit + " bytes", null, false, false);
        }
    }
}
