package dev.sockscope.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockscope.core.CaInfo;
import dev.sockscope.testing.OpenSsl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-install CA: made once with a key only its owner can read, reused after, replaced on
 * demand, refused with a way on when damaged; its leaves checked by openssl, the real verifier.
 */
class LocalCaTest {
    @TempDir
    Path dir;

    @Test
    void isMadeOnFirstUseWithAKeyOnlyItsOwnerCanReadAndReusedAfter() throws Exception {
        Path caDir = dir.resolve("ca");
        LocalCa first = LocalCa.loadOrCreate(caDir, "devbox");
        CaInfo info = first.info();
        assertTrue(info.created());
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(caDir)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(first.keyFile())));
        assertTrue(info.subject().startsWith("CN=Sockscope CA (devbox) 20"), info.subject());
        assertTrue(Duration.between(info.notBefore(), info.notAfter()).toDays() >= 3650);
        assertEquals(OpenSsl.fingerprint(caDir, LocalCa.CERTIFICATE_FILE, "sha256"), info.sha256());
        assertFalse(first.isExpiringSoon(Instant.now()));
        assertTrue(first.isExpiringSoon(Instant.now().plus(Duration.ofDays(3600))));

        LocalCa again = LocalCa.loadOrCreate(caDir, "devbox");
        assertFalse(again.info().created());
        assertEquals(info.sha256(), again.info().sha256(), "a second start reuses the CA");
        assertEquals(first.certificate().keyPair().getPrivate(), again.certificate().keyPair().getPrivate());
        try (var files = Files.list(caDir)) {
            assertEquals(List.of(LocalCa.KEY_FILE, LocalCa.CERTIFICATE_FILE),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary files left");
        }
    }

    @Test
    void theSpkiPinIsTheOneOpensslComputes() throws Exception {
        Path caDir = dir.resolve("ca");
        CaInfo info = LocalCa.loadOrCreate(caDir, "devbox").info();
        String pin = OpenSsl.run(caDir, "sh", "-c", "openssl x509 -in " + LocalCa.CERTIFICATE_FILE
                + " -pubkey -noout | openssl pkey -pubin -outform der | openssl dgst -sha256 -binary | base64").strip();
        assertEquals(pin, info.spkiSha256());
    }

    @Test
    void aNewOneReplacesTheOldAndAKeyReadableByOthersIsTightened() throws Exception {
        Path caDir = dir.resolve("ca");
        LocalCa old = LocalCa.loadOrCreate(caDir, "devbox");
        LocalCa fresh = LocalCa.create(caDir, "devbox", List.of());
        assertNotEquals(old.info().sha256(), fresh.info().sha256());
        assertEquals(fresh.info().sha256(), LocalCa.loadOrCreate(caDir, "devbox").info().sha256());

        Files.setPosixFilePermissions(fresh.keyFile(), PosixFilePermissions.fromString("rw-r--r--"));
        LocalCa.loadOrCreate(caDir, "devbox");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh.keyFile())));
    }

    @Test
    void damagedFilesAreRefusedWithAWayOn() throws Exception {
        Path caDir = dir.resolve("ca");
        LocalCa.loadOrCreate(caDir, "devbox");
        Files.writeString(caDir.resolve(LocalCa.KEY_FILE), "-----BEGIN PRIVATE KEY-----\nnot base64 at all\n");
        IOException garbage = assertThrows(IOException.class, () -> LocalCa.loadOrCreate(caDir, "devbox"));
        assertTrue(garbage.getMessage().startsWith("the certificate authority in " + caDir + " cannot be used: "),
                garbage.getMessage());
        assertTrue(garbage.getMessage().endsWith("`sockscope ca regenerate --yes` makes a new one (apps that trusted the"
                + " old one must be given the new one)"), garbage.getMessage());

        IssuedCertificate other = new CertificateBuilder().certificateAuthority(0).build();
        Files.writeString(caDir.resolve(LocalCa.KEY_FILE), other.privateKeyPem());
        IOException mismatch = assertThrows(IOException.class, () -> LocalCa.loadOrCreate(caDir, "devbox"));
        assertTrue(mismatch.getMessage().contains("the key does not belong to the certificate"), mismatch.getMessage());

        Files.delete(caDir.resolve(LocalCa.CERTIFICATE_FILE));
        IOException missing = assertThrows(IOException.class, () -> LocalCa.loadOrCreate(caDir, "devbox"));
        assertTrue(missing.getMessage().contains(LocalCa.CERTIFICATE_FILE + " is missing"), missing.getMessage());
    }

    @Test
    void leavesNameTheirHostShareOneKeyAndVerifyWithOpenssl() throws Exception {
        Path caDir = dir.resolve("ca");
        LocalCa ca = LocalCa.loadOrCreate(caDir, "devbox");
        LeafIssuer leaves = new LeafIssuer(ca.certificate());
        IssuedCertificate dns = leaves.forHost("API.Example.TEST.");
        IssuedCertificate ip = leaves.forHost("127.0.0.1");
        IssuedCertificate v6 = leaves.forHost("[::1]");
        assertSame(dns, leaves.forHost("api.example.test"), "kept per host");
        assertEquals(3, leaves.cached());
        assertEquals(dns.keyPair().getPublic(), ip.keyPair().getPublic(), "one leaf key for every host");

        X509Certificate cert = dns.certificate();
        Instant from = cert.getNotBefore().toInstant();
        Instant until = cert.getNotAfter().toInstant();
        assertTrue(from.isBefore(Instant.now().minus(Duration.ofMinutes(59))), "backdated for clock skew");
        assertTrue(Duration.between(from, until).compareTo(LeafIssuer.VALIDITY.plus(LeafIssuer.BACKDATE)) <= 0, "short-lived");

        Files.writeString(dir.resolve("dns.pem"), dns.certificatePem());
        Files.writeString(dir.resolve("ip.pem"), ip.certificatePem());
        Files.writeString(dir.resolve("v6.pem"), v6.certificatePem());
        Path caPem = ca.certificateFile();
        assertTrue(OpenSsl.run(dir, "openssl", "verify", "-CAfile", caPem.toString(), "-purpose", "sslserver",
                "-verify_hostname", "api.example.test", "dns.pem").contains("dns.pem: OK"));
        assertTrue(OpenSsl.run(dir, "openssl", "verify", "-CAfile", caPem.toString(), "-verify_ip", "127.0.0.1", "ip.pem")
                .contains("ip.pem: OK"));
        assertTrue(OpenSsl.run(dir, "openssl", "verify", "-CAfile", caPem.toString(), "-verify_ip", "::1", "v6.pem")
                .contains("v6.pem: OK"));
        assertThrows(IOException.class, () -> OpenSsl.run(dir, "openssl", "verify", "-CAfile", caPem.toString(),
                "-verify_hostname", "other.test", "dns.pem"), "a leaf is for its own host only");
    }

    @Test
    void aNameConstrainedCaSignsOnlyForItsNames() throws Exception {
        Path caDir = dir.resolve("ca");
        LocalCa ca = LocalCa.create(caDir, "devbox", List.of("localhost", "*.test", "127.0.0.1"));
        assertEquals(List.of("localhost", "test", "127.0.0.1"), ca.info().permittedNames());
        LeafIssuer leaves = new LeafIssuer(ca.certificate());
        Files.writeString(dir.resolve("inside.pem"), leaves.forHost("api.test").certificatePem());
        Files.writeString(dir.resolve("outside.pem"), leaves.forHost("example.com").certificatePem());
        String caPem = ca.certificateFile().toString();
        assertTrue(OpenSsl.run(dir, "openssl", "verify", "-CAfile", caPem, "inside.pem").contains("inside.pem: OK"));
        IOException refused = assertThrows(IOException.class, () -> OpenSsl.run(dir, "openssl", "verify", "-CAfile", caPem,
                "outside.pem"));
        assertTrue(refused.getMessage().contains("permitted subtree violation"), refused.getMessage());
    }
}
