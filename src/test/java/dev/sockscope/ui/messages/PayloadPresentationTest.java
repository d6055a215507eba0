package dev.sockscope.ui.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockscope.core.Bytes;
import dev.sockscope.core.Direction;
import dev.sockscope.core.Frame;
import dev.sockscope.core.Opcode;
import dev.sockscope.ui.messages.PayloadPresentation.Mode;
import dev.sockscope.ui.messages.PayloadPresentation.Shown;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PayloadPresentationTest {
    private static final long T = 1_714_570_620_123_456L; // 2024-05-01 13:37:00.123456 UTC

    private static PayloadPresentation of(Opcode opcode, byte[] payload) {
        return PayloadPresentation.of(Frame.message(Direction.RECEIVE, opcode, payload, T));
    }

    private static PayloadPresentation text(String text) {
        return of(Opcode.TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] filled(int size, char c) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) c);
        return bytes;
    }

    @Test
    void jsonObjectTextOpensInTheJsonView() {
        PayloadPresentation p = text("{\"a\":1}");
        assertEquals(Mode.JSON, p.defaultMode());
        assertTrue(p.jsonAvailable());
        assertEquals("{\n  \"a\": 1\n}", p.json().content());
    }

    @Test
    void otherTextOpensInTheTextViewWithJsonOff() {
        PayloadPresentation p = text("hello 42");
        assertEquals(Mode.TEXT, p.defaultMode());
        assertFalse(p.jsonAvailable());
        assertEquals("Not a JSON object or array", p.jsonUnavailableReason());
        assertEquals(new Shown("hello 42", ""), p.text());
    }

    @Test
    void binaryOpensInHexEvenWhenItIsJson() {
        PayloadPresentation p = of(Opcode.BINARY, "[1]".getBytes(StandardCharsets.UTF_8));
        assertEquals(Mode.HEX, p.defaultMode());
        assertTrue(p.jsonAvailable());
        assertTrue(p.hex().content().startsWith("00000000  5b 31 5d"), p.hex().content());
    }

    @Test
    void invalidUtf8InTextIsFlaggedAndShownAsReplacementCharacters() {
        PayloadPresentation p = of(Opcode.TEXT, new byte[] {'o', 'k', (byte) 0xC3});
        assertTrue(p.invalidUtf8());
        assertEquals("ok\uFFFD", p.text().content());
        assertFalse(of(Opcode.BINARY, new byte[] {(byte) 0xC3}).invalidUtf8());
    }

    @Test
    void pingWithTextOpensAsTextAndEmptyPingAsHex() {
        assertEquals(Mode.TEXT, of(Opcode.PING, "keepalive".getBytes(StandardCharsets.UTF_8)).defaultMode());
        PayloadPresentation empty = of(Opcode.PONG, new byte[0]);
        assertEquals(Mode.HEX, empty.defaultMode());
        assertEquals(new Shown("", "Empty payload"), empty.hex());
    }

    @Test
    void closeFrameTextIsItsReasonAndCopyTextCopiesTheReason() {
        PayloadPresentation p = PayloadPresentation.of(Frame.close(Direction.SEND, 1001, "bye", T));
        assertEquals(Mode.TEXT, p.defaultMode());
        assertEquals("bye", p.text().content());
        assertEquals("bye", p.copyText());
        assertFalse(p.jsonAvailable());
        assertEquals(Mode.HEX, PayloadPresentation.of(Frame.close(Direction.SEND, 1000, "", T)).defaultMode());
    }

    @Test
    void largeTextIsShownWholeAsRowsAndCopyTextIsWhole() {
        byte[] big = filled(3 * 1024 * 1024 + 200 * 1024, 'a');
        PayloadPresentation p = of(Opcode.TEXT, big);
        Shown shown = p.text();
        assertEquals(null, shown.content(), "too large for the rich area");
        shown.rows().wrapAt(1000);
        assertEquals((big.length + 999) / 1000, shown.rows().rows());
        assertEquals(big.length, shown.fullText().length());
        assertEquals("", shown.note());
        assertEquals(big.length, p.copyText().length());
    }

    @Test
    void textBeyondTheCapIsCutAtACharacterAndSaysSo() {
        byte[] euro = "\u20ac".getBytes(StandardCharsets.UTF_8);
        byte[] payload = new byte[PayloadPresentation.TEXT_CAP + 10];
        for (int i = 0; i + 3 <= payload.length; i += 3) {
            System.arraycopy(euro, 0, payload, i, 3);
        }
        Shown shown = of(Opcode.TEXT, payload).text();
        String text = shown.fullText();
        assertFalse(text.contains("\uFFFD"));
        assertTrue(text.chars().allMatch(c -> c == '\u20ac'));
        assertEquals("Showing first 32 MiB of 32.0 MiB \u00b7 Save to file for all of it", shown.note());
    }

    @Test
    void aLargeHexDumpIsWholeAndMadeARowAtATime() {
        byte[] payload = new byte[100 * 1024];
        payload[payload.length - 1] = 'z';
        Shown hex = of(Opcode.BINARY, payload).hex();
        assertEquals("", hex.note());
        assertEquals(6400, hex.rows().rows());
        assertEquals("00018ff0  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 7a  |...............z|",
                hex.rows().row(6399));
        assertEquals(Bytes.hexDump(java.util.Arrays.copyOf(payload, 32), 32), hex.rows().row(0) + "\n" + hex.rows().row(1) + "\n");
    }

    @Test
    void largeJsonIsPrettyPrintedWholeAsRows() {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < 200_000; i++) {
            json.append(i).append(',');
        }
        json.append("0]");
        PayloadPresentation p = text(json.toString());
        assertTrue(p.jsonAvailable());
        Shown shown = p.json();
        assertEquals(200_003, shown.rows().rows(), "one row per element, and the brackets");
        assertEquals("  199999,", shown.rows().row(200_000));
    }

    @Test
    void headerLabelsNameDirectionSizeTimeAndCloseStatus() {
        assertEquals("Sent", FrameLabels.direction(Direction.SEND));
        assertEquals("Received", FrameLabels.direction(Direction.RECEIVE));
        assertEquals("512 B", FrameLabels.size(512));
        assertEquals("1.5 KiB (1,536 bytes)", FrameLabels.size(1536));
        assertEquals("2024-05-01 13:37:00.123456", FrameLabels.timestamp(T, ZoneOffset.UTC));
        assertEquals("1001 Going Away", FrameLabels.closeStatus(Frame.close(Direction.SEND, 1001, "x", T)));
        assertEquals("no status code", FrameLabels.closeStatus(Frame.close(Direction.SEND, 1005, "", T)));
    }
}
