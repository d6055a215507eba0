package dev.sockscope.tls;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/**
 * The app's side of an intercepted connection: Sockscope as the server, with a leaf from the
 * install's CA for the host the app asked for. TLS 1.3 and 1.2 only, AEAD suites with forward
 * secrecy only, and ALPN offering only {@code http/1.1}, so a browser upgrades over HTTP/1.1.
 */
public final class InterceptTls {
    static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};
    static final String[] SUITES = {"TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
        "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
        "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256"};

    private static final String REJECT_RENEGOTIATION = "jdk.tls.rejectClientInitiatedRenegotiation";

    static {
        refuseClientRenegotiation();
    }

    private final LeafIssuer leaves;
    private final IssuedCertificate ca;
    private final Map<String, SSLContext> contexts = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, SSLContext> eldest) {
            return size() > LeafIssuer.CACHE_SIZE;
        }
    };

    /**
     * Has every TLS server in this JVM refuse a renegotiation the client asks for. Under TLS 1.2 a
     * client may ask again and again, each time costing the server a full handshake: a cheap denial
     * of service that testssl reports as a vulnerability. The JDK can refuse it only JVM-wide, and
     * reads the setting once, when its server handshake code first loads: call this before any
     * server handshake ({@code Main} does; this class's loading does too, for embedded uses). A
     * setting the user gave on the command line is kept.
     */
    public static void refuseClientRenegotiation() {
        if (System.getProperty(REJECT_RENEGOTIATION) == null) {
            System.setProperty(REJECT_RENEGOTIATION, "true");
        }
    }

    public InterceptTls(IssuedCertificate ca, LeafIssuer leaves) {
        this.ca = ca;
        this.leaves = leaves;
    }

    /** A server engine presenting a leaf for {@code host} (a DNS name or an IP literal). */
    public SSLEngine engineFor(String host) throws GeneralSecurityException {
        IssuedCertificate leaf = leaves.forHost(host);
        SSLContext context;
        String key = LeafIssuer.normalize(host) + "#" + leaf.certificate().getSerialNumber();
        synchronized (contexts) {
            context = contexts.get(key);
        }
        if (context == null) {
            context = contextFor(leaf);
            synchronized (contexts) {
                contexts.put(key, context);
            }
        }
        SSLEngine engine = context.createSSLEngine();
        engine.setUseClientMode(false);
        SSLParameters params = engine.getSSLParameters();
        params.setProtocols(PROTOCOLS);
        String[] supported = engine.getSupportedCipherSuites();
        params.setCipherSuites(Arrays.stream(SUITES).filter(s -> Arrays.asList(supported).contains(s)).toArray(String[]::new));
        params.setApplicationProtocols(new String[] {"http/1.1"});
        params.setUseCipherSuitesOrder(true);
        engine.setSSLParameters(params);
        return engine;
    }

    private SSLContext contextFor(IssuedCertificate leaf) throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(null, null);
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException("cannot make an empty key store", e);
        }
        char[] none = new char[0];
        store.setKeyEntry("leaf", leaf.keyPair().getPrivate(), none, new Certificate[] {leaf.certificate(), ca.certificate()});
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, none);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }
}
