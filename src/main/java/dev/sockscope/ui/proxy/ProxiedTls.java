package dev.sockscope.ui.proxy;

import dev.sockscope.app.LiveConnection;
import dev.sockscope.core.Failure;
import dev.sockscope.core.FailureKind;
import dev.sockscope.core.SessionEvent;

/** What the proxy did with a connection's TLS, as the list says it. */
public enum ProxiedTls {
    /** ws://: nothing to intercept. */
    PLAIN("plain ws://"),
    /** TLS ended at Sockscope on the app's side and verified anew to the server: both legs seen. */
    INTERCEPTED("intercepted"),
    /** An --ignore-host match: the bytes passed through, never decrypted. */
    TUNNELLED("tunnelled untouched"),
    /** Sockscope did not accept the server's certificate (or could not agree on TLS with it). */
    UPSTREAM_REFUSED("server's certificate refused"),
    /** The app did not accept the certificate Sockscope presented: it does not trust the CA yet. */
    APP_REFUSED("app refused our certificate");

    private final String words;

    ProxiedTls(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }

    /** True for the states that need the user to act (trust the CA, or look at the server's certificate). */
    public boolean problem() {
        return this == UPSTREAM_REFUSED || this == APP_REFUSED;
    }

    static ProxiedTls of(LiveConnection live) {
        SessionEvent end = live.end();
        if (end instanceof SessionEvent.NotUpgraded) {
            return TUNNELLED;
        }
        Failure failure = live.failure();
        if (failure != null && failure.kind() == FailureKind.APP_REFUSED_CERTIFICATE) {
            return APP_REFUSED;
        }
        if (failure != null && failure.kind() == FailureKind.UPSTREAM_TLS) {
            return UPSTREAM_REFUSED;
        }
        return live.url().secure() ? INTERCEPTED : PLAIN;
    }
}
