package dev.sockscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockscope.testing.EchoServer;
import dev.sockscope.testing.RawServer;
import dev.sockscope.testing.RefusingPort;
import dev.sockscope.testing.TestPki;
import dev.sockscope.tls.IssuedCertificate;
import dev.sockscope.tls.ServerTls;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectCommandTest {
    @TempDir
    Path dataDir;

    private CliRun run(String... args) {
        return CliRun.run(dataDir, args);
    }

    @Test
    void printsSentAndReceivedFramesInOrderAndExitsZero() throws Exception {
        try (EchoServer server = EchoServer.plain()) {
            CliRun run = run("connect", "ws://127.0.0.1:" + server.boundPort(), "--send", "hello", "--send-binary", "00ff10",
                    "--send", "second", "--wait", "3");
            assertEquals(0, run.exit(), run.err());
            List<String> lines = run.lines();
            assertEquals("> hello", lines.get(0));
            assertTrue(lines.indexOf("< hello") > 0, lines.toString());
            assertTrue(lines.indexOf("> [binary 3 bytes] 00ff10") > lines.indexOf("> hello"), lines.toString());
            assertTrue(lines.contains("< [binary 3 bytes] 00ff10"), lines.toString());
            assertTrue(lines.indexOf("> second") > lines.indexOf("> [binary 3 bytes] 00ff10"), lines.toString());
            assertTrue(lines.contains("< second"), lines.toString());
            assertEquals("> [close 1000]", lines.get(lines.size() - 2));
            assertEquals("< [close 1000]", lines.get(lines.size() - 1), "the server's reply, read from the wire");
            assertEquals("", run.err());
        }
    }

    @Test
    void printsTheServersCloseAndExitsOneWhenItIsNotNormal() throws Exception {
        try (EchoServer server = EchoServer.plain()) {
            CliRun run = run("connect", "ws://127.0.0.1:" + server.boundPort(), "--send", "close-me", "--send", "never-sent");
            assertEquals(1, run.exit(), run.err());
            assertTrue(run.lines().contains("< [close 4001 bye]"), run.out());
            assertEquals("sockscope: the server closed the connection with 4001 Application: bye\n", run.err());
            CliRun normal = run("connect", "ws://127.0.0.1:" + server.boundPort(), "--send", "close-normal");
            assertEquals(0, normal.exit(), normal.err());
            assertEquals("< [close 1000 done]", normal.lines().get(normal.lines().size() - 2), normal.out());
        }
    }

    @Test
    void refusesBadHexAsUsageInItsOwnWords() {
        CliRun run = run("connect", "ws://127.0.0.1:1/", "--send-binary", "zz");
        assertEquals(2, run.exit());
        assertTrue(run.err().startsWith("sockscope: --send-binary: not hex: only 0-9 and a-f are allowed\n"), run.err());
        assertFalse(run.err().contains("dev.sockscope"), run.err());
    }

    @Test
    void namesWhatIsWrongWithAnUnacceptable101InsteadOfTheLibrarysWords() throws Exception {
        String wrongAccept = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: bm90LXRoZS1yaWdodC1vbmU=\r\n\r\n";
        try (RawServer server = RawServer.answering(wrongAccept)) {
            CliRun run = run("connect", "ws://127.0.0.1:" + server.port(), "--send", "x");
            assertEquals(1, run.exit());
            assertTrue(run.err().startsWith("sockscope: protocol error: upgrade refused: Sec-WebSocket-Accept is"
                    + " bm90LXRoZS1yaWdodC1vbmU=, expected "), run.err());
            assertFalse(run.err().contains("Draft_6455"), run.err());
        }
        try (RawServer server = RawServer.answering("HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\n\r\n")) {
            CliRun run = run("connect", "ws://127.0.0.1:" + server.port(), "--send", "x");
            assertEquals("sockscope: protocol error: upgrade refused: the 101 answer has no 'Upgrade: websocket' header\n",
                    run.err());
        }
    }

    @Test
    void trustsAPinnedCertificate() throws Exception {
        IssuedCertificate selfSigned = new dev.sockscope.tls.CertificateBuilder().addSubjectAltName("localhost").build();
        try (EchoServer server = EchoServer.tls(ServerTls.context(selfSigned))) {
            String url = "wss://localhost:" + server.boundPort();
            CliRun refused = run("connect", url, "--send", "x");
            assertEquals(1, refused.exit());
            assertTrue(refused.err().startsWith("sockscope: untrusted certificate"), refused.err());
            assertTrue(refused.err().contains("--trust-cert " + selfSigned.sha256()), refused.err());
            // close-me: the server closes after echoing, so the command returns once the echo is in.
            CliRun pinned = run("connect", url, "--trust-cert", selfSigned.sha256().toUpperCase(), "--send", "x",
                    "--send", "close-normal", "--wait", "10");
            assertEquals(0, pinned.exit(), pinned.err());
            assertTrue(pinned.lines().contains("< x"), pinned.out());
            assertTrue(pinned.lines().contains("< [close 1000 done]"), pinned.out());
        }
    }

    @Test
    void trustsACaFile() throws Exception {
        TestPki pki = new TestPki();
        try (EchoServer server = EchoServer.tls(ServerTls.context(pki.localhostLeaf()))) {
            CliRun run = run("connect", "wss://localhost:" + server.boundPort(), "--ca-file", pki.writeRootPem(dataDir).toString(),
                    "--send", "secure", "--send", "close-normal", "--wait", "10");
            assertEquals(0, run.exit(), run.err());
            assertTrue(run.lines().contains("< secure"), run.out());
            assertTrue(run.lines().contains("< [close 1000 done]"), run.out());
        }
    }

    @Test
    void reportsExpiredCertificateInOneLineWithExitOne() throws Exception {
        TestPki pki = new TestPki();
        try (EchoServer server = EchoServer.tls(ServerTls.context(pki.expiredLeaf()))) {
            CliRun run = run("connect", "wss://localhost:" + server.boundPort(), "--ca-file", pki.writeRootPem(dataDir).toString(),
                    "--send", "x");
            assertEquals(1, run.exit());
            assertTrue(run.err().startsWith("sockscope: certificate expired"), run.err());
            assertEquals(1, run.err().lines().count(), "one line, no stack trace: " + run.err());
        }
    }

    @Test
    void reportsARefusedConnectionWithExitOne() throws Exception {
        try (RefusingPort refusing = new RefusingPort()) {
            int port = refusing.port();
            CliRun run = run("connect", "ws://127.0.0.1:" + port, "--send", "x");
            assertEquals(1, run.exit());
            assertEquals("sockscope: connection refused: 127.0.0.1:" + port, run.err().strip());
            assertEquals("", run.out());
        }
    }

    @Test
    void reportsATimeoutWithExitOne() throws Exception {
        try (RawServer silent = RawServer.silent()) {
            CliRun run = run("connect", "ws://127.0.0.1:" + silent.port(), "--timeout", "0.5", "--send", "x");
            assertEquals(1, run.exit());
            assertTrue(run.err().startsWith("sockscope: timed out"), run.err());
        }
    }

    @Test
    void reportsAnHttpRefusalWithItsStatus() throws Exception {
        try (RawServer server = RawServer.answering("HTTP/1.1 403 Forbidden\r\nContent-Length: 6\r\n\r\nnot ok")) {
            CliRun run = run("connect", "ws://127.0.0.1:" + server.port(), "--send", "x");
            assertEquals(1, run.exit());
            assertTrue(run.err().startsWith("sockscope: HTTP 403 Forbidden"), run.err());
        }
    }

    @Test
    void rejectsBadUsageWithExitTwo() {
        CliRun badUrl = run("connect", "ftp://example.com", "--send", "x");
        assertEquals(2, badUrl.exit());
        assertTrue(badUrl.err().startsWith("sockscope: invalid URL: unsupported scheme"), badUrl.err());
        CliRun badHeader = run("connect", "ws://localhost:1", "-H", "no colon here");
        assertEquals(2, badHeader.exit());
        CliRun badHex = run("connect", "ws://localhost:1", "--send-binary", "zz");
        assertEquals(2, badHex.exit());
        CliRun unknown = run("connect", "ws://localhost:1", "--frobnicate");
        assertEquals(2, unknown.exit());
        assertFalse(unknown.err().contains("Exception"), unknown.err());
    }

    @Test
    void listsSubcommandsInHelpAndPrintsTheVersion() {
        CliRun help = run("--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().contains("connect"), help.out());
        CliRun version = run("--version");
        assertEquals(0, version.exit());
        assertTrue(version.out().startsWith("sockscope "), version.out());
    }
}
