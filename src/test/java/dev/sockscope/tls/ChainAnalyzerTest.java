package dev.sockscope.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockscope.core.ChainProblem;
import dev.sockscope.core.TrustProblem;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainAnalyzerTest {
    private final IssuedCertificate root = new CertificateBuilder().commonName("Root").certificateAuthority(1).rsa(2048).build();

    private List<TrustProblem> kinds(List<X509Certificate> chain, String host) {
        return ChainAnalyzer.analyze(chain, host, new X509Certificate[] {root.certificate()}, Instant.now())
                .problems().stream().map(ChainProblem::kind).toList();
    }

    @Test
    void acceptsAGoodChainAndNamesItsAnchor() {
        IssuedCertificate leaf = new CertificateBuilder().addSubjectAltName("a.example.test").signedBy(root).build();
        var result = ChainAnalyzer.analyze(List.of(leaf.certificate()), "a.example.test",
                new X509Certificate[] {root.certificate()}, Instant.now());
        assertEquals(List.of(), result.problems());
        assertEquals(root.certificate(), result.anchor());
    }

    @Test
    void reportsEveryProblemAtOnce() {
        IssuedCertificate weak = new CertificateBuilder().addSubjectAltName("other.test").rsa(1024)
                .validity(Instant.now().minus(Duration.ofDays(10)), Instant.now().minus(Duration.ofDays(1))).build();
        List<TrustProblem> found = kinds(List.of(weak.certificate()), "a.example.test");
        assertTrue(found.containsAll(List.of(TrustProblem.EXPIRED, TrustProblem.HOSTNAME_MISMATCH, TrustProblem.SELF_SIGNED,
                TrustProblem.WEAK_KEY)), found.toString());
    }

    @Test
    void flagsASha1SignatureBelowTheRoot() {
        IssuedCertificate sha1 = new CertificateBuilder().addSubjectAltName("a.example.test").signedBy(root)
                .signatureAlgorithm("SHA1withRSA").build();
        assertEquals(List.of(TrustProblem.WEAK_SIGNATURE), kinds(List.of(sha1.certificate()), "a.example.test"));
    }

    @Test
    void aLeafFromAPrivateAuthorityIsSaidToBeFromAnUntrustedIssuerNotAnIncompleteChain() {
        IssuedCertificate privateRoot = new CertificateBuilder().commonName("mkcert dev CA").certificateAuthority(0).build();
        IssuedCertificate leaf = new CertificateBuilder().addSubjectAltName("a.example.test").signedBy(privateRoot).build();
        var result = ChainAnalyzer.analyze(List.of(leaf.certificate()), "a.example.test",
                new X509Certificate[] {root.certificate()}, Instant.now());
        String why = result.problems().get(0).explanation();
        assertTrue(why.contains("issued by \"mkcert dev CA\", which this computer does not trust"), why);
        assertFalse(why.contains("did not send"), "the server is not to blame: " + why);
    }

    @Test
    void namesTheMissingIntermediateWhenTheChainIsIncomplete() {
        IssuedCertificate intermediate = new CertificateBuilder().commonName("Issuing CA").certificateAuthority(0)
                .signedBy(root).build();
        IssuedCertificate leaf = new CertificateBuilder().addSubjectAltName("a.example.test").signedBy(intermediate)
                .caIssuersUrl("http://ca.example.test/issuing.crt").build();
        var result = ChainAnalyzer.analyze(List.of(leaf.certificate()), "a.example.test",
                new X509Certificate[] {root.certificate()}, Instant.now());
        assertEquals(TrustProblem.UNKNOWN_ISSUER, result.problems().get(0).kind());
        String why = result.problems().get(0).explanation();
        assertTrue(why.contains("\"Issuing CA\", an intermediate certificate the server did not send"), why);
        assertNull(result.anchor());
        assertEquals(List.of(), kinds(List.of(leaf.certificate(), intermediate.certificate()), "a.example.test"),
                "with the intermediate sent, the chain is complete");
    }

    @Test
    void matchesHostNamesAsBrowsersDo() {
        assertTrue(HostnameMatcher.dnsMatches("*.example.test", "api.example.test"));
        assertFalse(HostnameMatcher.dnsMatches("*.example.test", "example.test"));
        assertFalse(HostnameMatcher.dnsMatches("*.example.test", "a.b.example.test"));
        assertFalse(HostnameMatcher.dnsMatches("*.test", "example.test"), "no wildcard right under a top-level label");
        assertTrue(HostnameMatcher.dnsMatches("example.test.", "example.test"));
        IssuedCertificate ipOnly = new CertificateBuilder().commonName("127.0.0.1").addSubjectAltName("::1").build();
        assertTrue(HostnameMatcher.matches(ipOnly.certificate(), "0:0:0:0:0:0:0:1"));
        assertFalse(HostnameMatcher.matches(ipOnly.certificate(), "127.0.0.1"), "the CN is ignored once there are SANs");
        IssuedCertificate cnOnly = new CertificateBuilder().commonName("legacy.example.test").build();
        assertTrue(HostnameMatcher.matches(cnOnly.certificate(), "legacy.example.test"), "CN only without any SAN");
    }
}
