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
        AutobahnCase testCase = CASES.get(id);
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
            Thread silent = new Thread(() -> beSilent(client), "silent-client");
            silent.setDaemon(true);
            silent.start();
            try (Socket accepted = server.accept()) {
                return Judge.judge(testCase, new CasePlayer(accepted, testCase).play());
            }
        }
    }

    /** Upgrades, then reads frames and answers only a close (with a masked close of its own). */
    private static void beSilent(Socket socket) {
        try {
            OutputStream out = socket.getOutputStream();
            out.write(("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
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
                in.readFully(new byte[(int) length]);
                if ((first & 0x0F) == Wire.CLOSE) {
                    out.write(new byte[] {(byte) 0x88, (byte) 0x82, 0, 0, 0, 0, 0x03, (byte) 0xE8});
                    return;
                }
            }
        } catch (IOException e) {
            // the fuzzer ended it
        }
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
