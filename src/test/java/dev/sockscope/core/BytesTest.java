package dev.sockscope.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BytesTest {
    @Test
    void parsesHexWithSeparatorsAndPrefix() {
        assertArrayEquals(new byte[] {0x0a, (byte) 0xff, 0x10}, Bytes.parseHex("0x0A:ff 10"));
        assertThrows(IllegalArgumentException.class, () -> Bytes.parseHex("abc"));
        assertThrows(IllegalArgumentException.class, () -> Bytes.parseHex("zz"));
    }

    @Test
    void roundTripsBase64() {
        byte[] data = {0, 1, 2, (byte) 0xfe};
        assertArrayEquals(data, Bytes.parseBase64(Bytes.base64(data)));
        assertThrows(IllegalArgumentException.class, () -> Bytes.parseBase64("@@@"));
    }

    @Test
    void dumpsHexWithOffsetsAndAsciiAndSaysWhatWasCut() {
        String dump = Bytes.hexDump("Hello, WebSocket world!".getBytes(), 16);
        assertTrue(dump.startsWith("00000000  48 65 6c 6c 6f 2c 20 57  65 62 53 6f 63 6b 65 74  |Hello, WebSocket|"), dump);
        assertTrue(dump.contains("7 more bytes not shown"), dump);
    }

    @Test
    void aShortPayloadKeepsItsAsciiNextToItsHex() {
        assertEquals("00000000  24 00 01 ff  |$...|\n", Bytes.hexDump(new byte[] {0x24, 0, 1, (byte) 0xff}, 64));
        String twoRows = Bytes.hexDump(new byte[20], 64);
        assertEquals(twoRows.indexOf('|'), twoRows.indexOf('|', twoRows.indexOf('\n')) - twoRows.indexOf('\n') - 1,
                "rows of one dump line up");
    }

    @Test
    void showsInvalidUtf8InsteadOfHidingIt() {
        byte[] bad = {'a', (byte) 0xc3, 'b'};
        assertFalse(Utf8.isValid(bad));
        assertEquals("a\uFFFDb", Utf8.decode(bad));
        assertTrue(Utf8.isValid("ok ✓".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void formatsSizesForPeople() {
        assertEquals("512 B", Bytes.humanSize(512));
        assertEquals("1.5 KiB", Bytes.humanSize(1536));
        assertEquals("3.0 MiB", Bytes.humanSize(3 * 1024 * 1024));
    }

    @Test
    void closeFramesCarryCodeAndReasonButNeverTheReservedCodes() {
        Frame close = Frame.close(Direction.SEND, 4001, "bye", 0);
        assertEquals(4001, close.closeCode());
        assertEquals("bye", close.closeReason());
        assertEquals(0, Frame.close(Direction.RECEIVE, 1005, "", 0).size());
        assertEquals("Going Away", CloseCode.describe(1001));
        assertEquals("Abnormal Closure", CloseCode.describe(1006));
        assertTrue(CloseCode.isSendable(4999));
        assertFalse(CloseCode.isSendable(1006));
    }

    @Test
    void normalizesFingerprintsAsOpensslPrintsThem() {
        String colons = "AB:".repeat(31) + "AB";
        assertEquals("ab".repeat(32), TrustOptions.normalizeFingerprint(colons));
        assertThrows(IllegalArgumentException.class, () -> TrustOptions.normalizeFingerprint("abcd"));
        assertEquals(new Header("X-Token", "a: b"), Header.parse("X-Token:  a: b "));
        assertThrows(IllegalArgumentException.class, () -> Header.parse("Bad Name: x"));
    }
}
