package dev.sockscope.ui.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void longTextIsCutAt256KiBAndSaysSoButCopyTextIsWhole() {
        byte[] big = filled(3 * 1024 * 1024 + 200 * 1024, 'a');
        PayloadPresentation p = of(Opcode.TEXT, big);
        Shown shown = p.text();
        assertEquals(PayloadPresentation.TEXT_CAP, shown.content().length());
        assertEquals("Showing first 256 KiB of 3.2 MiB", shown.note());
        assertEquals(big.length, p.copyText().length());
    }

    @Test
    void cutNeverSplitsAMultiByteCharacter() {
        byte[] euro = "\u20ac".getBytes(StandardCharsets.UTF_8);
        byte[] payload = new byte[PayloadPresentation.TEXT_CAP + 10];
        for (int i = 0; i + 3 <= payload.length; i += 3) {
            System.arraycopy(euro, 0, payload, i, 3);
        }
        String shown = of(Opcode.TEXT, payload).text().content();
        assertFalse(shown.contains("\uFFFD"));
        assertTrue(shown.chars().allMatch(c -> c == '\u20ac'));
    }

    @Test
    void hexDumpIsCutAt64KiB() {
        Shown hex = of(Opcode.BINARY, new byte[100 * 1024]).hex();
        assertEquals("Showing first 64 KiB of 100.0 KiB", hex.note());
        assertTrue(hex.content().endsWith("36864 more bytes not shown\n"));
    }

    @Test
    void jsonOverOneMiBIsNotPrettyPrintedAndTheTextNoteSaysWhy() {
        StringBuilder json = new StringBuilder("[");
        while (json.length() < PayloadPresentation.JSON_LIMIT) {
            json.append("\"xxxxxxxxxxxxxxxx\",");
        }
        json.append("1]");
        PayloadPresentation p = text(json.toString());
        assertFalse(p.jsonAvailable());
        assertEquals(Mode.TEXT, p.defaultMode());
        assertTrue(p.text().note().endsWith("Not pretty-printed: over 1.0 MiB"), p.text().note());
    }

    @Test
    void prettyJsonLongerThanTheCapIsCutAtALineEnd() {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < 60_000; i++) {
            json.append(i).append(',');
        }
        json.append("0]");
        Shown shown = text(json.toString()).json();
        assertTrue(shown.content().length() <= PayloadPresentation.TEXT_CAP);
        assertTrue(shown.content().endsWith(",\n"), "cut at a line end");
        assertTrue(shown.note().startsWith("Showing first 256 KiB of the pretty-printed JSON"), shown.note());
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
