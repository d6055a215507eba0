package dev.sockscope.testing;

import dev.sockscope.tls.CertificateBuilder;
import dev.sockscope.tls.IssuedCertificate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** A certificate authority made for one test, with helpers for the leaves tests need. */
public final class TestPki {
    private final IssuedCertificate root;
    private IssuedCertificate intermediate;

    public TestPki() {
        this.root = new CertificateBuilder().commonName("Sockscope Test Root").organization("Sockscope Tests")
                .certificateAuthority(1).validity(Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(365)))
                .build();
    }

    public IssuedCertificate root() {
        return root;
    }

    /** A valid leaf for localhost and 127.0.0.1. */
    public IssuedCertificate localhostLeaf() {
        return leaf().build();
    }

    public CertificateBuilder leaf() {
        return new CertificateBuilder().commonName("localhost").addSubjectAltName("localhost")
                .addSubjectAltName("127.0.0.1").signedBy(root);
    }

    /** An intermediate CA under the root, and a leaf for localhost signed by it. */
    public IssuedCertificate intermediate() {
        if (intermediate == null) {
            intermediate = new CertificateBuilder().commonName("Sockscope Test Intermediate").organization("Sockscope Tests")
                    .certificateAuthority(0).signedBy(root).build();
        }
        return intermediate;
    }

    public IssuedCertificate leafUnderIntermediate() {
        return new CertificateBuilder().commonName("localhost").addSubjectAltName("localhost")
                .addSubjectAltName("127.0.0.1").signedBy(intermediate()).build();
    }

    public IssuedCertificate expiredLeaf() {
        return leaf().validity(Instant.now().minus(Duration.ofDays(30)), Instant.now().minus(Duration.ofDays(1))).build();
    }

    /** Writes the root as PEM, the way a user's --ca-file looks. */
    public Path writeRootPem(Path dir) throws IOException {
        Path file = dir.resolve("test-root.pem");
        Files.writeString(file, root.certificatePem());
        return file;
    }
}
