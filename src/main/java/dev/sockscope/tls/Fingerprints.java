package dev.sockscope.tls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;

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
        return digest("SHA-256", der);
    }

    public static String sha1(byte[] der) {
        return digest("SHA-1", der);
    }

    private static String digest(String algorithm, byte[] der) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(der));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is missing from this JDK", e);
        }
    }
}
