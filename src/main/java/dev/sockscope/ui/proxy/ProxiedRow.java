package dev.sockscope.ui.proxy;

import dev.sockscope.app.LiveConnection;
import dev.sockscope.core.ConnectionState;
import dev.sockscope.core.Direction;

/**
 * One proxied connection as the list shows it, read from its live connection at one moment.
 *
 * @param messagesSent app to server; {@code messagesReceived} server to app
 */
public record ProxiedRow(long id, String host, String path, ConnectionState state, long messagesSent,
        long messagesReceived, long bytesSent, long bytesReceived, LiveConnection live) {

    static ProxiedRow of(LiveConnection live) {
        var log = live.log();
        String path = live.url().uri().getRawPath();
        if (live.url().uri().getRawQuery() != null) {
            path += "?" + live.url().uri().getRawQuery();
        }
        return new ProxiedRow(live.id(), live.url().host() + ":" + live.url().port(), path.isEmpty() ? "/" : path,
                live.state(), log == null ? 0 : log.count(Direction.SEND), log == null ? 0 : log.count(Direction.RECEIVE),
                log == null ? 0 : log.bytes(Direction.SEND), log == null ? 0 : log.bytes(Direction.RECEIVE), live);
    }

    /** "wss://host:port/path": the URL an app asked for. */
    public String url() {
        return live.url().toString();
    }
}
