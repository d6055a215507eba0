package dev.sockscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sockscope.testing.EchoServer;
import dev.sockscope.testing.OpenSsl;
import dev.sockscope.testing.RawServer;
import dev.sockscope.testing.RefusingPort;
import dev.sockscope.testing.TestPki;
import dev.sockscope.tls.CertificateBuilder;
import dev.sockscope.tls.IssuedCertificate;
import dev.sockscope.tls.ServerTls;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `sockscope tls` against real TLS servers: chains made with BouncyCastle, and one made by openssl. */
class TlsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final TestPki pki = new TestPki();

    @TempDir
    Path dir;

    private CliRun run(String... args) {
        return CliRun.run(dir, args);
    }

    private JsonNode json(SSLContext context, String... extra) throws Exception {
        try (EchoServer server = EchoServer.tls(context)) {
            List<String> args = new ArrayList<>(List.of("tls", "wss://localhost:" + server.boundPort() + "/feed", "--json"));
            args.addAll(List.of(extra));
            CliRun run = run(args.toArray(String[]::new));
            assertEquals(0, run.exit(), run.err());
            return JSON.readTree(run.out());
        }
    }

    private String ca() throws Exception {
        return pki.writeRootPem(dir).toString();
    }

    private static List<String> problems(JsonNode report) {
        List<String> out = new ArrayList<>();
        report.get("problems").forEach(p -> out.add(p.asText()));
        return out;
    }

    @Test
    void reportsATrustedChainWithItsIntermediateAnchorAndHandshake() throws Exception {
        IssuedCertificate leaf = pki.leafUnderIntermediate();
        JsonNode r = json(ServerTls.context(leaf, pki.intermediate().certificate()), "--ca-file", ca());
        assertTrue(r.get("trusted").asBoolean(), r.toString());
        assertEquals(List.of(), problems(r));
        assertTrue(r.get("protocol").asText().startsWith("TLSv1."));
        assertFalse(r.get("cipherSuite").asText().isEmpty());
        assertEquals(2, r.get("chain").size());
        JsonNode first = r.get("chain").get(0);
        assertEquals("CN=localhost", first.get("subject").asText());
        assertEquals(leaf.sha256(), first.get("sha256").asText());
        assertEquals("EC", first.get("keyAlgorithm").asText());
        assertEquals(256, first.get("keySize").asInt());
        assertEquals("SHA256withECDSA", first.get("signatureAlgorithm").asText());
        assertTrue(first.get("sans").toString().contains("localhost") && first.get("sans").toString().contains("127.0.0.1"));
        assertEquals(leaf.certificate().getNotAfter().toInstant().toString(), first.get("notAfter").asText());
        assertEquals(leaf.certificate().getSerialNumber().toString(16), first.get("serial").asText());
        assertTrue(r.get("chain").get(1).get("subject").asText().contains("Intermediate"));
        assertTrue(r.get("trustAnchor").get("subject").asText().contains("Sockscope Test Root"));
        JsonNode response = r.get("handshake").get("response");
        assertEquals(101, response.get("status").asInt());
        assertTrue(response.get("headers").get(0).isArray() && response.get("headers").get(0).size() == 2,
                "headers are an ordered list of [name, value]");
        assertTrue(r.get("handshake").get("request").get("line").asText().startsWith("GET /feed HTTP/1.1"));
    }

    @Test
    void namesAnExpiredLeafAndStillExitsZero() throws Exception {
        JsonNode r = json(ServerTls.context(pki.expiredLeaf()), "--ca-file", ca());
        assertFalse(r.get("trusted").asBoolean());
        assertEquals(List.of("expired"), problems(r));
        assertTrue(r.get("problemDetails").get(0).get("explanation").asText().contains("expired on"));
        assertTrue(r.get("handshake").isNull(), "refused before the upgrade: there is none");
    }

    @Test
    void namesANotYetValidLeaf() throws Exception {
        IssuedCertificate future = pki.leaf().validity(Instant.now().plus(Duration.ofDays(2)), Instant.now().plus(Duration.ofDays(9)))
                .build();
        assertEquals(List.of("not-yet-valid"), problems(json(ServerTls.context(future), "--ca-file", ca())));
    }

    @Test
    void namesAHostnameMismatchWithTheNamesOffered() throws Exception {
        IssuedCertificate other = new CertificateBuilder().commonName("api.example.test").addSubjectAltName("api.example.test")
                .signedBy(pki.root()).build();
        JsonNode r = json(ServerTls.context(other), "--ca-file", ca());
        assertEquals(List.of("hostname-mismatch"), problems(r));
        String why = r.get("problemDetails").get(0).get("explanation").asText();
        assertTrue(why.contains("asked for localhost") && why.contains("api.example.test"), why);
    }

    @Test
    void namesASelfSignedLeaf() throws Exception {
        IssuedCertificate selfSigned = new CertificateBuilder().addSubjectAltName("localhost").build();
        JsonNode r = json(ServerTls.context(selfSigned));
        assertEquals(List.of("self-signed"), problems(r));
        assertEquals(selfSigned.sha256(), r.get("chain").get(0).get("sha256").asText());
    }

    @Test
    void saysWhichCertificateIsMissingFromAnIncompleteChain() throws Exception {
        JsonNode r = json(ServerTls.context(pki.leafUnderIntermediate()), "--ca-file", ca());
        assertEquals(List.of("unknown-issuer"), problems(r));
        String why = r.get("problemDetails").get(0).get("explanation").asText();
        assertTrue(why.contains("\"Sockscope Test Intermediate\", an intermediate certificate the server did not send"), why);
        assertEquals(1, r.get("chain").size());
    }

    @Test
    void describesAnRsaKey() throws Exception {
        IssuedCertificate rsa = pki.leaf().rsa(2048).build();
        JsonNode leaf = json(ServerTls.context(rsa), "--ca-file", ca()).get("chain").get(0);
        assertEquals("RSA", leaf.get("keyAlgorithm").asText());
        assertEquals(2048, leaf.get("keySize").asInt());
        assertEquals("SHA256withECDSA", leaf.get("signatureAlgorithm").asText(), "signed by the EC root");
    }

    @Test
    void matchesOpensslFingerprintsForAChainOpensslMade() throws Exception {
        OpenSsl.makeChain(dir);
        try (OpenSsl.Server server = new OpenSsl.Server(dir)) {
            CliRun run = run("tls", "https://localhost:" + server.port(), "--json", "--ca-file", dir.resolve("ca.pem").toString());
            assertEquals(0, run.exit(), run.err());
            JsonNode r = JSON.readTree(run.out());
            assertTrue(r.get("trusted").asBoolean(), r.toString());
            assertEquals(OpenSsl.fingerprint(dir, "leaf.pem", "sha256"), r.get("chain").get(0).get("sha256").asText());
            assertEquals(OpenSsl.fingerprint(dir, "leaf.pem", "sha1"), r.get("chain").get(0).get("sha1").asText());
            assertEquals(OpenSsl.fingerprint(dir, "ca.pem", "sha256"), r.get("trustAnchor").get("sha256").asText());
            assertTrue(r.get("handshake").isNull(), "https:// is TLS only");
        }
    }

    @Test
    void showsTheStatusHeadersAndBodyOfAFailedUpgrade() throws Exception {
        String body = "{\"error\":\"forbidden origin\"}";
        try (RawServer server = RawServer.answering("HTTP/1.1 403 Forbidden\r\nX-Reason: origin\r\nContent-Length: "
                + body.length() + "\r\n\r\n" + body)) {
            CliRun run = run("tls", "ws://127.0.0.1:" + server.port() + "/", "--json");
            assertEquals(0, run.exit(), run.err());
            JsonNode r = JSON.readTree(run.out());
            JsonNode response = r.get("handshake").get("response");
            assertEquals(403, response.get("status").asInt());
            assertEquals("X-Reason", response.get("headers").get(0).get(0).asText());
            assertEquals(body, response.get("body").asText());
            assertTrue(r.get("protocol").isNull(), "plain ws:// has no TLS");
        }
    }

    @Test
    void printsAReadableReportAndExitsOneWhenItCannotConnect() throws Exception {
        try (EchoServer server = EchoServer.tls(ServerTls.context(pki.expiredLeaf()))) {
            CliRun run = run("tls", "wss://localhost:" + server.boundPort(), "--ca-file", ca());
            assertEquals(0, run.exit(), run.err());
            assertTrue(run.out().contains("Verdict    NOT trusted"), run.out());
            assertTrue(run.out().contains("problem  expired"), run.out());
            assertTrue(run.out().contains("SHA-256"), run.out());
        }
        try (RefusingPort refusing = new RefusingPort()) {
            int port = refusing.port();
            CliRun refused = run("tls", "wss://127.0.0.1:" + port);
            assertEquals(1, refused.exit());
            assertEquals("sockscope: connection refused: 127.0.0.1:" + port, refused.err().strip());
        }
    }

    @Test
    void jsonSaysWhyWhenNothingCouldBeInspected() throws Exception {
        try (RefusingPort refusing = new RefusingPort()) {
            String url = "wss://127.0.0.1:" + refusing.port() + "/";
            CliRun refused = run("tls", url, "--json");
            assertEquals(1, refused.exit());
            JsonNode error = JSON.readTree(refused.out());
            assertEquals(url, error.get("url").asText());
            assertEquals("refused", error.at("/error/kind").asText());
            assertEquals("connection refused: 127.0.0.1:" + refusing.port(), error.at("/error/message").asText());
            assertEquals("sockscope: connection refused: 127.0.0.1:" + refusing.port(), refused.err().strip(),
                    "the line on stderr stays");
        }
        CliRun usage = run("tls", "no-scheme", "--json");
        assertEquals(2, usage.exit());
        assertEquals("usage", JSON.readTree(usage.out()).at("/error/kind").asText());
    }
}
