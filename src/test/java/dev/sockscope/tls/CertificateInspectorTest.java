package dev.sockscope.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sockscope.core.CertificateInfo;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateInspectorTest {
    private static final Path OPENSSL = Path.of("/usr/bin/openssl");

    /** Two SCTs of 3 bytes each behind the list's 2-byte total length (10). */
    private static final byte[] TWO_SCTS = HexFormat.of().parseHex("000a00030102030003040506");

    @Test
    void readsAnEcLeafMadeByTheBuilder() {
        IssuedCertificate root = new CertificateBuilder().commonName("Inspector Root").organization("Sockscope Tests")
                .certificateAuthority(1).build();
        IssuedCertificate leaf = new CertificateBuilder().commonName("leaf.test").addSubjectAltName("leaf.test")
                .addSubjectAltName("127.0.0.1").addSubjectAltName("::1").signedBy(root).build();

        CertificateInfo info = CertificateInspector.inspect(leaf.certificate());

        assertEquals("CN=leaf.test", info.subject());
        assertEquals("CN=Inspector Root,O=Sockscope Tests", info.issuer());
        assertEquals(leaf.certificate().getSerialNumber().toString(16), info.serialHex());
        assertEquals(List.of("leaf.test", "127.0.0.1", "0:0:0:0:0:0:0:1"), info.subjectAltNames());
        assertEquals("EC", info.keyAlgorithm());
        assertEquals(256, info.keySize());
        assertEquals("secp256r1", info.curve());
        assertEquals("SHA256withECDSA", info.signatureAlgorithm());
        assertEquals(List.of("digitalSignature", "keyEncipherment"), info.keyUsage());
        assertEquals(List.of("serverAuth", "clientAuth"), info.extendedKeyUsage());
        assertFalse(info.certificateAuthority());
        assertEquals(-1, info.pathLength());
        assertEquals(0, info.sctCount());
        assertTrue(info.ocspUrls().isEmpty() && info.caIssuerUrls().isEmpty() && info.crlUrls().isEmpty());
    }

    @Test
    void readsAnRsaLeafSignedByAnRsaRoot() {
        IssuedCertificate root = new CertificateBuilder().commonName("RSA Root").rsa(2048).certificateAuthority(0).build();
        Instant from = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        Instant until = from.plus(Duration.ofDays(10));
        IssuedCertificate leaf = new CertificateBuilder().commonName("rsa.test").addSubjectAltName("rsa.test")
                .rsa(2048).validity(from, until).signedBy(root).build();

        CertificateInfo info = CertificateInspector.inspect(leaf.certificate());

        assertEquals("CN=rsa.test", info.subject());
        assertEquals("CN=RSA Root", info.issuer());
        assertEquals(from, info.notBefore());
        assertEquals(until, info.notAfter());
        assertEquals("RSA", info.keyAlgorithm());
        assertEquals(2048, info.keySize());
        assertEquals("", info.curve());
        assertEquals("SHA256withRSA", info.signatureAlgorithm());
        assertEquals(List.of("serverAuth", "clientAuth"), info.extendedKeyUsage());
        assertFalse(info.certificateAuthority());
    }

    @Test
    void readsCaFlagAndPathLengthOfAnAuthority() {
        IssuedCertificate root = new CertificateBuilder().commonName("Path Root").certificateAuthority(1).build();

        CertificateInfo info = CertificateInspector.inspect(root.certificate());

        assertTrue(info.certificateAuthority());
        assertEquals(1, info.pathLength());
        assertTrue(info.isSelfIssued());
        assertEquals(List.of("digitalSignature", "keyCertSign", "cRLSign"), info.keyUsage());
        assertTrue(info.extendedKeyUsage().isEmpty());
    }

    @Test
    void matchesOpensslFingerprintsAndReadsItsAccessAndCrlUrls(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(OPENSSL), "openssl is not installed");
        Path key = dir.resolve("key.pem");
        Path cert = dir.resolve("cert.pem");
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(), "-out", cert.toString(),
                "-days", "30", "-subj", "/CN=openssl.test",
                "-addext", "subjectAltName=DNS:openssl.test,IP:127.0.0.1",
                "-addext", "authorityInfoAccess=OCSP;URI:http://ocsp.example.test,caIssuers;URI:http://ca.example.test/ca.crt",
                "-addext", "crlDistributionPoints=URI:http://crl.example.test/ca.crl");

        X509Certificate parsed;
        try (InputStream in = Files.newInputStream(cert)) {
            parsed = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        CertificateInfo info = CertificateInspector.inspect(parsed);

        assertEquals(opensslFingerprint(cert, "-sha256"), info.sha256());
        assertEquals(opensslFingerprint(cert, "-sha1"), info.sha1());
        assertArrayEquals(parsed.getEncoded(), info.der());
        assertEquals("CN=openssl.test", info.subject());
        assertEquals(List.of("openssl.test", "127.0.0.1"), info.subjectAltNames());
        assertEquals(List.of("http://ocsp.example.test"), info.ocspUrls());
        assertEquals(List.of("http://ca.example.test/ca.crt"), info.caIssuerUrls());
        assertEquals(List.of("http://crl.example.test/ca.crl"), info.crlUrls());
        assertEquals(2048, info.keySize());
    }

    @Test
    void countsEmbeddedSignedCertificateTimestamps() throws Exception {
        X509Certificate cert = certificateWith(new ASN1ObjectIdentifier(CertificateInspector.SCT_LIST_OID),
                new DEROctetString(TWO_SCTS));

        assertEquals(2, CertificateInspector.inspect(cert).sctCount());
    }

    @Test
    void countsNoSctsInAMalformedList() {
        assertEquals(0, CertificateInspector.countScts(new byte[0]));
        assertEquals(0, CertificateInspector.countScts(HexFormat.of().parseHex("000b00030102030003040506")));
        assertEquals(0, CertificateInspector.countScts(HexFormat.of().parseHex("0005000901020304")));
    }

    @Test
    void givesEmptyValuesForExtensionsItCannotRead() throws Exception {
        // Well-formed DER, wrong structure: an OCTET STRING where a SEQUENCE of access descriptions belongs.
        X509Certificate cert = certificateWith(Extension.authorityInfoAccess, new DEROctetString(new byte[] {1, 2, 3}));

        CertificateInfo info = CertificateInspector.inspect(cert);

        assertTrue(info.ocspUrls().isEmpty());
        assertTrue(info.caIssuerUrls().isEmpty());
        assertEquals("CN=odd.test", info.subject());
    }

    @Test
    void prefixesEmailAndUriAlternativeNames() throws Exception {
        GeneralNames names = new GeneralNames(new GeneralName[] {
            new GeneralName(GeneralName.rfc822Name, "x@y.test"),
            new GeneralName(GeneralName.uniformResourceIdentifier, "spiffe://y.test/svc"),
            new GeneralName(GeneralName.dNSName, "y.test")});
        X509Certificate cert = certificateWith(Extension.subjectAlternativeName, names);

        assertEquals(List.of("email:x@y.test", "URI:spiffe://y.test/svc", "y.test"),
                CertificateInspector.inspect(cert).subjectAltNames());
    }

    /** A self-signed EC certificate carrying one extra, non-critical extension. */
    private static X509Certificate certificateWith(ASN1ObjectIdentifier oid, ASN1Encodable value) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        X500Name name = new X500Name("CN=odd.test");
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.TEN,
                java.util.Date.from(now), java.util.Date.from(now.plus(Duration.ofDays(1))), name, pair.getPublic());
        builder.addExtension(oid, false, value);
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
    }

    /** "sha256 Fingerprint=AB:CD:..." (openssl 3) or "SHA256 Fingerprint=..." (1.1) as lowercase hex. */
    private static String opensslFingerprint(Path cert, String digest) throws Exception {
        String line = openssl("x509", "-in", cert.toString(), "-noout", "-fingerprint", digest).strip();
        return line.substring(line.indexOf('=') + 1).replace(":", "").toLowerCase(Locale.ROOT);
    }

    private static String openssl(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(OPENSSL.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "openssl did not finish");
        String text = new String(output, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), () -> "openssl " + args[0] + " failed: " + text);
        return text;
    }
}
