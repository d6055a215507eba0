package dev.sockscope.core;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Sockscope's own certificate authority as a user needs to know it: where its certificate is, how
 * to recognise it, and how long it lasts.
 *
 * @param sha256 the certificate's SHA-256 fingerprint, lowercase hex
 * @param spkiSha256 the SHA-256 of its public key (SubjectPublicKeyInfo), base64: what Chromium's
 *     {@code --ignore-certificate-errors-spki-list} takes
 * @param permittedNames the names it may sign for when name-constrained; empty when it may sign any
 * @param created true when this call made it (the first use on this install)
 */
public record CaInfo(Path certificateFile, String subject, String sha256, String spkiSha256, Instant notBefore,
        Instant notAfter, List<String> permittedNames, boolean created) {
}
