package dev.sockscope.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockscope.app.AppContext;
import dev.sockscope.app.ProxyService;
import dev.sockscope.app.RuleBook;
import dev.sockscope.core.Direction;
import dev.sockscope.core.Message;
import dev.sockscope.core.Opcode;
import dev.sockscope.core.RecordedConnection;
import dev.sockscope.intercept.RulesFile;
import dev.sockscope.testing.Eventually;
import dev.sockscope.testing.PythonPeer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The relay role: each ported case played by the fuzzing peer as the server, python3-websockets as
 * the echoing client, and Sockscope's proxy (reverse mode, recording into a real store) between
 * them. A case passes when the end-to-end behaviour is what the case expects of the client.
 */
class RelayConformanceTest {
    private static ServerSocket fuzzer;
    private static AppContext app;
    private static ProxyService.Running proxy;
    private static Process client;
    private static Writer urls;
    private static BufferedReader done;
    private static TapRelay tap;
    /** The role in the report: "relay", or "relay-rules" when rules are loaded. */
    private static String role;

    /**
     * Rules that concern every connection and match no message: the proxy then relays frame by
     * frame through its interception, and must still pass every byte on as it came.
     */
    private static final String RULES_THAT_MATCH_NOTHING = "[{\"name\": \"never\", \"match\": {\"contains\": "
            + "\"never in any case\"}, \"action\": {\"drop\": true}}]";

    @BeforeAll
    static void start(TestInfo test) throws Exception {
        PythonPeer.requireInCi();
        boolean withRules = test.getTestClass().orElseThrow() != RelayConformanceTest.class;
        role = withRules ? "relay-rules" : "relay";
        fuzzer = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        fuzzer.setSoTimeout(15_000);
        app = new AppContext(Files.createTempDirectory("sockscope-relay-conformance"));
        proxy = ProxyService.start(app, ProxyService.Settings.loopback(0, "autobahn-relay")
                .reversing("ws://127.0.0.1:" + fuzzer.getLocalPort(), false), withRules
                        ? new RuleBook(RulesFile.parse(RULES_THAT_MATCH_NOTHING)) : RuleBook.empty());
        tap = new TapRelay(proxy.address().getPort());
        client = new ProcessBuilder(PythonPeer.PYTHON.toString(), Path.of("src/test/resources/peers/autobahn_echo_client.py")
                .toAbsolutePath().toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        urls = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.UTF_8);
        done = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
    }

