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

    /**
     * @param handshakeStartMillis when our handshake began: a session created before it was resumed
     */
    static TlsInfo describe(SSLSocket socket, String sniHost, long handshakeStartMillis) {
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
        String alpn = socket.getApplicationProtocol();
        boolean resumed = session.getCreationTime() < handshakeStartMillis;
        return new TlsInfo(session.getProtocol(), session.getCipherSuite(), alpn, sniHost, resumed, address(socket), chain);
    }

    /** "ip:port" of the peer, as connected. */
    static String address(java.net.Socket socket) {
        java.net.InetAddress ip = socket.getInetAddress();
        return ip == null ? "" : (ip instanceof java.net.Inet6Address ? "[" + ip.getHostAddress() + "]" : ip.getHostAddress())
                + ":" + socket.getPort();
    }
}
