package dev.sockscope.ui.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockscope.core.Handshake;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class WireTextTest {

    @Test
    void rawIsTheRequestHeadABlankLineAndTheResponseWithLineBreaksForCrlf() {
        Handshake h = new Handshake("GET / HTTP/1.1\r\nHost: a\r\n\r\n", "HTTP/1.1 403 Forbidden\r\nX: y\r\n\r\n",
                "no\r\nway".getBytes(StandardCharsets.UTF_8));
        assertEquals("GET / HTTP/1.1\nHost: a\n\nHTTP/1.1 403 Forbidden\nX: y\n\nno\nway", WireText.raw(h));
        assertEquals(WireText.raw(h), WireText.rawShown(h));
    }

    @Test
    void anEmptyHeadIsLeftOutAndACutHeadIsEnded() {
        assertEquals("HTTP/1.1 500 Oops\n\n", WireText.raw(new Handshake("", "HTTP/1.1 500 Oops\r\n\r\n", null)));
        assertEquals("GET / HTTP/1.1\n\n", WireText.raw(new Handshake("GET / HTTP/1.1", "", null)));
    }

    @Test
    void aLongBodyIsCutForDisplayButCopiedWhole() {
        byte[] body = new byte[WireText.SHOWN_BODY_BYTES + 2048];
        Arrays.fill(body, (byte) 'x');
        Handshake h = new Handshake("", "HTTP/1.1 500 Oops\r\n\r\n", body);
        assertTrue(WireText.bodyShown(h).endsWith("\n\u2026 2.0 KiB more not shown (Copy as text copies the whole body)"));
        assertEquals("HTTP/1.1 500 Oops\n\n".length() + body.length, WireText.raw(h).length());
    }

    @Test
    void millisecondsKeepThreeSignificantDigitsAndAStepNotTakenIsADash() {
        assertEquals("0.42 ms", WireText.millis(420));
        assertEquals("12.8 ms", WireText.millis(12_800));
        assertEquals("250 ms", WireText.millis(250_400));
        assertEquals("0.00 ms", WireText.millis(0));
        assertEquals("\u2014", WireText.millis(-1));
    }
}
