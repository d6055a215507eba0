package dev.sockscope.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockscope.codec.FrameEncoder;
import dev.sockscope.core.Opcode;
import dev.sockscope.core.SessionEvent;
import dev.sockscope.testing.EchoServer;
import dev.sockscope.testing.Eventually;
import dev.sockscope.testing.ProxiedClient;
import dev.sockscope.testing.ScriptedServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Malformed input from either side of the proxy: recorded as a protocol error with what came,
 * both sides closed with the right code (1002, 1007, 1009), and the proxy serving on.
 */
class ProxyMalformedInputTest {
    @TempDir
    Path dir;

    private AppContext app;
    private ProxyService.Running proxy;
    private final List<SessionEvent> events = new CopyOnWriteArrayList<>();
    private AutoCloseable watching;

    @BeforeEach
    void start() throws Exception {
        app = new AppContext(dir.resolve("data"));
        watching = app.registry().subscribe(events::add);
        // 1 MiB per message, so "too big" is quick to send.
        proxy = ProxyService.start(app, new ProxyService.Settings("127.0.0.1", 0, "malformed", 1 << 20, null, List.of()));
    }

    @AfterEach
    void stop() throws Exception {
        proxy.close();
        watching.close();
        app.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "a reserved opcode, 83 00, 1002",
        "RSV1 without an extension, c1 00, 1002",
        "a control frame over 125 bytes, 89 7e 00 7e, 1002",
        "a fragmented control frame, 09 00, 1002",
        "a close code that may not be sent, 88 02 03 ed, 1002",
        "invalid UTF-8 in a text message, 81 02 c3 28, 1007",
        "a frame over --max-message, 82 7f 00 00 00 00 00 20 00 00, 1009",
    })
    void fromTheServer(String what, String hex, int code) throws Exception {
        try (ScriptedServer server = ScriptedServer.writing(hex);
                ProxiedClient client = ProxiedClient.absolute(proxy.address().getPort(), "127.0.0.1", server.port(), "/bad")) {
            byte[] got = client.readToEnd();
            assertEquals(0x88, got[0] & 0xFF, what + ": a close frame reaches the app, not the bad frame");
            assertEquals(code, ((got[2] & 0xFF) << 8) | (got[3] & 0xFF), what);
            Eventually.eventually(Duration.ofSeconds(10), "a close at the server", () -> server.clientBytes().length >= 6);
            byte[] atServer = server.clientBytes();
            assertEquals(0x88, atServer[0] & 0xFF);
            assertEquals(code, unmaskedCode(atServer), what + ": the server is told the same code");
        }
        SessionEvent.Closed closed = awaitClosed();
        assertEquals(code, closed.code(), what);
        assertTrue(closed.reason().startsWith("the server broke the protocol: "), closed.reason());
        stillServes();
    }

    @Test
    void anUnmaskedFrameFromTheAppIsAProtocolError() throws Exception {
        try (EchoServer server = EchoServer.plain();
                ProxiedClient client = ProxiedClient.absolute(proxy.address().getPort(), "127.0.0.1", server.boundPort(), "/")) {
            client.write(FrameEncoder.encode(true, 0, Opcode.TEXT, "bare".getBytes(StandardCharsets.UTF_8), -1));
            byte[] got = client.readToEnd();
            assertEquals(0x88, got[0] & 0xFF);
            assertEquals(1002, ((got[2] & 0xFF) << 8) | (got[3] & 0xFF));
        }
        SessionEvent.Closed closed = awaitClosed();
        assertEquals(1002, closed.code());
        assertTrue(closed.reason().startsWith("the app broke the protocol: "), closed.reason());
        stillServes();
    }

    @Test
    void aServerCutOffInTheMiddleOfAFrameIsSaidSo() throws Exception {
        try (ScriptedServer server = ScriptedServer.writing("81 05 68 65");
                ProxiedClient client = ProxiedClient.absolute(proxy.address().getPort(), "127.0.0.1", server.port(), "/cut")) {
            byte[] got = client.read(4);
            assertArrayEquals(HexFormat.of().parseHex("81056865"), got, "what came is relayed as it came");
            server.close();
            client.readToEnd();
        }
        SessionEvent.Closed closed = awaitClosed();
        assertEquals(1006, closed.code());
        assertEquals("the server dropped the connection in the middle of a frame", closed.reason());
        stillServes();
    }

    /** The code of a masked close frame as a server receives it. */
    private static int unmaskedCode(byte[] frame) {
        byte[] mask = {frame[2], frame[3], frame[4], frame[5]};
        return (((frame[6] ^ mask[0]) & 0xFF) << 8) | ((frame[7] ^ mask[1]) & 0xFF);
    }

    private SessionEvent.Closed awaitClosed() {
        Eventually.eventually(Duration.ofSeconds(10), "the recording of the close",
                () -> events.stream().anyMatch(SessionEvent.Closed.class::isInstance));
        return events.stream().filter(SessionEvent.Closed.class::isInstance).map(SessionEvent.Closed.class::cast)
                .findFirst().orElseThrow();
    }

    /** Another connection through the same proxy works as if nothing happened. */
    private void stillServes() throws Exception {
        try (EchoServer server = EchoServer.plain();
                ProxiedClient client = ProxiedClient.absolute(proxy.address().getPort(), "127.0.0.1", server.boundPort(), "/")) {
            byte[] hi = "still here".getBytes(StandardCharsets.UTF_8);
            client.write(FrameEncoder.encode(true, 0, Opcode.TEXT, hi, 0x01020304L));
            assertArrayEquals(FrameEncoder.encode(true, 0, Opcode.TEXT, hi, -1), client.read(2 + hi.length));
        }
    }
}
