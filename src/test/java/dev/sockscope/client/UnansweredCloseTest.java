package dev.sockscope.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockscope.core.HandshakeFacts;
import dev.sockscope.core.SessionEvent;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A server that takes our close and never answers it: the connection still ends, and says why. */
class UnansweredCloseTest {
    @Test
    void ourCloseEndsTheConnectionWhenTheServerNeverAnswersIt() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread silent = new Thread(() -> acceptAndIgnore(server), "silent-server");
            silent.setDaemon(true);
            silent.start();
            List<SessionEvent> events = new CopyOnWriteArrayList<>();
            java.util.concurrent.ScheduledExecutorService timer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
            ClientConnection connection = ClientConnection.open(1, dev.sockscope.core.ConnectRequest.of(
                    dev.sockscope.core.WsUrl.parse("ws://127.0.0.1:" + server.getLocalPort() + "/quiet")), events::add, timer);
            dev.sockscope.testing.Eventually.eventually(Duration.ofSeconds(10), "open",
                    () -> events.stream().anyMatch(SessionEvent.Opened.class::isInstance));
            connection.close(4000, "bye");
            dev.sockscope.testing.Eventually.eventually(Duration.ofSeconds(ClientConnection.CLOSE_ANSWER_SECONDS + 10),
                    "the end", () -> events.stream().anyMatch(SessionEvent.Closed.class::isInstance));
            SessionEvent.Closed closed = events.stream().filter(SessionEvent.Closed.class::isInstance)
                    .map(SessionEvent.Closed.class::cast).findFirst().orElseThrow();
            assertEquals(1006, closed.code());
            assertTrue(closed.reason().contains("did not answer our close"), closed.reason());
            timer.shutdownNow();
        }
    }

    /** Completes the upgrade, then reads and ignores everything, never closing. */
    private static void acceptAndIgnore(ServerSocket server) {
        try (Socket s = server.accept()) {
            InputStream in = s.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                head.write(in.read());
            }
            Matcher key = Pattern.compile("(?i)Sec-WebSocket-Key: *(\\S+)").matcher(head.toString(StandardCharsets.ISO_8859_1));
            key.find();
            s.getOutputStream().write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: " + HandshakeFacts.acceptFor(key.group(1)) + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            byte[] sink = new byte[4096];
            while (in.read(sink) >= 0) {
                // ignored: this server never answers a close
            }
        } catch (Exception e) {
            // the test is over
        }
    }
}
