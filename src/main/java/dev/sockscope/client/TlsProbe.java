package dev.sockscope.client;

import dev.sockscope.core.Failure;
import dev.sockscope.core.FailureKind;
import dev.sockscope.core.TlsInfo;
import dev.sockscope.core.TrustOptions;
import dev.sockscope.core.WsUrl;
import dev.sockscope.tls.ClientTls;
import dev.sockscope.tls.TrustVerdict;
import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.time.Duration;

/**
 * A TLS handshake and nothing more, for inspecting https:// endpoints: connect, shake hands with
 * the same verification a connection would use, capture the session, close.
 */
public final class TlsProbe {
    /** The session as far as the handshake got, and the failure if it did not complete. */
    public record Result(TlsInfo tls, Failure failure) {
    }

    private TlsProbe() {
    }

    /** Blocks for at most about {@code timeout}; call it off the FX thread. */
    public static Result probe(WsUrl url, TrustOptions trust, Duration timeout) {
        EstablishTimer timer = new EstablishTimer();
        Socket plain;
        try {
            plain = timer.connect(url, timeout);
        } catch (IOException e) {
            return new Result(null, ConnectFailures.classify(e, url, timeout, null, "connecting"));
        }
        ClientTls tls;
        try {
            tls = ClientTls.create(trust);
        } catch (IOException | GeneralSecurityException e) {
            close(plain);
            return new Result(null, new Failure(FailureKind.CONFIG, ConnectFailures.messageOf(e)));
        }
        long started = System.currentTimeMillis();
        try (Socket ssl = tls.handshake(plain, url.host(), url.port())) {
            return new Result(TlsSessions.describe((javax.net.ssl.SSLSocket) ssl, url.host(), started), null);
        } catch (IOException e) {
            close(plain);
            TrustVerdict verdict = tls.verdict();
            Failure failure = ConnectFailures.classify(e, url, timeout, verdict, "TLS handshake");
            if (verdict == null) {
                return new Result(null, failure);
            }
            TlsInfo partial = new TlsInfo(verdict.protocol(), verdict.cipherSuite(), "", url.host(), false,
                    TlsSessions.address(plain), verdict.chainDer());
            return new Result(partial, failure.withTls(partial));
        }
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing a socket that failed: nothing more to do
        }
    }
}
