package dev.sockscope.client;

import dev.sockscope.core.Failure;
import dev.sockscope.core.FailureKind;
import dev.sockscope.core.Handshake;
import dev.sockscope.core.HandshakeFacts;
import dev.sockscope.core.WsUrl;
import dev.sockscope.tls.TrustVerdict;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import javax.net.ssl.SSLException;

/** Names the cause of a failed connection attempt in the words errors are reported with. */
final class ConnectFailures {
    private ConnectFailures() {
    }

    static Failure classify(Exception e, WsUrl url, Duration timeout, TrustVerdict verdict, String step) {
        if (verdict != null && !verdict.trusted()) {
            return new Failure(verdict.refusal(), verdict.reason());
        }
        if (e instanceof UnknownHostException) {
            return new Failure(FailureKind.DNS, "cannot resolve " + url.host());
        }
        if (e instanceof SocketTimeoutException) {
            return timeout(url, timeout, step);
        }
        if (e instanceof ConnectException) {
            return new Failure(FailureKind.REFUSED, url.authority());
        }
        if (e instanceof NoRouteToHostException) {
            return new Failure(FailureKind.NETWORK, "no route to " + url.authority());
        }
        if (e instanceof SSLException) {
            return new Failure(FailureKind.TLS_HANDSHAKE, tlsHint(e));
        }
        if (e instanceof IOException) {
            return new Failure(FailureKind.NETWORK, step + ": " + messageOf(e));
        }
        return new Failure(FailureKind.NETWORK, step + ": " + messageOf(e));
    }

    /**
     * Why an upgrade did not complete, from what the server answered (the library's own reason
     * names its internals): a head we refused, an HTTP status, a 101 that breaks RFC 6455 4.1, no
     * answer at all.
     */
    static Failure upgrade(Handshake handshake, String responseProblem, String libraryReason, Exception lastError) {
        if (responseProblem != null) {
            return new Failure(FailureKind.PROTOCOL, "the server's upgrade response is not usable: " + responseProblem, handshake);
        }
        if (handshake.status() > 0 && handshake.status() != 101) {
            return new Failure(FailureKind.HTTP_STATUS, "HTTP " + handshake.statusLine().replaceFirst("^HTTP/\\S+\\s+", ""),
                    handshake);
        }
        java.util.Optional<String> refused = HandshakeFacts.refusalOf(handshake);
        if (refused.isPresent()) {
            return new Failure(FailureKind.PROTOCOL, "upgrade refused: " + refused.get(), handshake);
        }
        if (handshake.responseHead().isEmpty() && lastError == null) {
            return new Failure(FailureKind.PROTOCOL, "the server closed the connection without answering the upgrade", handshake);
        }
        String detail = libraryReason == null || libraryReason.isEmpty()
                ? lastError == null ? "upgrade failed" : messageOf(lastError) : libraryReason;
        return new Failure(FailureKind.PROTOCOL, "upgrade refused: " + detail, handshake);
    }

    static Failure timeout(WsUrl url, Duration timeout, String step) {
        String hint = step.equals("TLS handshake") ? "; is it a plain ws:// server?" : "";
        return new Failure(FailureKind.TIMEOUT, "no answer from " + url.authority() + " within "
                + timeout.toMillis() / 1000.0 + " s (" + step + hint + ")");
    }

    private static String tlsHint(Exception e) {
        String message = messageOf(e);
        if (message.contains("Unsupported or unrecognized SSL message") || message.contains("plaintext")) {
            return "the server did not answer with TLS (is it ws:// rather than wss://?)";
        }
        if (message.contains("protocol_version") || message.contains("No appropriate protocol")) {
            return "no TLS version in common (the server may offer only TLS 1.0/1.1): " + message;
        }
        if (message.contains("handshake_failure")) {
            return "the server refused the handshake (no cipher suite in common?): " + message;
        }
        return message;
    }

    static String messageOf(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root && root.getMessage() == null) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }
}
