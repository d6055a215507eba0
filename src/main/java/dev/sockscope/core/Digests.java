package dev.sockscope.core;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Fingerprints as lowercase hex without separators, the form pins and JSON output use. */
public final class Digests {
    private Digests() {
    }

    public static String sha256(byte[] data) {
        return digest("SHA-256", data);
    }

    public static String sha1(byte[] data) {
        return digest("SHA-1", data);
    }

    /** "AB:CD:…" as browsers and openssl show fingerprints to people. */
    public static String colons(String hex) {
        return hex.toUpperCase(java.util.Locale.ROOT).replaceAll("(..)(?!$)", "$1:");
    }

    private static String digest(String algorithm, byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is missing from this JDK", e);
        }
    }
}
