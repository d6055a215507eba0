package dev.sockscope.tls;

import dev.sockscope.core.FailureKind;
import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.text.SimpleDateFormat;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TimeZone;
import java.util.stream.Collectors;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Checks a server's chain with the JDK's PKIX rules (hostname included, via the socket's
 * endpoint identification), accepts a chain whose leaf the user pinned, and records what it saw
 * so the failure can be explained and the chain shown even when it was refused.
 */
final class RecordingTrustManager extends X509ExtendedTrustManager {
    private final X509ExtendedTrustManager pkix;
    private final Set<String> pins;
    private volatile TrustVerdict verdict;

    RecordingTrustManager(X509ExtendedTrustManager pkix, Set<String> pins) {
        this.pkix = pkix;
        this.pins = pins;
    }

    TrustVerdict verdict() {
        return verdict;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        javax.net.ssl.SSLSession session = socket instanceof javax.net.ssl.SSLSocket ssl ? ssl.getHandshakeSession() : null;
        check(chain, session, () -> pkix.checkServerTrusted(chain, authType, socket));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        check(chain, engine.getHandshakeSession(), () -> pkix.checkServerTrusted(chain, authType, engine));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain, (javax.net.ssl.SSLSession) null, () -> pkix.checkServerTrusted(chain, authType));
    }

    private interface Check {
        void run() throws CertificateException;
    }

    private void check(X509Certificate[] chain, javax.net.ssl.SSLSession session, Check pkixCheck) throws CertificateException {
        List<X509Certificate> certs = Arrays.asList(chain);
        String host = session == null ? null : session.getPeerHost();
        String protocol = session == null ? "" : session.getProtocol();
        String suite = session == null ? "" : session.getCipherSuite();
        try {
            pkixCheck.run();
            verdict = new TrustVerdict(certs, null, "", false, protocol, suite);
        } catch (CertificateException e) {
            if (chain.length > 0 && pins.contains(Fingerprints.sha256(chain[0]))) {
                verdict = new TrustVerdict(certs, null, "pinned by the user", true, protocol, suite);
                return;
            }
            TrustVerdict explained = explain(certs, host, e);
            TrustVerdict refused = new TrustVerdict(certs, explained.refusal(), explained.reason(), false, protocol, suite);
            verdict = refused;
            throw new CertificateException(refused.refusal().phrase() + ": " + refused.reason(), e);
        }
    }

    /** Turns a PKIX failure into the one reason a user can act on. */
    static TrustVerdict explain(List<X509Certificate> chain, String host, CertificateException failure) {
        for (X509Certificate cert : chain) {
            try {
                cert.checkValidity();
            } catch (CertificateExpiredException e) {
                return new TrustVerdict(chain, FailureKind.TLS_EXPIRED,
                        subject(cert) + " expired on " + date(cert.getNotAfter()), false, "", "");
            } catch (CertificateNotYetValidException e) {
                return new TrustVerdict(chain, FailureKind.TLS_NOT_YET_VALID,
                        subject(cert) + " is valid only from " + date(cert.getNotBefore()), false, "", "");
            }
        }
        String message = String.valueOf(failure.getMessage());
        if (message.contains("No subject alternative") || message.contains("No name matching")) {
            return new TrustVerdict(chain, FailureKind.TLS_HOSTNAME,
                    "asked for " + (host == null ? "this host" : host) + ", the certificate is for " + names(chain.get(0)), false, "", "");
        }
        X509Certificate leaf = chain.isEmpty() ? null : chain.get(0);
        X509Certificate top = chain.isEmpty() ? null : chain.get(chain.size() - 1);
        String why = leaf == null ? "the server sent no certificate"
                : chain.size() == 1 && leaf.getSubjectX500Principal().equals(leaf.getIssuerX500Principal())
                        ? subject(leaf) + " is self-signed"
                        : "issuer " + top.getIssuerX500Principal().getName() + " is not a trusted authority";
        return new TrustVerdict(chain, FailureKind.TLS_UNTRUSTED, why, false, "", "");
    }

    private static String subject(X509Certificate cert) {
        return cert.getSubjectX500Principal().getName();
    }

    private static String date(java.util.Date date) {
        SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT);
        format.setTimeZone(TimeZone.getTimeZone("UTC"));
        return format.format(date);
    }

    private static String names(X509Certificate cert) {
        try {
            Collection<List<?>> sans = cert.getSubjectAlternativeNames();
            if (sans == null || sans.isEmpty()) {
                return subject(cert) + " (no subject alternative names)";
            }
            return sans.stream().map(san -> String.valueOf(san.get(1))).collect(Collectors.joining(", "));
        } catch (java.security.cert.CertificateParsingException e) {
            return subject(cert);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        pkix.checkClientTrusted(chain, authType, socket);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        pkix.checkClientTrusted(chain, authType, engine);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        pkix.checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return pkix.getAcceptedIssuers();
    }
}
