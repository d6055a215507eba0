package dev.sockscope.app;

import dev.sockscope.client.TlsProbe;
import dev.sockscope.core.Failure;
import dev.sockscope.core.TlsInfo;
import dev.sockscope.core.TlsReport;
import dev.sockscope.core.TrustOptions;
import dev.sockscope.core.WsUrl;
import dev.sockscope.tls.TlsInspector;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Duration;

/** The certificate viewer's service: the verdict on a captured TLS session, explained. */
public final class TlsInspection {
    private final java.nio.file.Path dataDir;

    /** @param dataDir where this install's certificate authority lives (for the proxy's app-facing leg) */
    public TlsInspection(java.nio.file.Path dataDir) {
        this.dataDir = dataDir;
    }

    /**
     * The outcome of a TLS-only handshake.
     *
     * @param tls the session as far as it got (with the chain, even when refused), or null
     * @param failure why it did not complete, or null
     */
    public record Probe(TlsInfo tls, Failure failure) {
    }

    /** A TLS handshake only (for https:// endpoints), captured even when refused. Blocking. */
    public Probe probe(WsUrl url, TrustOptions trust, Duration timeout) {
        TlsProbe.Result result = TlsProbe.probe(url, trust, timeout);
        return new Probe(result.tls(), result.failure());
    }

    /**
     * Crypto and file work: call it off the FX thread.
     *
     * @throws IllegalArgumentException when the CA file cannot be read, with a message for the user
     */
    public TlsReport report(TlsInfo session, String host, TrustOptions trust) {
        try {
            return TlsInspector.report(session, host, trust);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * The verdict on a session the proxy presented to an app: its chain checked against this
     * install's CA, which is what an app that trusts the CA does. Crypto and file work: off the FX thread.
     */
    public TlsReport reportOfIssued(TlsInfo session, String host) {
        java.nio.file.Path ca = LocalAuthority.in(dataDir).info().certificateFile();
        return report(session, host, new TrustOptions(ca, java.util.Set.of()));
    }
}
