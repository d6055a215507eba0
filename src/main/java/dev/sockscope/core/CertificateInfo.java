package dev.sockscope.core;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a certificate says, parsed once (by the tls layer) into plain values for views and JSON.
 *
 * @param serialHex the serial number in lowercase hex
 * @param keySize bits of the public key (RSA modulus, EC field size)
 * @param curve the named curve of an EC key, empty otherwise
 * @param pathLength the CA's path length constraint, -1 when unconstrained or not a CA
 * @param sctCount embedded Signed Certificate Timestamps (Certificate Transparency)
 * @param sha256 lowercase hex, no separators, over the DER encoding
 */
public record CertificateInfo(String subject, String issuer, String serialHex, Instant notBefore, Instant notAfter,
        List<String> subjectAltNames, String keyAlgorithm, int keySize, String curve, String signatureAlgorithm,
        List<String> keyUsage, List<String> extendedKeyUsage, boolean certificateAuthority, int pathLength,
        List<String> ocspUrls, List<String> caIssuerUrls, List<String> crlUrls, int sctCount,
        String sha256, String sha1, byte[] der) {

    public CertificateInfo {
        subjectAltNames = List.copyOf(subjectAltNames);
        keyUsage = List.copyOf(keyUsage);
        extendedKeyUsage = List.copyOf(extendedKeyUsage);
        ocspUrls = List.copyOf(ocspUrls);
        caIssuerUrls = List.copyOf(caIssuerUrls);
        crlUrls = List.copyOf(crlUrls);
    }

    /** Whole days until expiry (negative once expired). */
    public long daysLeft(Instant now) {
        return Duration.between(now, notAfter).toDays();
    }

    public boolean isExpired(Instant now) {
        return now.isAfter(notAfter);
    }

    public boolean isNotYetValid(Instant now) {
        return now.isBefore(notBefore);
    }

    /** Issuer equals subject: a root, or a self-signed leaf. */
    public boolean isSelfIssued() {
        return subject.equals(issuer);
    }
}
