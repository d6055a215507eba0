package dev.sockscope.tls;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Leaf certificates for the hosts the proxy intercepts, signed by the {@link LocalCa}.
 *
 * <p>The policy: one EC P-256 leaf key for every host (signing is what a new host costs, not key
 * generation); valid for {@link #VALIDITY} from {@link #BACKDATE} ago, so a client whose clock is a
 * little behind still accepts it; the host as the only subject alternative name (a DNS name, or an
 * IP address for an IP literal; a loopback address also names {@code localhost}, because a client that
 * connects to localhost often sends no SNI and asks the proxy for 127.0.0.1); at most {@link #CACHE_SIZE} hosts kept, the least recently used
 * dropped, and a cached leaf renewed once less than a day of it is left. Thread-safe.
 */
public final class LeafIssuer {
    public static final Duration VALIDITY = Duration.ofDays(7);
    public static final Duration BACKDATE = Duration.ofHours(1);
    public static final int CACHE_SIZE = 1_000;
    private static final Duration RENEW_WHEN_LEFT = Duration.ofDays(1);
    /** The longest common name X.509 allows; longer host names go in the SAN only. */
    private static final int MAX_COMMON_NAME = 64;

    private final IssuedCertificate ca;
    private final KeyPair leafKey;
    private final Map<String, IssuedCertificate> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, IssuedCertificate> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    public LeafIssuer(IssuedCertificate ca) {
        this.ca = ca;
        this.leafKey = newKey();
    }

    /**
     * The leaf for {@code host} (a DNS name or an IP literal, IPv6 with or without brackets; case and
     * a trailing dot do not matter).
     */
    public IssuedCertificate forHost(String host) {
        String name = normalize(host);
        if (name.isEmpty()) {
            throw new IllegalArgumentException("no host name to issue a certificate for");
        }
        Instant now = Instant.now();
        synchronized (cache) {
            IssuedCertificate cached = cache.get(name);
            if (cached != null && cached.certificate().getNotAfter().toInstant().isAfter(now.plus(RENEW_WHEN_LEFT))) {
                return cached;
            }
        }
        CertificateBuilder builder = new CertificateBuilder()
                .commonName(name.length() <= MAX_COMMON_NAME ? name : "Sockscope interception")
                .organization("Sockscope - local development only")
                .addSubjectAltName(name);
        // Every name of this machine's loopback: wss://localhost, 127.0.0.1 and [::1] all work with one leaf.
        if (name.equals("localhost") || name.startsWith("127.") || name.equals("::1") || name.equals("0:0:0:0:0:0:0:1")) {
            for (String loopback : List.of("localhost", "127.0.0.1", "::1")) {
                if (!loopback.equals(name)) {
                    builder.addSubjectAltName(loopback);
                }
            }
        }
        IssuedCertificate leaf = builder
                .validity(now.minus(BACKDATE), now.plus(VALIDITY))
                .keyPair(leafKey)
                .signedBy(ca)
                .build();
        synchronized (cache) {
            cache.put(name, leaf);
        }
        return leaf;
    }

    /** The CA that signs the leaves. */
    public IssuedCertificate ca() {
        return ca;
    }

    /** How many hosts have a leaf kept. */
    public int cached() {
        synchronized (cache) {
            return cache.size();
        }
    }

    static String normalize(String host) {
        String name = host.strip().toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        while (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        return name;
    }

    private static KeyPair newKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC P-256 is missing from this Java runtime (jdk.crypto.ec)", e);
        }
    }
}
