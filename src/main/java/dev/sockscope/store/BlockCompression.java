package dev.sockscope.store;

import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;

/**
 * Compresses block bodies with LZ4: fast enough to keep up with the wire on one core (hundreds of
 * MB/s), and recorded JSON shrinks several times. A body LZ4 cannot shrink by a sixteenth (already
 * compressed or random payloads) is stored as it is. Reading uses the bounds-checked decompressor
 * only: a damaged row must fail cleanly, not read past its buffer.
 */
final class BlockCompression {
    /** The codec column: the body as it is. */
    static final int RAW = 0;
    /** The codec column: an LZ4 block. */
    static final int LZ4 = 1;
    private static final int MIN_TO_COMPRESS = 128;

    private static final LZ4Factory FACTORY = LZ4Factory.fastestJavaInstance();
    private static final LZ4Compressor COMPRESSOR = FACTORY.fastCompressor();
    private static final LZ4SafeDecompressor DECOMPRESSOR = FACTORY.safeDecompressor();

    /** A body as stored: its codec and bytes, and its size before compression. */
    record Stored(int codec, byte[] bytes, int rawSize) {
    }

    private BlockCompression() {
    }

    static Stored compress(byte[] body) {
        if (body.length >= MIN_TO_COMPRESS) {
            byte[] out = new byte[COMPRESSOR.maxCompressedLength(body.length)];
            int length = COMPRESSOR.compress(body, 0, body.length, out, 0, out.length);
            if (length < body.length - body.length / 16) {
                return new Stored(LZ4, java.util.Arrays.copyOf(out, length), body.length);
            }
        }
        return new Stored(RAW, body, body.length);
    }

    /**
     * The body a stored block was made from.
     *
     * @throws DamagedBlockException when it does not decompress to its recorded size
     */
    static byte[] decompress(int codec, byte[] stored, int rawSize) {
        if (codec == RAW) {
            if (stored.length != rawSize) {
                throw new DamagedBlockException("it holds " + stored.length + " bytes where " + rawSize + " were written");
            }
            return stored;
        }
        if (codec != LZ4) {
            throw new DamagedBlockException("an unknown compression " + codec);
        }
        // LZ4 expands at most about 255 times: a larger size is a damaged row, not a reason to allocate it.
        if (rawSize < 0 || rawSize > stored.length * 255L + 64) {
            throw new DamagedBlockException("a size of " + rawSize);
        }
        byte[] body = new byte[rawSize];
        try {
            int length = DECOMPRESSOR.decompress(stored, 0, stored.length, body, 0, rawSize);
            if (length != rawSize) {
                throw new DamagedBlockException("it decompresses to " + length + " bytes where " + rawSize + " were written");
            }
        } catch (LZ4Exception e) {
            throw new DamagedBlockException("it does not decompress", e);
        }
        return body;
    }
}
