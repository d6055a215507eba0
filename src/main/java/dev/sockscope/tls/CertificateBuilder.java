package dev.sockscope.tls;

import java.math.BigInteger;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.NameConstraints;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Builds CA and leaf certificates, in the manner of OkHttp's HeldCertificate: the proxy's CA and
 * the tests' servers both come from here.
 */
public final class CertificateBuilder {
    private static final SecureRandom RANDOM = new SecureRandom();

    private String commonName = "localhost";
    private String organization;
    private final List<String> subjectAltNames = new ArrayList<>();
    private Instant notBefore = Instant.now().minus(Duration.ofMinutes(5));
    private Instant notAfter = Instant.now().plus(Duration.ofDays(30));
    private int maxPathLength = -1;
    private String keyAlgorithm = "EC";
    private int rsaBits = 2048;
    private IssuedCertificate issuer;
    private final List<String> permittedNames = new ArrayList<>();
    private String caIssuersUrl;
    private KeyPair keyPair;
    private String signatureAlgorithm;

    public CertificateBuilder commonName(String value) {
        this.commonName = value;
        return this;
    }

    public CertificateBuilder organization(String value) {
        this.organization = value;
        return this;
    }

    /** A DNS name or an IP address literal. */
    public CertificateBuilder addSubjectAltName(String name) {
        subjectAltNames.add(name);
        return this;
    }

    public CertificateBuilder validity(Instant from, Instant until) {
        this.notBefore = from;
        this.notAfter = until;
        return this;
    }

    /** Makes a CA that may sign certificates below it, with this many CAs in between at most. */
    public CertificateBuilder certificateAuthority(int maxIntermediates) {
        this.maxPathLength = maxIntermediates;
        return this;
    }

    /**
     * Limits what a CA may sign to these names (RFC 5280 name constraints): a DNS name permits
     * itself and every name below it ({@code test} or {@code *.test}: anything ending in .test), an
     * IP address permits only that address. Name types not listed stay unconstrained.
     */
    public CertificateBuilder permittedNames(List<String> names) {
        permittedNames.addAll(names);
        return this;
    }

    /** Where the issuer's certificate can be fetched (Authority Information Access), as public CAs say. */
    public CertificateBuilder caIssuersUrl(String url) {
        this.caIssuersUrl = url;
        return this;
    }

    public CertificateBuilder ecdsa256() {
        this.keyAlgorithm = "EC";
        return this;
    }

    public CertificateBuilder rsa(int bits) {
        this.keyAlgorithm = "RSA";
        this.rsaBits = bits;
        return this;
    }

    /** Reuses a key pair (a proxy shares one leaf key across hosts). */
    public CertificateBuilder keyPair(KeyPair pair) {
        this.keyPair = pair;
        return this;
    }

    /** Overrides the signature algorithm (tests use SHA1withRSA to make a weak signature). */
    public CertificateBuilder signatureAlgorithm(String algorithm) {
        this.signatureAlgorithm = algorithm;
        return this;
    }

    /** Signs with this issuer; without one the certificate is self-signed. */
    public CertificateBuilder signedBy(IssuedCertificate signer) {
        this.issuer = signer;
        return this;
    }

    public IssuedCertificate build() {
        try {
            KeyPair pair = keyPair != null ? keyPair : generateKeyPair();
            X500Name subject = name();
            X500Name issuerName = issuer == null ? subject
                    : X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded());
            KeyPair signingPair = issuer == null ? pair : issuer.keyPair();
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName,
                    new BigInteger(127, RANDOM).add(BigInteger.ONE), Date.from(notBefore), Date.from(notAfter),
                    subject, pair.getPublic());
            builder.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(pair.getPublic()));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    ext.createAuthorityKeyIdentifier(signingPair.getPublic()));
            if (maxPathLength >= 0) {
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(maxPathLength));
                builder.addExtension(Extension.keyUsage, true,
                        new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
            } else {
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                builder.addExtension(Extension.keyUsage, true,
                        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
                builder.addExtension(Extension.extendedKeyUsage, false,
                        new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
            }
            if (!subjectAltNames.isEmpty()) {
                builder.addExtension(Extension.subjectAlternativeName, false, altNames());
            }
            if (!permittedNames.isEmpty()) {
                builder.addExtension(Extension.nameConstraints, true, nameConstraints());
            }
            if (caIssuersUrl != null) {
                builder.addExtension(Extension.authorityInfoAccess, false, new org.bouncycastle.asn1.x509.AuthorityInformationAccess(
                        org.bouncycastle.asn1.x509.AccessDescription.id_ad_caIssuers,
                        new org.bouncycastle.asn1.x509.GeneralName(org.bouncycastle.asn1.x509.GeneralName.uniformResourceIdentifier,
                                caIssuersUrl)));
            }
            ContentSigner signer = new JcaContentSignerBuilder(
                    signatureAlgorithm != null ? signatureAlgorithm : signatureAlgorithm(signingPair))
                    .build(signingPair.getPrivate());
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(builder.build(signer));
            return new IssuedCertificate(cert, pair);
        } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
            throw new IllegalStateException("could not build certificate for " + commonName + ": " + e.getMessage(), e);
        }
    }

    private KeyPair generateKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(keyAlgorithm);
        if ("EC".equals(keyAlgorithm)) {
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        } else {
            generator.initialize(rsaBits, RANDOM);
        }
        return generator.generateKeyPair();
    }

    private X500Name name() {
        X500NameBuilder names = new X500NameBuilder(BCStyle.INSTANCE);
        if (organization != null) {
            names.addRDN(BCStyle.O, organization);
        }
        names.addRDN(BCStyle.CN, commonName);
        return names.build();
    }

    private GeneralNames altNames() {
        GeneralName[] names = subjectAltNames.stream()
                .map(n -> isIpLiteral(n) ? new GeneralName(GeneralName.iPAddress, n) : new GeneralName(GeneralName.dNSName, n))
                .toArray(GeneralName[]::new);
        return new GeneralNames(names);
    }

    private NameConstraints nameConstraints() throws java.net.UnknownHostException {
        List<GeneralSubtree> subtrees = new ArrayList<>();
        for (String name : permittedNames) {
            if (isIpLiteral(name)) {
                byte[] address = InetAddress.getByName(name).getAddress();
                byte[] withMask = java.util.Arrays.copyOf(address, address.length * 2);
                java.util.Arrays.fill(withMask, address.length, withMask.length, (byte) 0xff);
                subtrees.add(new GeneralSubtree(new GeneralName(GeneralName.iPAddress, new DEROctetString(withMask))));
            } else {
                String dns = name.startsWith("*.") ? name.substring(2) : name;
                subtrees.add(new GeneralSubtree(new GeneralName(GeneralName.dNSName, dns)));
            }
        }
        return new NameConstraints(subtrees.toArray(GeneralSubtree[]::new), null);
    }

    static boolean isIpLiteral(String name) {
        if (name.contains(":")) {
            return true;
        }
        if (!name.matches("[0-9.]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(name) != null;
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private static String signatureAlgorithm(KeyPair pair) {
        return "EC".equals(pair.getPrivate().getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
    }
}
