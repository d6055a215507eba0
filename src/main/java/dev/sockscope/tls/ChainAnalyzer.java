package dev.sockscope.tls;

import dev.sockscope.core.ChainProblem;
import dev.sockscope.core.TrustProblem;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Says everything that is wrong with a chain, not just the first thing PKIX stumbled on:
 * validity of each certificate, the host name, the path to a trusted root (naming a missing
 * intermediate), self-signed leaves, weak keys and weak signatures.
 */
final class ChainAnalyzer {
    /** The Authority Information Access extension (RFC 5280 §4.2.2.1). */
    private static final String AUTHORITY_INFO_ACCESS = "1.3.6.1.5.5.7.1.1";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** The verdict: problems found and the trusted root the chain leads to (null when none). */
    record Result(List<ChainProblem> problems, X509Certificate anchor) {
    }

    private ChainAnalyzer() {
    }

    static Result analyze(List<X509Certificate> chain, String host, X509Certificate[] anchors, Instant now) {
        List<ChainProblem> problems = new ArrayList<>();
        if (chain.isEmpty()) {
            problems.add(new ChainProblem(TrustProblem.UNKNOWN_ISSUER, "the server sent no certificate", -1));
            return new Result(problems, null);
        }
        validity(chain, now, problems);
        if (host != null && !host.isEmpty() && !HostnameMatcher.matches(chain.get(0), host)) {
            problems.add(new ChainProblem(TrustProblem.HOSTNAME_MISMATCH, "asked for " + host + "; the certificate is for "
                    + String.join(", ", HostnameMatcher.names(chain.get(0))), 0));
        }
        X509Certificate anchor = path(chain, anchors, problems);
        strength(chain, anchor, problems);
        return new Result(problems, anchor);
    }

    private static void validity(List<X509Certificate> chain, Instant now, List<ChainProblem> problems) {
        for (int i = 0; i < chain.size(); i++) {
            X509Certificate cert = chain.get(i);
            if (now.isAfter(cert.getNotAfter().toInstant())) {
                problems.add(new ChainProblem(TrustProblem.EXPIRED, name(cert) + " expired on "
                        + DAY.format(cert.getNotAfter().toInstant()), i));
            } else if (now.isBefore(cert.getNotBefore().toInstant())) {
                problems.add(new ChainProblem(TrustProblem.NOT_YET_VALID, name(cert) + " is valid only from "
                        + DAY.format(cert.getNotBefore().toInstant()), i));
            }
        }
    }

    /** Walks from the leaf up; returns the trusted root reached, or null after saying why not. */
    private static X509Certificate path(List<X509Certificate> chain, X509Certificate[] anchors, List<ChainProblem> problems) {
        for (int i = 0; i < chain.size(); i++) {
            X509Certificate cert = chain.get(i);
            for (X509Certificate anchor : anchors) {
                if (anchor.equals(cert) || issued(anchor, cert)) {
                    return anchor;
                }
            }
            if (selfSigned(cert)) {
                problems.add(i == 0
                        ? new ChainProblem(TrustProblem.SELF_SIGNED, name(cert) + " is self-signed and not a trusted root", 0)
                        : new ChainProblem(TrustProblem.UNKNOWN_ISSUER, "the chain ends at " + name(cert)
                                + ", a root this computer does not trust", i));
                return null;
            }
            boolean next = i + 1 < chain.size() && issued(chain.get(i + 1), cert);
            if (!next) {
                problems.add(new ChainProblem(TrustProblem.UNKNOWN_ISSUER, missingIssuer(cert), i));
                return null;
            }
        }
        return null;
    }

    /**
     * Why the issuer of {@code cert} is missing, without blaming the wrong side. A certificate from a
     * public authority names where its issuer can be fetched (Authority Information Access): its
     * issuer is an intermediate the server should have sent (so is one whose issuer is named as an
     * intermediate). One without either is most often from a private authority (mkcert, a company
     * CA) that this computer was never told to trust.
     */
    private static String missingIssuer(X509Certificate cert) {
        String issuer = issuerName(cert);
        String lower = issuer.toLowerCase(java.util.Locale.ROOT);
        boolean namedIntermediate = lower.contains("intermediate") || lower.contains("issuing") || lower.contains("subordinate");
        if (cert.getExtensionValue(AUTHORITY_INFO_ACCESS) != null || namedIntermediate) {
            return name(cert) + " was issued by " + issuer + ", an intermediate certificate the server did not send"
                    + " (an incomplete chain: the server should send it after its own)";
        }
        return name(cert) + " was issued by " + issuer + ", which this computer does not trust (a private or unknown"
                + " authority: give its certificate as a CA file to trust it)";
    }

    /** The issuer's common name when it has one, else its whole name. */
    private static String issuerName(X509Certificate cert) {
        String dn = cert.getIssuerX500Principal().getName();
        List<String> cns = DistinguishedNames.commonNames(dn);
        return cns.isEmpty() ? dn : "\"" + cns.get(0) + "\"";
    }

    private static void strength(List<X509Certificate> chain, X509Certificate anchor, List<ChainProblem> problems) {
        for (int i = 0; i < chain.size(); i++) {
            X509Certificate cert = chain.get(i);
            if (cert.equals(anchor)) {
                continue;
            }
            String weakKey = weakKey(cert.getPublicKey());
            if (weakKey != null) {
                problems.add(new ChainProblem(TrustProblem.WEAK_KEY, name(cert) + " has a weak key: " + weakKey, i));
            }
            String algorithm = cert.getSigAlgName().toUpperCase(Locale.ROOT);
            // A root's own signature is never checked, so only signatures below it matter.
            if (!selfSigned(cert) && (algorithm.contains("MD5") || algorithm.startsWith("SHA1") || algorithm.contains("MD2"))) {
                problems.add(new ChainProblem(TrustProblem.WEAK_SIGNATURE, name(cert) + " is signed with "
                        + cert.getSigAlgName() + ", which can be forged", i));
            }
        }
    }

    private static String weakKey(PublicKey key) {
        if (key instanceof RSAKey rsa && rsa.getModulus().bitLength() < 2048) {
            return "RSA " + rsa.getModulus().bitLength() + " bits (at least 2048 expected)";
        }
        if (key instanceof ECKey ec && ec.getParams().getCurve().getField().getFieldSize() < 224) {
            return "EC " + ec.getParams().getCurve().getField().getFieldSize() + " bits (at least 256 expected)";
        }
        if ("DSA".equals(key.getAlgorithm())) {
            return "DSA, which TLS no longer accepts";
        }
        return null;
    }

    static boolean issued(X509Certificate issuer, X509Certificate cert) {
        if (!issuer.getSubjectX500Principal().equals(cert.getIssuerX500Principal())) {
            return false;
        }
        try {
            cert.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    static boolean selfSigned(X509Certificate cert) {
        return issued(cert, cert);
    }

    private static String name(X509Certificate cert) {
        return cert.getSubjectX500Principal().getName();
    }
}
