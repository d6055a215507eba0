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
 */
public record TrustVerdict(List<X509Certificate> chain, FailureKind refusal, String reason, boolean pinned) {
    public TrustVerdict {
        chain = List.copyOf(chain);
    }

    public boolean trusted() {
        return refusal == null;
    }
}
