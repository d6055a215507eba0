package dev.sockscope.core;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/** Hex, base64 and hex-dump conversions for payloads. */
public final class Bytes {
    private static final HexFormat HEX = HexFormat.of();

    private Bytes() {
    }

    public static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    /** Parses hex, tolerating whitespace, colons and an optional 0x prefix. */
    public static byte[] parseHex(String text) {
        String clean = text.strip().toLowerCase(Locale.ROOT);
        if (clean.startsWith("0x")) {
            clean = clean.substring(2);
        }
        clean = clean.replaceAll("[\\s:,-]", "");
        if (clean.length() % 2 != 0) {
            throw new IllegalArgumentException("hex needs an even number of digits (got " + clean.length() + ")");
        }
        try {
            return HEX.parseHex(clean);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not hex: only 0-9 and a-f are allowed", e);
        }
    }

    public static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    public static byte[] parseBase64(String text) {
        try {
            // Line breaks and spaces are common in pasted base64; other stray characters are errors.
            String clean = text.replaceAll("\\s", "");
            boolean urlSafe = clean.indexOf('-') >= 0 || clean.indexOf('_') >= 0;
            return (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(clean);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not base64: " + e.getMessage(), e);
        }
    }

    /**
     * A classic hex dump: offset, 16 bytes in hex, then the printable ASCII. Stops after
     * {@code maxBytes} and says how much was left out.
     */
    public static String hexDump(byte[] bytes, int maxBytes) {
        int shown = Math.min(bytes.length, maxBytes);
        // Rows are padded to the widest row only: a 4-byte payload keeps its ASCII next to its hex,
        // where a narrow pane can show it.
        int width = Math.min(16, shown);
        StringBuilder out = new StringBuilder(shown * 4 + 64);
        for (int row = 0; row < shown; row += 16) {
            out.append(String.format("%08x  ", row));
            StringBuilder ascii = new StringBuilder(16);
            for (int i = 0; i < width; i++) {
                int at = row + i;
                if (at < shown) {
                    int b = bytes[at] & 0xFF;
                    out.append(Character.forDigit(b >> 4, 16)).append(Character.forDigit(b & 0xF, 16)).append(' ');
                    ascii.append(b >= 0x20 && b < 0x7F ? (char) b : '.');
                } else {
                    out.append("   ");
                }
                if (i == 7 && width > 8) {
                    out.append(' ');
                }
            }
            out.append(" |").append(ascii).append("|\n");
        }
        if (shown < bytes.length) {
            out.append("... ").append(bytes.length - shown).append(" more bytes not shown\n");
        }
        return out.toString();
    }

    /** "512 B", "1.5 KiB", "3.2 MiB". */
    public static String humanSize(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        int unit = -1;
        do {
            value /= 1024;
            unit++;
        } while (value >= 1024 && unit < units.length - 1);
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
