/**
 * Everything TLS: SSLContext factories with the user's trust choices (JDK store, extra CA file,
 * pinned fingerprints), failure classification, and certificate building. BouncyCastle is
 * imported here and nowhere else.
 *
 * <p>May import {@code core}.
 */
package dev.sockscope.tls;
