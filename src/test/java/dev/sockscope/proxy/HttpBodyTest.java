package dev.sockscope.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Where a body ends, found from scripted bytes however they are split, without sockets. */
class HttpBodyTest {

    private static HttpHead head(String text) throws HttpHead.Malformed {
        return HttpHead.parse(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static ByteBuf bytes(String text) {
        return Unpooled.wrappedBuffer(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Feeds the text one byte at a time; returns how many bytes the body took. */
    private static int feedByteByByte(HttpBody body, String text) {
        int taken = 0;
        for (int i = 0; i < text.length(); i++) {
            taken += body.take(bytes(text.substring(i, i + 1)));
        }
        return taken;
    }

    @Test
    void aContentLengthBodyEndsAfterItsLengthAndLeavesTheNextRequest() throws Exception {
        HttpBody body = HttpBody.ofRequest(head("POST /a HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\n"));
        assertEquals(5, body.take(bytes("helloGET /next HTTP/1.1\r\n")));
        assertTrue(body.done());
        assertEquals(0, body.take(bytes("more")), "nothing is taken after the end");
    }

    @Test
    void aRequestWithoutLengthHasNoBody() throws Exception {
        assertTrue(HttpBody.ofRequest(head("GET / HTTP/1.1\r\nHost: h\r\n\r\n")).done());
    }

    @Test
    void aChunkedBodyWithExtensionsAndTrailersEndsAtItsLastCrlfWhateverTheSplit() throws Exception {
        String chunked = "5;name=value\r\nhello\r\n1A\r\nabcdefghijklmnopqrstuvwxyz\r\n0\r\nTrailer: yes\r\n\r\n";
        HttpHead request = head("POST /a HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n");
        HttpBody whole = HttpBody.ofRequest(request);
        assertEquals(chunked.length(), whole.take(bytes(chunked + "GET / HTTP/1.1\r\n")));
        assertTrue(whole.done());
        HttpBody split = HttpBody.ofRequest(request);
        assertEquals(chunked.length(), feedByteByByte(split, chunked));
        assertTrue(split.done());
        assertEquals(chunked.length(), split.size());
    }

    @Test
    void aResponseToHeadAnd204And304HaveNoBody() throws Exception {
        assertTrue(HttpBody.ofResponse(head("HTTP/1.1 200 OK\r\nContent-Length: 99\r\n\r\n"), "HEAD").done());
        assertTrue(HttpBody.ofResponse(head("HTTP/1.1 204 No Content\r\n\r\n"), "GET").done());
        assertTrue(HttpBody.ofResponse(head("HTTP/1.1 304 Not Modified\r\nContent-Length: 10\r\n\r\n"), "GET").done());
    }

    @Test
    void aResponseWithoutLengthEndsWhenTheServerCloses() throws Exception {
        HttpBody body = HttpBody.ofResponse(head("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n"), "GET");
        assertTrue(body.endsAtClose());
        assertEquals(4, body.take(bytes("data")));
        assertFalse(body.done());
    }

    @Test
    void aBrokenChunkSizeIsAProblemNotAGuess() throws Exception {
        HttpBody body = HttpBody.ofResponse(head("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"), "GET");
        body.take(bytes("zz\r\n"));
        assertNotNull(body.problem());
        assertTrue(body.problem().contains("hex"), body.problem());
        HttpBody overlong = HttpBody.ofResponse(head("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"), "GET");
        overlong.take(bytes("2\r\nabc\r\n"));
        assertNotNull(overlong.problem(), "a chunk longer than its size");
    }

    @Test
    void aRequestWhoseLengthCannotBeKnownIsRefused() {
        // RFC 9112 §6.3: a request with a Transfer-Encoding that does not end in chunked gets 400.
        assertThrows(HttpHead.Malformed.class, () ->
                HttpBody.ofRequest(head("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: gzip\r\n\r\n")));
    }
}
