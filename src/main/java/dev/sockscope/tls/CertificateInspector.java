package dev.sockscope.tls;

import dev.sockscope.core.CertificateInfo;
import dev.sockscope.core.Digests;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.DSAPublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.sec.SECNamedCurves;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.OtherName;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X962Parameters;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an X.509 certificate into a {@link CertificateInfo} for the certificate viewer. Servers
 * send odd certificates, and the viewer is where people go to see what is odd about them, so an
 * extension that cannot be read yields empty values (logged at debug) rather than an exception.
 */
public final class CertificateInspector {
    private static final Logger LOG = LoggerFactory.getLogger(CertificateInspector.class);

    /** RFC 6962 section 3.3: the embedded SignedCertificateTimestampList. */
    static final String SCT_LIST_OID = "1.3.6.1.4.1.11129.2.4.2";

    /** In the bit order of RFC 5280's KeyUsage, which is the order of {@link X509Certificate#getKeyUsage()}. */
    private static final List<String> KEY_USAGES = List.of("digitalSignature", "nonRepudiation", "keyEncipherment",
            "dataEncipherment", "keyAgreement", "keyCertSign", "cRLSign", "encipherOnly", "decipherOnly");

    private static final Map<String, String> EXTENDED_KEY_USAGES = Map.of(
            "1.3.6.1.5.5.7.3.1", "serverAuth",
            "1.3.6.1.5.5.7.3.2", "clientAuth",
            "1.3.6.1.5.5.7.3.3", "codeSigning",
            "1.3.6.1.5.5.7.3.4", "emailProtection",
            "1.3.6.1.5.5.7.3.8", "timeStamping",
            "1.3.6.1.5.5.7.3.9", "OCSPSigning",
            "2.5.29.37.0", "anyExtendedKeyUsage");

    private CertificateInspector() {
    }

    /** Every field of the certificate the viewer shows; never throws for an odd certificate. */
    public static CertificateInfo inspect(X509Certificate cert) {
        byte[] der = encoded(cert);
        PublicKey key = cert.getPublicKey();
        int basicConstraints = cert.getBasicConstraints();
        boolean ca = basicConstraints >= 0;
        // The JDK reports "CA without a path length" as Integer.MAX_VALUE; we say -1, as for a leaf.
        int pathLength = ca && basicConstraints != Integer.MAX_VALUE ? basicConstraints : -1;
        return new CertificateInfo(cert.getSubjectX500Principal().getName(X500Principal.RFC2253),
                cert.getIssuerX500Principal().getName(X500Principal.RFC2253), cert.getSerialNumber().toString(16),
                cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant(), subjectAltNames(cert),
                keyAlgorithm(key), keySize(key), curve(key), cert.getSigAlgName(), keyUsage(cert),
                extendedKeyUsage(cert), ca, pathLength,
                accessUrls(cert, AccessDescription.id_ad_ocsp), accessUrls(cert, AccessDescription.id_ad_caIssuers),
                crlUrls(cert), sctCount(cert),
                der.length == 0 ? "" : Fingerprints.sha256(der), der.length == 0 ? "" : Digests.sha1(der), der);
    }

    private static byte[] encoded(X509Certificate cert) {
        try {
            return cert.getEncoded();
        } catch (CertificateEncodingException e) {
            LOG.debug("certificate {} cannot be encoded", cert.getSubjectX500Principal(), e);
            return new byte[0];
        }
    }

    // --- public key ---

    private static String keyAlgorithm(PublicKey key) {
        // The JDK calls Ed25519 and Ed448 keys both "EdDSA"; the curve is the name people know.
        return key instanceof EdECPublicKey ed ? ed.getParams().getName() : key.getAlgorithm();
    }