    @AfterAll
    static void finish() throws Exception {
        if (client != null) {
            client.destroy();
        }
        if (tap != null) {
            tap.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (app != null) {
            app.close();
        }
        if (fuzzer != null) {
            fuzzer.close();
            ConformanceReport.write(role);
        }
    }

    /**
     * The recording holds the connection, ended, with every frame that crossed the proxy: each one
     * once, on the leg it came from (what the server sent and what the client sent).
     */
    private static void assertRecordedWhole(AutobahnCase testCase, CasePlayer.Observed observed) {
        long expected = frames(observed.sent.toByteArray()) + frames(observed.received.toByteArray());
        String path = "/" + testCase.id();
        RecordedConnection connection = Eventually.eventually(Duration.ofSeconds(10), testCase.id()
                + ": the recording holds the connection, ended, with " + expected + " frames",
                () -> app.queries().connectionsOf("autobahn-relay").stream().filter(c -> c.url().endsWith(path))
                        .findFirst().orElse(null),
                recorded -> recorded != null && recorded.end() != null && recorded.wireFrames() == expected);
        if (testCase.deflate() != null && "OK".equals(observed.deflateOutcome)) {
            assertRecordedInflated(testCase, connection);
        }
    }

    /**
     * Groups 12 and 13: the recording holds the messages inflated. Each of the fuzzer's messages
     * and the client's echo of it were compressed apart, so their wire bytes differ: recorded
     * equal, and as long as the case's messages, they were inflated.
     */
    private static void assertRecordedInflated(AutobahnCase testCase, RecordedConnection connection) {
        List<Message> sent = new java.util.ArrayList<>();
        List<Message> echoed = new java.util.ArrayList<>();
        app.queries().framesOf(connection.id(), 0, Integer.MAX_VALUE, recorded -> {
            Message m = recorded.message();
            if (m != null && (m.opcode() == Opcode.TEXT || m.opcode() == Opcode.BINARY)) {
                (m.direction() == Direction.RECEIVE ? sent : echoed).add(m);
            }
        });
        assertEquals(testCase.deflate().count(), sent.size(), testCase.id() + ": the fuzzer's messages recorded");
        assertEquals(testCase.deflate().count(), echoed.size(), testCase.id() + ": the client's echoes recorded");
        for (int i = 0; i < sent.size(); i++) {
            byte[] payload = sent.get(i).payload();
            int length = sent.get(i).opcode() == Opcode.BINARY ? payload.length : sent.get(i).text().codePointCount(0,
                    sent.get(i).text().length());
            assertEquals(testCase.deflate().length(), length, testCase.id() + ": message " + (i + 1) + " recorded inflated");
            assertArrayEquals(payload, echoed.get(i).payload(), testCase.id() + ": echo " + (i + 1) + " recorded inflated");
        }
    }

    /** How many whole frames a run of bytes holds. */
    private static long frames(byte[] bytes) {
        long count = 0;
        int at = 0;
        while (at + 2 <= bytes.length) {
            long length = bytes[at + 1] & 0x7F;
            int header = 2;
            if (length == 126) {
                length = (bytes[at + 2] & 0xFF) << 8 | bytes[at + 3] & 0xFF;
                header += 2;
            } else if (length == 127) {
                length = java.nio.ByteBuffer.wrap(bytes, at + 2, 8).getLong();
                header += 8;
            }
            if ((bytes[at + 1] & 0x80) != 0) {
                header += 4;
            }
            at += header + (int) length;
            if (at <= bytes.length) {
                count++;
            }
        }
        return count;
    }

    private static int commonPrefix(byte[] a, byte[] b) {
        int n = 0;
        while (n < a.length && n < b.length && a[n] == b[n]) {
            n++;
        }
        return n;
    }

    /** A case that ends in a normal close, with nothing the proxy must refuse on the way. */
    private static boolean relayedWhole(AutobahnCase testCase) {
        return !testCase.informational() && testCase.expectation().closeCodes().contains(1000);
    }

    static List<AutobahnCase> cases() {
        return Cases.selected();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void caseIsRelayedConformingly(AutobahnCase testCase) throws Exception {
        // Groups 12 and 13: the client offers permessage-deflate, python3-websockets' default offer.
        urls.write("ws://127.0.0.1:" + tap.port() + "/" + testCase.id() + (testCase.deflate() != null ? " deflate" : "") + "\n");
        urls.flush();
        Judge.Verdict verdict;
        CasePlayer.Observed observed;
        try (Socket socket = fuzzer.accept()) {
            socket.setTcpNoDelay(true);
            observed = new CasePlayer(socket, testCase).play();
            verdict = Judge.judge(testCase, observed);
        }
        String line = done.readLine();
        assertTrue("done".equals(line), "the python client finished the case: " + line);
        tap.awaitEnd();
        assertTrue(observed.sent.size() > 0, testCase.id() + ": the fuzzer sent something");
        if (!relayedWhole(testCase)) {
            // The proxy failed the connection: what reached the client is what the server sent up to
            // there, then at most the proxy's own close frame (2-byte header, 125 bytes at most).
            byte[] got = tap.toClientAfterHead();
            int same = commonPrefix(got, observed.sent.toByteArray());
            assertTrue(got.length - same <= 127, testCase.id() + ": " + (got.length - same)
                    + " bytes reached the client that the server did not send");
        } else {
            // Nothing in the case makes the proxy fail the connection: every byte goes through as it came.
            assertArrayEquals(observed.sent.toByteArray(), tap.toClientAfterHead(), testCase.id()
                    + ": what the server sent reaches the client byte for byte");
            assertArrayEquals(tap.fromClientAfterHead(), observed.received.toByteArray(), testCase.id()
                    + ": what the client sent reaches the server byte for byte");
        }
        if (relayedWhole(testCase)) {
            assertRecordedWhole(testCase, observed);
        }
        ConformanceReport.record(role, testCase, verdict);
        assertTrue(verdict.acceptable(), testCase.id() + " (" + testCase.description() + "), relayed: " + verdict.overall()
                + ": " + verdict.reason());
    }
}
