package dev.sockscope.check;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A TLS cipher suite by its IANA code and name, and what makes it weak. */
public record CipherSuite(int code, String name) {
    private static final List<CipherSuite> ALL = load();

    /** Every suite the probes know (cipher-suites.txt), TLS 1.3's among them. */
    public static List<CipherSuite> all() {
        return ALL;
    }

    /** The suites for TLS 1.3 alone, or those for the versions before it. */
    public static List<CipherSuite> forVersion(TlsVersion version) {
        boolean thirteen = version == TlsVersion.TLS_1_3;
        return ALL.stream().filter(s -> s.tls13() == thirteen).toList();
    }

    /** The suite with this code, or an unnamed one. */
    public static CipherSuite of(int code) {
        return ALL.stream().filter(s -> s.code == code).findFirst()
                .orElse(new CipherSuite(code, String.format(Locale.ROOT, "0x%04X", code)));
    }

    public boolean tls13() {
        return (code & 0xFF00) == 0x1300;
    }

    /**
     * Why this suite is weak on any version, or empty: no encryption, export strength, RC4, (3)DES,
     * no authentication of the server, MD5.
     */
    public Optional<String> weakness() {
        String n = name;
        if (n.contains("_NULL_") || n.endsWith("_NULL")) {
            return Optional.of("no encryption (NULL)");
        }
        if (n.contains("EXPORT")) {
            return Optional.of("export-grade (40-56 bit) keys");
        }
        if (n.contains("_anon_")) {
            return Optional.of("anonymous: the server is not authenticated");
        }
        if (n.contains("RC4")) {
            return Optional.of("RC4 (broken, RFC 7465)");
        }
        if (n.contains("3DES")) {
            return Optional.of("3DES (64-bit blocks: Sweet32)");
        }
        if (n.contains("_DES_") || n.contains("DES40")) {
            return Optional.of("DES (56-bit)");
        }
        if (n.endsWith("_MD5")) {
            return Optional.of("MD5 MAC");
        }
        return Optional.empty();
    }

    /** True when the key exchange has no forward secrecy (static RSA or static DH). */
    public boolean lacksForwardSecrecy() {
        return !tls13() && (name.startsWith("TLS_RSA_") || name.startsWith("TLS_DH_") && !name.startsWith("TLS_DH_anon"));
    }

    /** True for a CBC-mode suite (padding oracles and BEAST with TLS 1.0). */
    public boolean cbc() {
        return name.contains("_CBC_");
    }

    private static List<CipherSuite> load() {
        InputStream in = CipherSuite.class.getResourceAsStream("cipher-suites.txt");
        if (in == null) {
            throw new IllegalStateException("cipher-suites.txt is missing from the jar");
        }
        List<CipherSuite> suites = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.strip().split("\\s+");
                suites.add(new CipherSuite(Integer.parseInt(parts[0].substring(2), 16), parts[1]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(suites);
    }
}
