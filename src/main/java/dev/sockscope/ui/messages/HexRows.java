package dev.sockscope.ui.messages;

/**
 * A hex dump made a row at a time (offset, 16 bytes in hex, their ASCII), so a large binary
 * message is never turned into one huge string. Rows look like {@link dev.sockscope.core.Bytes#hexDump}'s.
 */
final class HexRows implements RowSource {
    private static final int PER_ROW = 16;
    private final byte[] bytes;

    HexRows(byte[] bytes) {
        this.bytes = bytes;
    }

    @Override
    public int rows() {
        return (bytes.length + PER_ROW - 1) / PER_ROW;
    }

    @Override
    public String row(int index) {
        int from = index * PER_ROW;
        StringBuilder out = new StringBuilder(80);
        out.append(String.format("%08x  ", from));
        StringBuilder ascii = new StringBuilder(PER_ROW);
        for (int i = 0; i < PER_ROW; i++) {
            int at = from + i;
            if (at < bytes.length) {
                int b = bytes[at] & 0xFF;
                out.append(Character.forDigit(b >> 4, 16)).append(Character.forDigit(b & 0xF, 16)).append(' ');
                ascii.append(b >= 0x20 && b < 0x7F ? (char) b : '.');
            } else {
                out.append("   ");
            }
            if (i == 7) {
                out.append(' ');
            }
        }
        return out.append(" |").append(ascii).append('|').toString();
    }

    @Override
    public boolean continuesPrevious(int index) {
        return false;
    }
}