    private static int keySize(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            return rsa.getModulus().bitLength();
        }
        if (key instanceof ECPublicKey ec) {
            return ec.getParams().getCurve().getField().getFieldSize();
        }
        if (key instanceof DSAPublicKey dsa && dsa.getParams() != null) {
            return dsa.getParams().getP().bitLength();
        }
        // Ed25519 (256), Ed448 (456) and unknown kinds: the raw key's length, as openssl reports it.
        try {
            return SubjectPublicKeyInfo.getInstance(key.getEncoded()).getPublicKeyData().getOctets().length * 8;
        } catch (RuntimeException e) {
            LOG.debug("cannot size a {} public key", key.getAlgorithm(), e);
            return 0;
        }
    }

    private static String curve(PublicKey key) {
        if (!(key instanceof ECPublicKey)) {
            return "";
        }
        try {
            X962Parameters params = X962Parameters.getInstance(
                    SubjectPublicKeyInfo.getInstance(key.getEncoded()).getAlgorithm().getParameters());
            return params.isNamedCurve() ? curveName((ASN1ObjectIdentifier) params.getParameters()) : "explicit";
        } catch (RuntimeException e) {
            LOG.debug("cannot read the curve of an EC key", e);
            return "";
        }
    }

    /** SEC names first ("secp256r1", not X9.62's "prime256v1"), then brainpool and friends, then the OID. */
    private static String curveName(ASN1ObjectIdentifier oid) {
        String sec = SECNamedCurves.getName(oid);
        if (sec != null) {
            return sec;
        }
        String other = ECNamedCurveTable.getName(oid);
        return other != null ? other : oid.getId();
    }

    // --- usages ---

    private static List<String> keyUsage(X509Certificate cert) {
        boolean[] bits = cert.getKeyUsage();
        List<String> names = new ArrayList<>();
        for (int i = 0; bits != null && i < bits.length && i < KEY_USAGES.size(); i++) {
            if (bits[i]) {
                names.add(KEY_USAGES.get(i));
            }
        }
        return names;
    }

    private static List<String> extendedKeyUsage(X509Certificate cert) {
        try {
            List<String> oids = cert.getExtendedKeyUsage();
            return oids == null ? List.of() : oids.stream().map(o -> EXTENDED_KEY_USAGES.getOrDefault(o, o)).toList();
        } catch (CertificateParsingException e) {
            LOG.debug("unreadable extended key usage in {}", cert.getSubjectX500Principal(), e);
            return List.of();
        }
    }

    // --- extensions read with BouncyCastle ---

    /** Turns one extension's parsed value into what we show. */
    @FunctionalInterface
    private interface ExtensionReader<T> {
        T read(ASN1Primitive value) throws IOException;
    }

    /** Reads one extension; {@code absent} when it is missing or cannot be read. */
    private static <T> T readExtension(X509Certificate cert, String oid, T absent, ExtensionReader<T> reader) {
        byte[] value = cert.getExtensionValue(oid);
        if (value == null) {
            return absent;
        }
        try {
            return reader.read(JcaX509ExtensionUtils.parseExtensionValue(value));
        } catch (IOException | RuntimeException e) {
            // BouncyCastle's getInstance methods signal a wrong structure with IllegalArgumentException.
            LOG.debug("unreadable extension {} in {}", oid, cert.getSubjectX500Principal(), e);
            return absent;
        }
    }

    private static List<String> subjectAltNames(X509Certificate cert) {
        return readExtension(cert, Extension.subjectAlternativeName.getId(), List.of(),
                value -> describe(GeneralNames.getInstance(value).getNames()));
    }

    private static List<String> describe(GeneralName[] names) throws IOException {
        List<String> described = new ArrayList<>();
        for (GeneralName name : names) {
            described.add(describe(name));
        }
        return described;
    }

    /** DNS names and IP addresses bare, as they are mostly looked for; other kinds with openssl-like prefixes. */
    private static String describe(GeneralName name) throws IOException {
        ASN1Encodable value = name.getName();
        return switch (name.getTagNo()) {
            case GeneralName.dNSName -> text(value);
            case GeneralName.iPAddress -> ipAddress(ASN1OctetString.getInstance(value).getOctets());
            case GeneralName.rfc822Name -> "email:" + text(value);
            case GeneralName.uniformResourceIdentifier -> "URI:" + text(value);
            case GeneralName.directoryName -> "DirName:" + directoryName(value);
            case GeneralName.registeredID -> "RID:" + ASN1ObjectIdentifier.getInstance(value).getId();
            case GeneralName.otherName -> "othername:" + OtherName.getInstance(value).getTypeID().getId();
            case GeneralName.x400Address -> "x400Address:";
            default -> "ediPartyName:";
        };
    }

    private static String ipAddress(byte[] octets) throws UnknownHostException {
        // Only 4 or 16 bytes are addresses; anything else (a name-constraint style mask) is shown raw.
        return octets.length == 4 || octets.length == 16 ? InetAddress.getByAddress(octets).getHostAddress()
                : "IP:" + HexFormat.of().formatHex(octets);
    }

    private static String directoryName(ASN1Encodable value) throws IOException {
        return new X500Principal(value.toASN1Primitive().getEncoded()).getName(X500Principal.RFC2253);
    }

    private static String text(ASN1Encodable value) {
        return ((ASN1String) value).getString();
    }

    private static List<String> accessUrls(X509Certificate cert, ASN1ObjectIdentifier method) {
        return readExtension(cert, Extension.authorityInfoAccess.getId(), List.of(), value -> {
            List<String> urls = new ArrayList<>();
            for (AccessDescription access : AuthorityInformationAccess.getInstance(value).getAccessDescriptions()) {
                if (access.getAccessMethod().equals(method)) {
                    addUri(urls, access.getAccessLocation());
                }
            }
            return urls;
        });
    }

    private static List<String> crlUrls(X509Certificate cert) {
        return readExtension(cert, Extension.cRLDistributionPoints.getId(), List.of(), value -> {
            List<String> urls = new ArrayList<>();
            for (DistributionPoint point : CRLDistPoint.getInstance(value).getDistributionPoints()) {
                DistributionPointName name = point.getDistributionPoint();
                // A name relative to the issuer is not a URL; only full names can hold one.
                if (name != null && name.getType() == DistributionPointName.FULL_NAME) {
                    for (GeneralName general : GeneralNames.getInstance(name.getName()).getNames()) {
                        addUri(urls, general);
                    }
                }
            }
            return urls;
        });
    }

    private static void addUri(List<String> urls, GeneralName name) {
        if (name.getTagNo() == GeneralName.uniformResourceIdentifier) {
            urls.add(text(name.getName()));
        }
    }

    // --- Certificate Transparency ---

    private static int sctCount(X509Certificate cert) {
        // RFC 6962 wraps the TLS-encoded list in an OCTET STRING inside the extension's own OCTET STRING.
        return readExtension(cert, SCT_LIST_OID, 0,
                value -> countScts(ASN1OctetString.getInstance(value).getOctets()));
    }

    /** Counts the entries of a TLS {@code SignedCertificateTimestampList}; 0 when it is malformed. */
    static int countScts(byte[] list) {
        ByteBuffer buffer = ByteBuffer.wrap(list);
        if (buffer.remaining() < 2 || (buffer.getShort() & 0xffff) != buffer.remaining()) {
            return 0;
        }
        int count = 0;
        while (buffer.hasRemaining()) {
            if (buffer.remaining() < 2) {
                return 0;
            }
            int length = buffer.getShort() & 0xffff;
            if (length == 0 || length > buffer.remaining()) {
                return 0;
            }
            buffer.position(buffer.position() + length);
            count++;
        }
        return count;
    }
}
