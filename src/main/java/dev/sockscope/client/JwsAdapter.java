package dev.sockscope.client;

import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Map;
import org.java_websocket.WebSocket;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ServerHandshake;

/**
 * Java-WebSocket's client with its lifecycle callbacks turned into calls on
 * {@link ClientConnection}: the only place that knows the library's listener shape. Its messages
 * are not used: what was sent and received is read from the wire by the connection's tap, frame by
 * frame, rather than taken from the library's reassembled and re-decoded copies.
 */
final class JwsAdapter extends WebSocketClient {
    private final ClientConnection owner;

    JwsAdapter(URI uri, Draft draft, Map<String, String> headers, ClientConnection owner) {
        super(uri, draft, headers, 0);
        this.owner = owner;
        setTcpNoDelay(true);
        // Our own pings only: automatic ones would appear on the wire but not in the user's log.
        setConnectionLostTimeout(0);
    }

    @Override
    public void onOpen(ServerHandshake handshake) {
        owner.opened();
    }

    @Override
    public void onMessage(String message) {
        // Seen on the wire by the tap, as the frames that carried it.
    }

    @Override
    public void onMessage(ByteBuffer bytes) {
        // Seen on the wire by the tap, as the frames that carried it.
    }

    /**
     * The connection answers pings itself, from the tap, in wire order (see
     * {@link ClientConnection#frame}): the library would answer only after the tap had published
     * every frame of the same read, so a message completed behind the ping was answered first.
     */
    @Override
    public void onWebsocketPing(WebSocket conn, Framedata frame) {
        // answered by the connection
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {
        owner.ended(code, reason, remote);
    }

    @Override
    public void onError(Exception ex) {
        owner.error(ex);
    }
}
