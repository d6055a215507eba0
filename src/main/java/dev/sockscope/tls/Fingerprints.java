package dev.sockscope.tls;

import dev.sockscope.core.Digests;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;

/** Certificate fingerprints as lowercase hex without separators, as our JSON and pins use them. */
public final class Fingerprints {
    private Fingerprints() {
    }

    public static String sha256(X509Certificate certificate) {
        try {
            return sha256(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("certificate cannot be encoded", e);
        }
    }

    public static String sha256(byte[] der) {
        return Digests.sha256(der);
    }
}
