package dev.sockscope.tls;

import dev.sockscope.core.TrustOptions;
import java.io.IOException;
import java.security.GeneralSecurityException;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import java.util.List;

/**
 * The client side of TLS for one connection: an SSLContext that verifies the server (JDK trust
 * store, the user's CA file, pins) and remembers what it saw.
 */
public final class ClientTls {
    private final SSLContext context;
    private final RecordingTrustManager trustManager;

    private ClientTls(SSLContext context, RecordingTrustManager trustManager) {
        this.context = context;
        this.trustManager = trustManager;
    }

    /**
     * Builds the context for one connection.
     *
     * @throws IOException or GeneralSecurityException when the CA file cannot be read
     */
    public static ClientTls create(TrustOptions trust) throws IOException, GeneralSecurityException {
        return create(trust, false);
    }

    /**
     * As {@link #create(TrustOptions)}; with {@code acceptRefused} a chain that fails the check is
     * still recorded with why ({@link #verdict()}) but the handshake goes on. Only for one host the
     * user named (the proxy's --insecure-upstream).
     */
    public static ClientTls create(TrustOptions trust, boolean acceptRefused) throws IOException, GeneralSecurityException {
        X509ExtendedTrustManager pkix = TrustStores.trustManager(trust.caFile());
        RecordingTrustManager recording = new RecordingTrustManager(pkix, trust.pinnedSha256(), acceptRefused);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {recording}, null);
        return new ClientTls(context, recording);
    }

    /**
     * Layers TLS over a connected socket with hostname verification on (Java-WebSocket leaves it
     * off unless asked: CVE-2020-11050) and SNI for names, then completes the handshake.
     */
    public SSLSocket handshake(java.net.Socket plain, String host, int port) throws IOException {
        SSLSocket ssl = (SSLSocket) context.getSocketFactory().createSocket(plain, host, port, true);
        SSLParameters params = ssl.getSSLParameters();
        params.setEndpointIdentificationAlgorithm("HTTPS");
        params.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
        if (!host.matches("[0-9.]+") && !host.contains(":")) {
            params.setServerNames(List.of(new SNIHostName(host)));
        }
        ssl.setSSLParameters(params);
        ssl.startHandshake();
        return ssl;
    }

    /**
     * A client engine for {@code host}: hostname verification on, TLS 1.3 and 1.2, SNI for names,
     * offering only {@code http/1.1} (for a proxy's upstream leg, whose socket it does not own).
     */
    public javax.net.ssl.SSLEngine engine(String host, int port) {
        javax.net.ssl.SSLEngine engine = context.createSSLEngine(host, port);
        engine.setUseClientMode(true);
        SSLParameters params = engine.getSSLParameters();
        params.setEndpointIdentificationAlgorithm("HTTPS");
        params.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
        if (!host.matches("[0-9.]+") && !host.contains(":")) {
            params.setServerNames(List.of(new SNIHostName(host)));
        }
        params.setApplicationProtocols(new String[] {"http/1.1"});
        engine.setSSLParameters(params);
        return engine;
    }

    /** What a finished handshake on an engine was: protocol, suite, ALPN, the peer's chain. */
    public static dev.sockscope.core.TlsInfo describe(javax.net.ssl.SSLEngine engine, String sniHost, String peerAddress) {
        javax.net.ssl.SSLSession session = engine.getSession();
        java.util.List<byte[]> chain = new java.util.ArrayList<>();
        try {
            for (java.security.cert.Certificate cert : engine.getUseClientMode() ? session.getPeerCertificates()
                    : session.getLocalCertificates() == null ? new java.security.cert.Certificate[0] : session.getLocalCertificates()) {
                chain.add(cert.getEncoded());
            }
        } catch (javax.net.ssl.SSLPeerUnverifiedException | java.security.cert.CertificateEncodingException e) {
            chain.clear();
        }
        return new dev.sockscope.core.TlsInfo(session.getProtocol(), session.getCipherSuite(), engine.getApplicationProtocol(),
                sniHost, false, peerAddress, chain);
    }

    /** What the trust check saw, or null when the handshake never reached it. */
    public TrustVerdict verdict() {
        return trustManager.verdict();
    }
}
