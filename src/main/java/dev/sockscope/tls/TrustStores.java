package dev.sockscope.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/** The JDK's trust store, optionally extended with the certificates of a user's CA file. */
public final class TrustStores {
    private TrustStores() {
    }

    /** Loading the JDK's anchors costs tens of milliseconds: the system-only manager is made once. */
    private static volatile X509ExtendedTrustManager systemOnly;

    /** A PKIX trust manager over the JDK's anchors plus those in {@code caFile} (may be null). */
    public static X509ExtendedTrustManager trustManager(Path caFile) throws GeneralSecurityException, IOException {
        if (caFile == null) {
            X509ExtendedTrustManager cached = systemOnly;
            if (cached == null) {
                cached = build(null);
                systemOnly = cached;
            }
            return cached;
        }
        return build(caFile);
    }

    private static X509ExtendedTrustManager build(Path caFile) throws GeneralSecurityException, IOException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        if (caFile == null) {
            factory.init((KeyStore) null);
        } else {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (X509Certificate anchor : jdkAnchors()) {
                store.setCertificateEntry("jdk-" + i++, anchor);
            }
            for (X509Certificate extra : readCertificates(caFile)) {
                store.setCertificateEntry("user-" + i++, extra);
            }
            factory.init(store);
        }
        return Arrays.stream(factory.getTrustManagers())
                .filter(X509ExtendedTrustManager.class::isInstance).map(X509ExtendedTrustManager.class::cast)
                .findFirst().orElseThrow(() -> new GeneralSecurityException("no X509 trust manager in this JDK"));
    }

    /** Reads every certificate of a PEM (or DER) file; fails clearly when there is none. */
    public static List<X509Certificate> readCertificates(Path file) throws IOException, GeneralSecurityException {
        Collection<? extends Certificate> certs;
        try (InputStream in = Files.newInputStream(file)) {
            certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (NoSuchFileException e) {
            throw new IOException("CA file not found: " + file, e);
        } catch (java.security.cert.CertificateException e) {
            throw new GeneralSecurityException("CA file " + file + " holds no readable certificate: " + e.getMessage(), e);
        }
        List<X509Certificate> out = new ArrayList<>();
        certs.forEach(c -> out.add((X509Certificate) c));
        if (out.isEmpty()) {
            throw new GeneralSecurityException("CA file " + file + " holds no certificate");
        }
        return out;
    }

    private static List<X509Certificate> jdkAnchors() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        List<X509Certificate> anchors = new ArrayList<>();
        for (TrustManager tm : factory.getTrustManagers()) {
            if (tm instanceof X509ExtendedTrustManager x509) {
                anchors.addAll(Arrays.asList(x509.getAcceptedIssuers()));
            }
        }
        return anchors;
    }
}
