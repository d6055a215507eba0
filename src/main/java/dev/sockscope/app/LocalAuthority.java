package dev.sockscope.app;

import dev.sockscope.core.CaInfo;
import dev.sockscope.tls.LeafIssuer;
import dev.sockscope.tls.LocalCa;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.util.List;

/**
 * Sockscope's certificate authority as the commands and the window use it: kept in the data
 * directory's {@code ca/} folder, made on first use. Blocking (files, key generation): call it off
 * the FX thread.
 */
public final class LocalAuthority {
    private final Path dataDir;

    private LocalAuthority(Path dataDir) {
        this.dataDir = dataDir;
    }

    /** @throws UserFacingException when the data directory cannot be used */
    public static LocalAuthority in(Path dataDir) {
        DataDirectory.prepare(dataDir);
        return new LocalAuthority(dataDir);
    }

    public Path directory() {
        return dataDir.resolve("ca");
    }

    /** The CA, made now if this install has none yet. */
    public CaInfo info() {
        return load().info();
    }

    /** Writes the CA's certificate (never its key) as PEM, or DER for tools that want it. */
    public Path export(Path file, boolean der) {
        LocalCa ca = load();
        try {
            if (der) {
                Files.write(file, ca.certificate().certificate().getEncoded());
            } else {
                Files.writeString(file, ca.certificate().certificatePem(), StandardCharsets.US_ASCII);
            }
            return file;
        } catch (IOException e) {
            throw new UserFacingException(UserFacingException.Kind.FAILURE, "cannot write " + file + ": " + DataDirectory.reason(e), e);
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("the CA certificate cannot be encoded", e);
        }
    }

    /**
     * Replaces the CA with a new one (apps that trust the old one stop trusting the proxy).
     *
     * @param permittedNames names the new CA may sign for (DNS names, {@code *.domain}, IP
     *     addresses); empty for any
     */
    public CaInfo regenerate(List<String> permittedNames) {
        try {
            return LocalCa.create(directory(), machineName(), permittedNames).info();
        } catch (IOException e) {
            throw new UserFacingException(UserFacingException.Kind.FAILURE,
                    "cannot write a new certificate authority in " + directory() + ": " + DataDirectory.reason(e), e);
        }
    }

    /** Issues the proxy's leaf certificates with this install's CA. */
    public LeafIssuer leafIssuer() {
        return new LeafIssuer(load().certificate());
    }

    private LocalCa load() {
        try {
            return LocalCa.loadOrCreate(directory(), machineName());
        } catch (IOException e) {
            throw new UserFacingException(UserFacingException.Kind.FAILURE, DataDirectory.reason(e), e);
        }
    }

    /** This machine's name for a new CA's subject, without asking DNS (which may hang). */
    static String machineName() {
        String name = System.getenv("HOSTNAME");
        if (name == null || name.isBlank()) {
            name = System.getenv("COMPUTERNAME");
        }
        if (name == null || name.isBlank()) {
            try {
                name = Files.readString(Path.of("/etc/hostname"), StandardCharsets.UTF_8).strip();
            } catch (IOException | RuntimeException e) {
                name = "";
            }
        }
        return name.isBlank() ? "this computer" : name;
    }
}
