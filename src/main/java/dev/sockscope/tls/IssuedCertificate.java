package dev.sockscope.tls;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

/** A certificate together with its key pair, as made by {@link CertificateBuilder}. */
public record IssuedCertificate(X509Certificate certificate, KeyPair keyPair) {

    public String certificatePem() {
        return pem(certificate);
    }

    /** PKCS#8 ("BEGIN PRIVATE KEY"), which openssl, Python and Node all read. */
    public String privateKeyPem() {
        try {
            return pem(new JcaPKCS8Generator(keyPair.getPrivate(), null));
        } catch (org.bouncycastle.util.io.pem.PemGenerationException e) {
            throw new IllegalStateException("cannot encode the private key", e);
        }
    }

    public String sha256() {
        return Fingerprints.sha256(certificate);
    }

    static String pem(Object object) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
