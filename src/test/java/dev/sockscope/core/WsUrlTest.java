package dev.sockscope.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WsUrlTest {
    @Test
    void mapsHttpSchemesToWebSocketSchemes() {
        assertEquals("ws://example.com/chat?room=1", WsUrl.parse("http://example.com/chat?room=1").toString());
        assertEquals("wss://example.com/", WsUrl.parse("  HTTPS://example.com ").toString());
    }

    @Test
    void knowsDefaultPortsResourceAndAuthority() {
        WsUrl secure = WsUrl.parse("wss://example.com");
        assertEquals(443, secure.port());
        assertEquals("/", secure.resource());
        assertEquals("example.com:443", secure.authority());
        WsUrl plain = WsUrl.parse("ws://[::1]:8080/a%20b?q=%2F");
        assertEquals("::1", plain.host());
        assertEquals(8080, plain.port());
        assertEquals("/a%20b?q=%2F", plain.resource());
        assertEquals("[::1]:8080", plain.authority());
    }

    @Test
    void explainsWhatIsWrongWithABadUrl() {
        assertMessage("", "enter a URL");
        assertMessage("example.com/socket", "needs a scheme");
        assertMessage("ftp://example.com", "unsupported scheme 'ftp'");
        assertMessage("ws://", "not a valid URL");
        assertMessage("ws://exa mple.com", "not a valid URL");
        assertMessage("ws://example.com/#top", "fragment");
        assertMessage("ws://example.com:0/", "port");
    }

    private static void assertMessage(String input, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WsUrl.parse(input));
        assertTrue(e.getMessage().contains(expected), input + " -> " + e.getMessage());
    }
}
