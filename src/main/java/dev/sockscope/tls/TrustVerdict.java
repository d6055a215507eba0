package dev.sockscope.tls;

import dev.sockscope.core.FailureKind;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * What the client's trust check saw during one handshake: the chain the server sent (kept even
 * when it was refused) and, when refused, why.
 *
 * @param refusal null when the chain was accepted
 * @param pinned true when it was accepted only because the user pinned the leaf
 * @param protocol and {@code cipherSuite}: what the handshake had negotiated when the chain was checked
 */
public record TrustVerdict(List<X509Certificate> chain, FailureKind refusal, String reason, boolean pinned,
        String protocol, String cipherSuite) {
    public TrustVerdict {
        chain = List.copyOf(chain);
        protocol = protocol == null ? "" : protocol;
        cipherSuite = cipherSuite == null ? "" : cipherSuite;
    }

    /** The chain as DER bytes, leaf first. */
    public List<byte[]> chainDer() {
        List<byte[]> der = new java.util.ArrayList<>();
        for (X509Certificate cert : chain) {
            try {
                der.add(cert.getEncoded());
            } catch (java.security.cert.CertificateEncodingException e) {
                // A certificate that cannot be re-encoded is left out rather than failing the report.
                continue;
            }
        }
        return der;
    }

    public boolean trusted() {
        return refusal == null;
    }
}
