package dev.sockscope.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hand-made hello's layout, and what the reply reader makes of good, odd and hostile answers. */
class ClientHelloTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void aHelloIsOneHandshakeRecordWithTheVersionAndSuitesAsked() {
        List<CipherSuite> suites = CipherSuite.forVersion(TlsVersion.TLS_1_0);
        byte[] hello = ClientHello.build(TlsVersion.TLS_1_0, suites, "example.com");
        assertEquals(0x16, hello[0]);
        assertEquals(hello.length - 5, (hello[3] & 0xFF) << 8 | hello[4] & 0xFF, "record length");
        assertEquals(1, hello[5], "ClientHello");
        assertEquals(0x0301, (hello[9] & 0xFF) << 8 | hello[10] & 0xFF, "client_version");
        int suitesAt = 9 + 2 + 32 + 1 + 32;
        int suiteBytes = (hello[suitesAt] & 0xFF) << 8 | hello[suitesAt + 1] & 0xFF;
        assertEquals(2 * suites.size() + 2, suiteBytes, "the suites and the renegotiation SCSV");
        assertTrue(new String(hello, StandardCharsets.ISO_8859_1).contains("example.com"), "SNI");
        assertFalse(new String(ClientHello.build(TlsVersion.TLS_1_2, suites, "127.0.0.1"), StandardCharsets.ISO_8859_1)
                .contains("127.0.0.1"), "no SNI for an address");
    }

    @Test
    void aTls13HelloSaysSoInSupportedVersionsAndOffersOnlyTls13Suites() {
        List<CipherSuite> suites = CipherSuite.forVersion(TlsVersion.TLS_1_3);
        assertTrue(suites.stream().allMatch(CipherSuite::tls13) && suites.size() == 5, suites.toString());
        String hex = HEX.formatHex(ClientHello.build(TlsVersion.TLS_1_3, suites, "localhost"));
        assertTrue(hex.contains("002b0003020304"), "supported_versions: TLS 1.3 alone");
        assertTrue(hex.contains("003300260024001d0020"), "an X25519 key share");
    }

    @Test
    void repliesAreReadAsHelloAlertOrNotTls() throws Exception {
        ByteArrayOutputStream hello = new ByteArrayOutputStream();
        byte[] body = HEX.parseHex("0303" + "11".repeat(32) + "00" + "c02f" + "00");
        hello.write(HEX.parseHex("160303" + String.format("%04x", body.length + 4) + "02" + String.format("%06x", body.length)));
        hello.write(body);
        ServerReply reply = ServerReply.read(new ByteArrayInputStream(hello.toByteArray()));
        ServerReply.Hello parsed = assertInstanceOf(ServerReply.Hello.class, reply);
        assertEquals(TlsVersion.TLS_1_2, parsed.version());
        assertEquals("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", parsed.suite().name());

        ServerReply alert = ServerReply.read(new ByteArrayInputStream(HEX.parseHex("15030100020246")));
        assertEquals("alert 70 protocol_version", assertInstanceOf(ServerReply.Alert.class, alert).describe());

        ServerReply http = ServerReply.read(new ByteArrayInputStream("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(
                StandardCharsets.US_ASCII)));
        assertTrue(assertInstanceOf(ServerReply.NoHello.class, http).what().contains("did not answer in TLS"));

        ServerReply empty = ServerReply.read(new ByteArrayInputStream(new byte[0]));
        assertInstanceOf(ServerReply.NoHello.class, empty);
        // A hello that claims more than it holds, then ends: no exception, a reason.
        ServerReply cut = ServerReply.read(new ByteArrayInputStream(HEX.parseHex("16030300060200ffff0303")));
        assertInstanceOf(ServerReply.NoHello.class, cut);
        ServerReply shortHello = ServerReply.read(new ByteArrayInputStream(HEX.parseHex("1603030006020000020303")));
        assertEquals("a ServerHello too short to read", assertInstanceOf(ServerReply.NoHello.class, shortHello).what());
    }

    @Test
    void weakSuitesAreNamedWithTheirWeakness() {
        assertEquals("RC4 (broken, RFC 7465)", CipherSuite.of(0x0005).weakness().orElseThrow());
        assertEquals("no encryption (NULL)", CipherSuite.of(0x0002).weakness().orElseThrow());
        assertTrue(CipherSuite.of(0x0018).weakness().orElseThrow().startsWith("anonymous"));
        assertTrue(CipherSuite.of(0x002F).lacksForwardSecrecy() && CipherSuite.of(0x002F).weakness().isEmpty());
        assertFalse(CipherSuite.of(0xC02F).lacksForwardSecrecy());
        assertEquals("0xFFFF", CipherSuite.of(0xFFFF).name());
    }
}
