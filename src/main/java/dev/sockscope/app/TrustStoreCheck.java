package dev.sockscope.app;

import dev.sockscope.core.Digests;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Whether trust stores on this machine already trust Sockscope's CA: the JDK's {@code cacerts}
 * (the one Sockscope runs on), the system's bundle file, and the user's NSS database (Chromium on
 * Linux) where {@code certutil} is installed. Reads files and runs certutil: off the FX thread.
 */
public final class TrustStoreCheck {
    /** What a store said. */
    public enum Verdict { TRUSTS, DOES_NOT_TRUST, NOT_FOUND, CANNOT_CHECK }

    /**
     * @param store what it is, in words
     * @param where its file or database
     * @param detail why it could not be checked, or what was found
     */
    public record Result(String store, String where, Verdict verdict, String detail) {
    }

    static final List<Path> SYSTEM_BUNDLES = List.of(Path.of("/etc/ssl/certs/ca-certificates.crt"),
            Path.of("/etc/pki/tls/certs/ca-bundle.crt"), Path.of("/etc/ssl/cert.pem"));

    private TrustStoreCheck() {
    }

    /** Checks every store it knows for the CA whose SHA-256 (lowercase hex) is given. */
    public static List<Result> check(String caSha256) {
        List<Result> results = new ArrayList<>();
        results.add(jdk(Path.of(System.getProperty("java.home"), "lib", "security", "cacerts"), caSha256));
        Path bundle = SYSTEM_BUNDLES.stream().filter(Files::isRegularFile).findFirst().orElse(null);
        results.add(bundle == null ? new Result("System bundle", "", Verdict.NOT_FOUND,
                "no system bundle file here (Windows and macOS keep theirs in the OS)") : bundle(bundle, caSha256));
        results.add(nss(Path.of(System.getProperty("user.home"), ".pki", "nssdb"), caSha256));
        return results;
    }

    static Result jdk(Path cacerts, String sha256) {
        String name = "The JDK's trust store (java " + System.getProperty("java.version") + ")";
        if (!Files.isRegularFile(cacerts)) {
            return new Result(name, cacerts.toString(), Verdict.NOT_FOUND, "no cacerts file");
        }
        try (InputStream in = Files.newInputStream(cacerts)) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(in, "changeit".toCharArray());
            Enumeration<String> aliases = store.aliases();
            while (aliases.hasMoreElements()) {
                String alias = aliases.nextElement();
                Certificate cert = store.getCertificate(alias);
                if (cert != null && sha256.equals(Digests.sha256(cert.getEncoded()))) {
                    return new Result(name, cacerts.toString(), Verdict.TRUSTS, "as \u201c" + alias + "\u201d");
                }
            }
            return new Result(name, cacerts.toString(), Verdict.DOES_NOT_TRUST, store.size() + " CAs, not Sockscope's");
        } catch (IOException | java.security.GeneralSecurityException e) {
            return new Result(name, cacerts.toString(), Verdict.CANNOT_CHECK, String.valueOf(e.getMessage()));
        }
    }

    static Result bundle(Path file, String sha256) {
        String name = "System bundle (OpenSSL, curl, Python, Go, Node with --use-openssl-ca)";
        try (InputStream in = Files.newInputStream(file)) {
            var certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
            for (Certificate cert : certificates) {
                if (sha256.equals(Digests.sha256(cert.getEncoded()))) {
                    return new Result(name, file.toString(), Verdict.TRUSTS, "in the bundle");
                }
            }
            return new Result(name, file.toString(), Verdict.DOES_NOT_TRUST, certificates.size() + " CAs, not Sockscope's");
        } catch (IOException | java.security.GeneralSecurityException e) {
            return new Result(name, file.toString(), Verdict.CANNOT_CHECK, String.valueOf(e.getMessage()));
        }
    }

    static Result nss(Path db, String sha256) {
        String name = "Your NSS database (Chromium and Chrome on Linux)";
        if (!Files.isDirectory(db)) {
            return new Result(name, db.toString(), Verdict.NOT_FOUND, "no database yet (made when a browser first runs)");
        }
        try {
            String list = run(List.of("certutil", "-d", "sql:" + db, "-L"));
            for (String line : list.lines().skip(4).toList()) {
                String nickname = line.replaceAll("\\s+\\S*,\\S*,\\S*\\s*$", "").strip();
                if (nickname.isEmpty()) {
                    continue;
                }
                String pem = run(List.of("certutil", "-d", "sql:" + db, "-L", "-n", nickname, "-a"));
                for (Certificate cert : CertificateFactory.getInstance("X.509")
                        .generateCertificates(new java.io.ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
                    if (sha256.equals(Digests.sha256(cert.getEncoded()))) {
                        return new Result(name, db.toString(), Verdict.TRUSTS, "as \u201c" + nickname + "\u201d");
                    }
                }
            }
            return new Result(name, db.toString(), Verdict.DOES_NOT_TRUST, "not in the database");
        } catch (IOException e) {
            return new Result(name, db.toString(), Verdict.CANNOT_CHECK, "certutil is not installed (Debian: libnss3-tools)");
        } catch (java.security.GeneralSecurityException | RuntimeException e) {
            return new Result(name, db.toString(), Verdict.CANNOT_CHECK, String.valueOf(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(name, db.toString(), Verdict.CANNOT_CHECK, "interrupted");
        }
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("certutil did not answer in 10 s");
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
