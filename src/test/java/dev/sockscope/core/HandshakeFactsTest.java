package dev.sockscope.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockscope.core.HandshakeFacts.Cookie;
import dev.sockscope.core.HandshakeFacts.Extension;
import dev.sockscope.core.HandshakeFacts.SetCookie;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class HandshakeFactsTest {
    private static final String RFC_KEY = "dGhlIHNhbXBsZSBub25jZQ==";
    private static final String RFC_ACCEPT = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=";

    private static String head(String... lines) {
        return String.join("\r\n", lines) + "\r\n\r\n";
    }

    private static String request(String... extra) {
        String[] base = {"GET /chat HTTP/1.1", "Host: server.example.com", "Upgrade: websocket",
            "Connection: Upgrade", "Sec-WebSocket-Key: " + RFC_KEY, "Sec-WebSocket-Version: 13"};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return head(all);
    }

    @Test
    void acceptForTheRfc6455ExampleKeyMatches() {
        assertEquals(RFC_ACCEPT, HandshakeFacts.acceptFor(RFC_KEY));
        Handshake h = new Handshake(request(), head("HTTP/1.1 101 Switching Protocols", "Upgrade: websocket",
                "Connection: Upgrade", "Sec-WebSocket-Accept: " + RFC_ACCEPT), null);
        HandshakeFacts facts = HandshakeFacts.of(h);
        assertEquals(101, facts.status());
        assertTrue(facts.upgraded());
        assertEquals("101 Switching Protocols", facts.statusText());
        assertEquals(RFC_ACCEPT, facts.acceptExpected());
        assertEquals(RFC_ACCEPT, facts.acceptReceived());
        assertTrue(facts.acceptMatches());
        assertEquals("", facts.subprotocol());
        assertEquals(List.of(), facts.extensions());
        assertEquals("", facts.redirectLocation());
    }

    @Test
    void aWrongAcceptIsAMismatchShowingBothValues() {
        Handshake h = new Handshake(request(), head("HTTP/1.1 101 Switching Protocols",
                "Sec-WebSocket-Accept: AAAAAAAAAAAAAAAAAAAAAAAAAAA="), null);
        HandshakeFacts facts = HandshakeFacts.of(h);
        assertFalse(facts.acceptMatches());
        assertEquals(RFC_ACCEPT, facts.acceptExpected());
        assertEquals("AAAAAAAAAAAAAAAAAAAAAAAAAAA=", facts.acceptReceived());
    }

    @Test
    void aMissingAcceptOrKeyNeverMatches() {
        HandshakeFacts noAccept = HandshakeFacts.of(new Handshake(request(), head("HTTP/1.1 101 Switching Protocols"), null));
        assertFalse(noAccept.acceptMatches());
        assertEquals("", noAccept.acceptReceived());
        HandshakeFacts noKey = HandshakeFacts.of(new Handshake(head("GET / HTTP/1.1", "Host: a"),
                head("HTTP/1.1 101 Switching Protocols", "Sec-WebSocket-Accept: " + RFC_ACCEPT), null));
        assertFalse(noKey.acceptMatches());
        assertEquals("", noKey.acceptExpected());
    }

    @Test
    void subprotocolsOfferedAndChosen() {
        Handshake h = new Handshake(request("Sec-WebSocket-Protocol: chat, superchat", "sec-websocket-protocol: v2"),
                head("HTTP/1.1 101 Switching Protocols", "Sec-WebSocket-Protocol: superchat"), null);
        HandshakeFacts facts = HandshakeFacts.of(h);
        assertEquals(List.of("chat", "superchat", "v2"), facts.offeredSubprotocols());
        assertEquals("superchat", facts.subprotocol());
    }

    @Test
    void extensionsAreParsedWithTheirParametersInOrder() {
        Handshake h = new Handshake(
                request("Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits, x-webkit-deflate-frame"),
                head("HTTP/1.1 101 Switching Protocols",
                        "Sec-WebSocket-Extensions: permessage-deflate; server_no_context_takeover;client_max_window_bits = 10",
                        "Sec-WebSocket-Extensions: x-custom; label=\"a;b,c\""), null);
        HandshakeFacts facts = HandshakeFacts.of(h);
        assertEquals(List.of(
                new Extension("permessage-deflate", List.of("server_no_context_takeover", "client_max_window_bits=10")),
                new Extension("x-custom", List.of("label=\"a;b,c\""))), facts.extensions());
        assertEquals("permessage-deflate; server_no_context_takeover; client_max_window_bits=10",
                facts.extensions().get(0).describe());
        assertEquals(List.of(new Extension("permessage-deflate", List.of("client_max_window_bits")),
                new Extension("x-webkit-deflate-frame", List.of())), facts.offeredExtensions());
    }

    @Test
    void cookiesSentAreSplitIntoPairsAndEachSetCookieKeepsItsAttributes() {
        Handshake h = new Handshake(request("Cookie: session=abc123; theme=dark", "Cookie: flag"),
                head("HTTP/1.1 101 Switching Protocols", "Set-Cookie: id=42; Path=/; HttpOnly; SameSite=Lax",
                        "Set-Cookie: lang=en"), null);
        HandshakeFacts facts = HandshakeFacts.of(h);
        assertEquals(List.of(new Cookie("session", "abc123"), new Cookie("theme", "dark"), new Cookie("", "flag")),
                facts.cookiesSent());
        assertEquals("session=abc123", facts.cookiesSent().get(0).toString());
        assertEquals("flag", facts.cookiesSent().get(2).toString());
        assertEquals(List.of(new SetCookie("id", "42", List.of("Path=/", "HttpOnly", "SameSite=Lax")),
                new SetCookie("lang", "en", List.of())), facts.cookiesSet());
    }

    @Test
    void aRedirectNamesItsLocationOnlyFor3xx() {
        Handshake redirect = new Handshake(request(), head("HTTP/1.1 302 Found", "Location: wss://other.example/chat"),
                null);
        assertEquals("wss://other.example/chat", HandshakeFacts.of(redirect).redirectLocation());
        Handshake created = new Handshake(request(), head("HTTP/1.1 201 Created", "Location: /x"), null);
        assertEquals("", HandshakeFacts.of(created).redirectLocation());
    }

    @Test
    void aFailedUpgradeKeepsItsStatusAndAnEmptyResponseIsStatusMinusOne() {
        Handshake forbidden = new Handshake(request(), head("HTTP/1.1 403 Forbidden", "Content-Length: 6"),
                "nope!\n".getBytes(StandardCharsets.UTF_8));
        HandshakeFacts facts = HandshakeFacts.of(forbidden);
        assertEquals(403, facts.status());
        assertFalse(facts.upgraded());
        assertEquals("403 Forbidden", facts.statusText());
        assertEquals(-1, HandshakeFacts.of(new Handshake(request(), "", null)).status());
    }
}
