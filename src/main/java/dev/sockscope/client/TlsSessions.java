package dev.sockscope.client;

import dev.sockscope.core.TlsInfo;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/** Reads the facts of a finished TLS handshake. */
final class TlsSessions {
    private TlsSessions() {
    }

    static TlsInfo describe(SSLSocket socket, String sniHost) {
        SSLSession session = socket.getSession();
        List<byte[]> chain = new ArrayList<>();
        try {
            for (Certificate cert : session.getPeerCertificates()) {
                chain.add(cert.getEncoded());
            }
        } catch (SSLPeerUnverifiedException | CertificateEncodingException e) {
            // An anonymous suite or an odd certificate: show the session without a chain.
            chain.clear();
        }
        return new TlsInfo(session.getProtocol(), session.getCipherSuite(), sniHost, chain);
    }
}
