package dev.sockscope.tls;

import dev.sockscope.core.CertificateInfo;
import dev.sockscope.core.TlsInfo;
import dev.sockscope.core.TlsReport;
import dev.sockscope.core.TrustOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Turns a captured TLS session into the report the certificate view and `sockscope tls` show. */
public final class TlsInspector {
    private TlsInspector() {
    }

    /**
     * Parses the chain, checks it against the trust the connection used, and explains the verdict.
     * Crypto work: call it off the FX thread.
     *
     * @throws IOException or GeneralSecurityException when the CA file cannot be read
     */
    public static TlsReport report(TlsInfo session, String host, TrustOptions trust) throws IOException, GeneralSecurityException {
        List<X509Certificate> chain = parse(session.chainDer());
        X509Certificate[] anchors = TrustStores.trustManager(trust.caFile()).getAcceptedIssuers();
        ChainAnalyzer.Result verdict = ChainAnalyzer.analyze(chain, host, anchors, Instant.now());
        boolean pinned = !chain.isEmpty() && trust.pinnedSha256().contains(Fingerprints.sha256(chain.get(0)));
        List<CertificateInfo> infos = chain.stream().map(CertificateInspector::inspect).toList();
        CertificateInfo anchor = verdict.anchor() == null ? null : CertificateInspector.inspect(verdict.anchor());
        return new TlsReport(session.protocol(), session.cipherSuite(), session.alpn(), session.sniHost(), session.resumed(),
                host, session.peerAddress(), infos, anchor, verdict.problems(), pinned);
    }

    static List<X509Certificate> parse(List<byte[]> der) throws GeneralSecurityException {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        List<X509Certificate> out = new ArrayList<>();
        for (byte[] bytes : der) {
            out.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(bytes)));
        }
        return out;
    }
}
