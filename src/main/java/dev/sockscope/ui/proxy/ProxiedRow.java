package dev.sockscope.ui.proxy;

import dev.sockscope.app.LiveConnection;
import dev.sockscope.core.Bytes;
import dev.sockscope.core.ConnectionState;
import dev.sockscope.core.Direction;
import dev.sockscope.core.SessionEvent;
import java.util.Locale;

/**
 * One proxied connection as the list shows it, read from its live connection at one moment.
 *
 * @param messagesSent app to server; {@code messagesReceived} server to app
 * @param endedMicros when it closed or failed, or -1 while it runs
 */
public record ProxiedRow(long id, String host, String path, ConnectionState state, ProxiedTls tls, long startedMicros,
        long endedMicros, long messagesSent, long messagesReceived, long bytesSent, long bytesReceived,
        LiveConnection live) {

    static ProxiedRow of(LiveConnection live) {
        var log = live.log();
        String path = live.url().uri().getRawPath();
        if (live.url().uri().getRawQuery() != null) {
            path += "?" + live.url().uri().getRawQuery();
        }
        SessionEvent end = live.end();
        long bytesUp = log == null ? 0 : log.bytes(Direction.SEND);
        long bytesDown = log == null ? 0 : log.bytes(Direction.RECEIVE);
        if (end instanceof SessionEvent.NotUpgraded tunnel) {
            bytesUp = tunnel.bytesUp();
            bytesDown = tunnel.bytesDown();
        }
        return new ProxiedRow(live.id(), live.url().host() + ":" + live.url().port(), path.isEmpty() ? "/" : path,
                live.state(), ProxiedTls.of(live), live.startedMicros(), endMicros(end),
                log == null ? 0 : log.count(Direction.SEND), log == null ? 0 : log.count(Direction.RECEIVE), bytesUp, bytesDown,
                live);
    }

    private static long endMicros(SessionEvent end) {
        if (end instanceof SessionEvent.Closed c) {
            return c.timestampMicros();
        } else if (end instanceof SessionEvent.Failed f) {
            return f.timestampMicros();
        } else if (end instanceof SessionEvent.NotUpgraded n) {
            return n.timestampMicros();
        }
        return -1;
    }

    /** "wss://host:port/path": the URL an app asked for. */
    public String url() {
        return live.url().toString();
    }

    /** How long it has run, or ran, in milliseconds. */
    public long durationMillis(long nowMicros) {
        return Math.max(0, ((endedMicros < 0 ? nowMicros : endedMicros) - startedMicros) / 1000);
    }

    /** The row as one line of text: host and path first (what the list's text holds), then the rest. */
    public String summary() {
        return String.format(Locale.ROOT, "%s%s  %s  %s  \u2197 %,d (%s)  \u2199 %,d (%s)", host, path,
                state.name().toLowerCase(Locale.ROOT), tls.words(), messagesSent, Bytes.humanSize(bytesSent), messagesReceived,
                Bytes.humanSize(bytesReceived));
    }
}
