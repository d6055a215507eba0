package dev.sockscope.tls;

import dev.sockscope.core.CaInfo;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.NameConstraints;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * The per-install certificate authority the proxy signs its leaf certificates with.
 *
 * <p>The policy, in one place:
 * <ul>
 *   <li>made on first use, never shipped: EC P-256, its subject naming Sockscope, this machine and
 *       the day it was made, so two installs never share one;</li>
 *   <li>valid for {@link #VALIDITY} (ten years), from an hour back for clock skew; {@link #isExpiringSoon}
 *       tells when to offer a new one ({@link #RENEW_BEFORE} ahead);</li>
 *   <li>kept in its own folder of the data directory: the certificate readable, the private key
 *       file mode 0600 in a 0700 folder, written to a temporary name first so a crash never leaves
 *       half a key; the key never leaves that folder;</li>
 *   <li>optionally name-constrained (for example to {@code localhost} and {@code *.test}), so even a
 *       stolen key signs for nothing else.</li>
 * </ul>
 */
public final class LocalCa {
    public static final Duration VALIDITY = Duration.ofDays(3650);
    public static final Duration RENEW_BEFORE = Duration.ofDays(90);
    static final String CERTIFICATE_FILE = "sockscope-ca.pem";
    static final String KEY_FILE = "sockscope-ca-key.pem";

    private final Path dir;
    private final IssuedCertificate ca;
    private final boolean created;

    private LocalCa(Path dir, IssuedCertificate ca, boolean created) {
        this.dir = dir;
        this.ca = ca;
        this.created = created;
    }

    /**
     * The CA kept in {@code dir}, made there when there is none yet.
     *
     * @param machine names this install in a new CA's subject
     * @throws IOException when the folder cannot be written, or its files are damaged (the message
     *     says which and how to go on)
     */
    public static LocalCa loadOrCreate(Path dir, String machine) throws IOException {
        if (Files.exists(dir.resolve(CERTIFICATE_FILE)) || Files.exists(dir.resolve(KEY_FILE))) {
            return new LocalCa(dir, load(dir), false);
        }
        return create(dir, machine, List.of());
    }

    /** Makes a new CA in {@code dir}, replacing the one there: copies installed elsewhere stop working. */
    public static LocalCa create(Path dir, String machine, List<String> permittedNames) throws IOException {
        Instant now = Instant.now();
        CertificateBuilder builder = new CertificateBuilder()
                .commonName("Sockscope CA (" + shorten(machine, 30) + ") " + LocalDate.ofInstant(now, ZoneOffset.UTC))
                .organization("Sockscope - local development only")
                .validity(now.minus(Duration.ofHours(1)), now.plus(VALIDITY))
                .certificateAuthority(0)
                .ecdsa256();
        if (!permittedNames.isEmpty()) {
            builder.permittedNames(permittedNames);
        }
        IssuedCertificate ca = builder.build();
        write(dir, ca);
        return new LocalCa(dir, ca, true);
    }

    public IssuedCertificate certificate() {
        return ca;
    }

    public Path certificateFile() {
        return dir.resolve(CERTIFICATE_FILE);
    }

    public Path keyFile() {
        return dir.resolve(KEY_FILE);
    }

    public boolean isExpiringSoon(Instant now) {
        return ca.certificate().getNotAfter().toInstant().isBefore(now.plus(RENEW_BEFORE));
    }

    public CaInfo info() {
        X509Certificate cert = ca.certificate();
        return new CaInfo(certificateFile(), cert.getSubjectX500Principal().getName(), ca.sha256(), spkiSha256(cert),
                cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant(), permittedNames(cert), created);
    }

    /** SHA-256 of the SubjectPublicKeyInfo, base64, as Chromium's SPKI allow-list and HPKP pins write it. */
    static String spkiSha256(X509Certificate cert) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(cert.getPublicKey().getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static List<String> permittedNames(X509Certificate cert) {
        byte[] extension = cert.getExtensionValue(Extension.nameConstraints.getId());
        if (extension == null) {
            return List.of();
        }
        NameConstraints constraints = NameConstraints.getInstance(
                ASN1Sequence.getInstance(org.bouncycastle.asn1.ASN1OctetString.getInstance(extension).getOctets()));
        List<String> names = new ArrayList<>();
        if (constraints.getPermittedSubtrees() != null) {
            for (GeneralSubtree subtree : constraints.getPermittedSubtrees()) {
                GeneralName name = subtree.getBase();
                names.add(name.getTagNo() == GeneralName.dNSName ? name.getName().toString() : ipName(name));
            }
        }
        return names;
    }

    private static String ipName(GeneralName name) {
        byte[] both = org.bouncycastle.asn1.ASN1OctetString.getInstance(name.getName()).getOctets();
        try {
            return java.net.InetAddress.getByAddress(java.util.Arrays.copyOf(both, both.length / 2)).getHostAddress();
        } catch (java.net.UnknownHostException e) {
            return "an IP range";
        }
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    // ---- files ----

    private static void write(Path dir, IssuedCertificate ca) throws IOException {
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (!Files.isDirectory(dir)) {
            if (posix) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(dir);
            }
        }
        // The key first, born 0600 under a temporary name, then moved into place: never readable by
        // others, never half written.
        Path keyTemp = dir.resolve(KEY_FILE + ".new");
        Files.deleteIfExists(keyTemp);
        if (posix) {
            Files.createFile(keyTemp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(keyTemp);
        }
        Files.writeString(keyTemp, ca.privateKeyPem(), StandardCharsets.US_ASCII);
        Path certTemp = dir.resolve(CERTIFICATE_FILE + ".new");
        Files.writeString(certTemp, ca.certificatePem(), StandardCharsets.US_ASCII);
        Files.move(keyTemp, dir.resolve(KEY_FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.move(certTemp, dir.resolve(CERTIFICATE_FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static IssuedCertificate load(Path dir) throws IOException {
        Path certFile = dir.resolve(CERTIFICATE_FILE);
        Path keyFile = dir.resolve(KEY_FILE);
        for (Path file : List.of(certFile, keyFile)) {
            if (!Files.isRegularFile(file)) {
                throw damaged(dir, file.getFileName() + " is missing");
            }
        }
        tightenKeyPermissions(keyFile);
        try {
            X509Certificate cert = readCertificate(Files.readString(certFile, StandardCharsets.US_ASCII));
            PrivateKey key = readKey(Files.readString(keyFile, StandardCharsets.US_ASCII));
            if (!belongTogether(cert, key)) {
                throw damaged(dir, "the key does not belong to the certificate");
            }
            return new IssuedCertificate(cert, new KeyPair(cert.getPublicKey(), key));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw damaged(dir, e.getMessage());
        }
    }

    /** A key file someone made readable by others is put back to 0600 (the folder keeps others out too). */
    private static void tightenKeyPermissions(Path keyFile) throws IOException {
        if (!keyFile.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Set<PosixFilePermission> now = Files.getPosixFilePermissions(keyFile);
        Set<PosixFilePermission> owner = PosixFilePermissions.fromString("rw-------");
        if (!owner.equals(now)) {
            Files.setPosixFilePermissions(keyFile, owner);
        }
    }

    private static X509Certificate readCertificate(String pem) throws IOException, CertificateException {
        Object object = parse(pem);
        if (!(object instanceof X509CertificateHolder holder)) {
            throw new IllegalArgumentException("no certificate in " + CERTIFICATE_FILE);
        }
        return new JcaX509CertificateConverter().getCertificate(holder);
    }

    private static PrivateKey readKey(String pem) throws IOException {
        Object object = parse(pem);
        if (!(object instanceof PrivateKeyInfo info)) {
            throw new IllegalArgumentException("no private key in " + KEY_FILE);
        }
        return new JcaPEMKeyConverter().getPrivateKey(info);
    }

    private static Object parse(String pem) throws IOException {
        try (Reader reader = new StringReader(pem); PEMParser parser = new PEMParser(reader)) {
            return parser.readObject();
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a PEM file (" + e.getMessage() + ")", e);
        }
    }

    private static boolean belongTogether(X509Certificate cert, PrivateKey key) throws GeneralSecurityException {
        byte[] probe = "sockscope".getBytes(StandardCharsets.US_ASCII);
        Signature sign = Signature.getInstance("SHA256withECDSA");
        sign.initSign(key);
        sign.update(probe);
        byte[] signature = sign.sign();
        Signature verify = Signature.getInstance("SHA256withECDSA");
        verify.initVerify(cert.getPublicKey());
        verify.update(probe);
        return verify.verify(signature);
    }

    private static IOException damaged(Path dir, String why) {
        return new IOException("the certificate authority in " + dir + " cannot be used: " + why
                + "; `sockscope ca regenerate --yes` makes a new one (apps that trusted the old one must be given the new one)");
    }
}
