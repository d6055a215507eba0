package dev.sockscope.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CurlCommandTest {
    private static final Handshake UPGRADE = new Handshake(String.join("\r\n",
            "GET /chat?room=1 HTTP/1.1", "Host: server.example.com", "Upgrade: websocket", "Connection: Upgrade",
            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==", "Sec-WebSocket-Version: 13", "X-Note: it's here",
            "Content-Length: 0", "X-Empty:", "") + "\r\n", "HTTP/1.1 101 Switching Protocols\r\n\r\n", null);

    @Test
    void wssBecomesHttpsAndHeadersKeepTheirOrderAndCase() {
        assertEquals("curl -i -N --http1.1 'https://server.example.com/chat?room=1'"
                + " -H 'Upgrade: websocket' -H 'Connection: Upgrade'"
                + " -H 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==' -H 'Sec-WebSocket-Version: 13'"
                + " -H 'X-Note: it'\\''s here' -H 'X-Empty;'",
                CurlCommand.from(UPGRADE, "wss://server.example.com/chat?room=1"));
    }

    @Test
    void wsBecomesHttp() {
        Handshake h = new Handshake("GET / HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n\r\n", "", null);
        assertEquals("curl -i -N --http1.1 'http://127.0.0.1:8080/'", CurlCommand.from(h, "ws://127.0.0.1:8080/"));
    }

    @Test
    void withoutAUrlTheTargetComesFromTheRequestLineAndHost() {
        Handshake h = new Handshake("GET /feed HTTP/1.1\r\nHost: example.org\r\nUpgrade: websocket\r\n\r\n", "", null);
        assertEquals("curl -i -N --http1.1 'http://example.org/feed' -H 'Upgrade: websocket'", CurlCommand.from(h, ""));
    }

    @Test
    void singleQuotesAreEscapedForTheShell() {
        assertEquals("'a'\\''b'", CurlCommand.quote("a'b"));
        assertEquals("''", CurlCommand.quote(""));
    }

    @Test
    void aMethodOtherThanGetIsKept() {
        Handshake h = new Handshake("CONNECT / HTTP/1.1\r\nHost: a\r\n\r\n", "", null);
        assertEquals("curl -i -N --http1.1 -X 'CONNECT' 'http://a/'", CurlCommand.from(h, "ws://a/"));
    }
}
