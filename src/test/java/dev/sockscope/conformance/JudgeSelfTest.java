package dev.sockscope.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The judge judges: a client that completes the upgrade and then does nothing (no pong, no echo,
 * no failing of bad frames; it only answers a close) must fail the cases that need those.
 */
class JudgeSelfTest {
    private static final Map<String, AutobahnCase> CASES = Cases.all().stream()
            .collect(Collectors.toMap(AutobahnCase::id, Function.identity()));

    private static Judge.Verdict againstSilentClient(String id) throws Exception {
        return againstClient(id, "", false);
    }

    /**
     * As {@link #againstSilentClient}, with an extension offer ({@code ""}: none) and, when
     * {@code echoUncompressed}, each data frame sent back with its payload as it came but RSV1
     * cleared: compressed bytes passed off as the message.
     */
    private static Judge.Verdict againstClient(String id, String offer, boolean echoUncompressed) throws Exception {
        AutobahnCase testCase = CASES.get(id);
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
            Thread silent = new Thread(() -> beSilent(client, offer, echoUncompressed), "silent-client");
            silent.setDaemon(true);
            silent.start();
            try (Socket accepted = server.accept()) {
                return Judge.judge(testCase, new CasePlayer(accepted, testCase).play());
            }
        }
    }

    /** Upgrades, then reads frames and answers only a close (with a masked close of its own). */
    private static void beSilent(Socket socket, String offer, boolean echoUncompressed) {
        try {
            OutputStream out = socket.getOutputStream();
            out.write(("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + (offer.isEmpty() ? "" : "Sec-WebSocket-Extensions: " + offer + "\r\n")
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            InputStream raw = socket.getInputStream();
            int matched = 0;
            while (matched < 4) {
                int b = raw.read();
                matched = b == (matched % 2 == 0 ? '\r' : '\n') ? matched + 1 : b == '\r' ? 1 : 0;
            }
            DataInputStream in = new DataInputStream(raw);
            while (true) {
                int first = in.readUnsignedByte();
                long length = in.readUnsignedByte() & 0x7F;
                if (length == 126) {
                    length = in.readUnsignedShort();
                } else if (length == 127) {
                    length = in.readLong();
                }
                byte[] payload = new byte[(int) length];
                in.readFully(payload);
                if (echoUncompressed && (first & 0x0F) != Wire.CLOSE) {
                    out.write(masked(first & ~0x40, payload));
                }
                if ((first & 0x0F) == Wire.CLOSE) {
                    out.write(new byte[] {(byte) 0x88, (byte) 0x82, 0, 0, 0, 0, 0x03, (byte) 0xE8});
                    return;
                }
            }
        } catch (IOException e) {
            // the fuzzer ended it
        }
    }

    /** A client's frame: masked with a zero key, so the payload goes as it is. */
    private static byte[] masked(int first, byte[] payload) {
        java.io.ByteArrayOutputStream frame = new java.io.ByteArrayOutputStream();
        frame.write(first);
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else {
            frame.write(0x80 | 126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length);
        }
        frame.writeBytes(new byte[4]);
        frame.writeBytes(payload);
        return frame.toByteArray();
    }

    @Test
    void aClientThatOffersNoCompressionLeavesTheDeflateCasesUnimplemented() throws Exception {
        Judge.Verdict verdict = againstSilentClient("12.1.1");
        assertEquals("UNIMPLEMENTED", verdict.overall(), verdict.reason());
        assertEquals("OK", verdict.close(), verdict.reason());
    }

    @Test
    void aClientThatEchoesTheCompressedBytesAsTheMessageFailsTheDeflateCases() throws Exception {
        Judge.Verdict verdict = againstClient("12.1.3", "permessage-deflate", true);
        assertEquals("FAILED", verdict.overall(), verdict.reason());
        assertTrue(verdict.reason().contains("echo 1: the echoed message's length differs"), verdict.reason());
    }

    @Test
    void aClientWithoutAWindowOfferIsNotAskedForOne() throws Exception {
        Judge.Verdict verdict = againstClient("13.3.1", "permessage-deflate; client_no_context_takeover", true);
        assertEquals("UNIMPLEMENTED", verdict.overall(), verdict.reason());
    }

    @Test
    void aClientThatDoesNotAnswerPingsFailsThePingCases() throws Exception {
        Judge.Verdict verdict = againstSilentClient("2.1");
        assertEquals("FAILED", verdict.overall(), verdict.reason());
        assertTrue(verdict.reason().contains("got [], expected"), verdict.reason());
    }

    @Test
    void aClientThatDoesNotEchoFailsTheFramingCases() throws Exception {
        assertEquals("FAILED", againstSilentClient("1.1.2").overall());
    }

    @Test
    void aClientThatDoesNotFailABadFrameLeavesTheFuzzerToCloseAndFails() throws Exception {
        Judge.Verdict verdict = againstSilentClient("3.1");
        assertEquals("FAILED", verdict.overall(), verdict.reason());
        assertTrue(verdict.reason().contains("did not fail the connection in time"), verdict.reason());
    }

    @Test
    void aClientThatEchoesAnInvalidCloseCodeHasTheWrongCode() throws Exception {
        Judge.Verdict verdict = againstSilentClient("7.9.2");
        assertEquals("WRONG CODE", verdict.close(), verdict.reason());
        assertEquals("FAILED", verdict.behavior(), "group 7 makes a wrong code fatal");
    }
}
