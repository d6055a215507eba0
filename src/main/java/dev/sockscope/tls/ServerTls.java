package dev.sockscope.tls;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** SSLContexts for the TLS servers we run: the proxy's listener, and test servers. */
public final class ServerTls {
    private ServerTls() {
    }

    /**
     * A server context presenting {@code leaf} followed by {@code intermediates} (leave out the
     * root, as real servers do).
     */
    public static SSLContext context(IssuedCertificate leaf, X509Certificate... intermediates) {
        try {
            List<Certificate> chain = new ArrayList<>();
            chain.add(leaf.certificate());
            chain.addAll(List.of(intermediates));
            char[] password = "sockscope".toCharArray();
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", leaf.keyPair().getPrivate(), password, chain.toArray(new Certificate[0]));
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot build a server TLS context: " + e.getMessage(), e);
        }
    }
}
