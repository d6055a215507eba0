package dev.sockscope.core;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a wss:// connection trusts beyond the JDK's trust store: an optional CA file (PEM) and
 * certificates pinned by SHA-256 fingerprint. There is deliberately no "trust everything".
 */
public record TrustOptions(Path caFile, Set<String> pinnedSha256) {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public static final TrustOptions DEFAULT = new TrustOptions(null, Set.of());

    public TrustOptions {
        pinnedSha256 = pinnedSha256.stream().map(TrustOptions::normalizeFingerprint)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Accepts "AB:CD:..." as openssl prints it, or plain hex, in either case. */
    public static String normalizeFingerprint(String fingerprint) {
        String clean = fingerprint.strip().replace(":", "").replace(" ", "").toLowerCase(Locale.ROOT);
        if (clean.startsWith("sha256/") || clean.startsWith("sha256=")) {
            clean = clean.substring(7);
        }
        if (!SHA256.matcher(clean).matches()) {
            throw new IllegalArgumentException("a SHA-256 fingerprint is 64 hex digits (colons allowed): " + fingerprint);
        }
        return clean;
    }
}
