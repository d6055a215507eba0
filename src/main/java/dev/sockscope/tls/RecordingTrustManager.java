package dev.sockscope.tls;

import dev.sockscope.core.ChainProblem;
import dev.sockscope.core.FailureKind;
import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
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

    private final boolean acceptRefused;

    RecordingTrustManager(X509ExtendedTrustManager pkix, Set<String> pins) {
        this(pkix, pins, false);
    }

    /**
     * @param acceptRefused records why a chain is not trusted but lets the handshake go on: the
     *     proxy's per-host exception (--insecure-upstream), never a global switch
     */
    RecordingTrustManager(X509ExtendedTrustManager pkix, Set<String> pins, boolean acceptRefused) {
        this.pkix = pkix;
        this.pins = pins;
        this.acceptRefused = acceptRefused;
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
            if (acceptRefused) {
                return;
            }
            throw new CertificateException(refused.refusal().phrase() + ": " + refused.reason(), e);
        }
    }

    /**
     * Turns a PKIX failure into the one reason a user can act on: the first problem the chain
     * analysis finds (the certificate view lists them all), or PKIX's own words for a rule the
     * analysis does not check.
     */
    TrustVerdict explain(List<X509Certificate> chain, String host, CertificateException failure) {
        List<ChainProblem> problems = ChainAnalyzer.analyze(chain, host, pkix.getAcceptedIssuers(), Instant.now()).problems();
        if (problems.isEmpty()) {
            return new TrustVerdict(chain, FailureKind.TLS_UNTRUSTED, String.valueOf(failure.getMessage()), false, "", "");
        }
        ChainProblem first = problems.get(0);
        FailureKind kind = switch (first.kind()) {
            case EXPIRED -> FailureKind.TLS_EXPIRED;
            case NOT_YET_VALID -> FailureKind.TLS_NOT_YET_VALID;
            case HOSTNAME_MISMATCH -> FailureKind.TLS_HOSTNAME;
            default -> FailureKind.TLS_UNTRUSTED;
        };
        return new TrustVerdict(chain, kind, first.explanation(), false, "", "");
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
