package dev.sockscope.client;

import dev.sockscope.core.Clock;
import dev.sockscope.core.Direction;
import dev.sockscope.core.Frame;
import dev.sockscope.core.Opcode;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.java_websocket.WebSocket;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ServerHandshake;

/**
 * Java-WebSocket's client with its callbacks turned into calls on {@link ClientConnection}: the
 * only place that knows the library's listener shape.
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
        owner.frame(Frame.message(Direction.RECEIVE, Opcode.TEXT, message.getBytes(StandardCharsets.UTF_8),
                Clock.nowMicros()));
    }

    @Override
    public void onMessage(ByteBuffer bytes) {
        owner.frame(Frame.message(Direction.RECEIVE, Opcode.BINARY, toArray(bytes), Clock.nowMicros()));
    }

    @Override
    public void onWebsocketPing(WebSocket conn, Framedata f) {
        byte[] payload = toArray(f.getPayloadData());
        owner.frame(Frame.message(Direction.RECEIVE, Opcode.PING, payload, Clock.nowMicros()));
        super.onWebsocketPing(conn, f);
        owner.frame(Frame.message(Direction.SEND, Opcode.PONG, payload, Clock.nowMicros()));
    }

    @Override
    public void onWebsocketPong(WebSocket conn, Framedata f) {
        owner.frame(Frame.message(Direction.RECEIVE, Opcode.PONG, toArray(f.getPayloadData()),
                Clock.nowMicros()));
    }

    @Override
    public void onCloseInitiated(int code, String reason) {
        owner.closeSent(code, reason, true);
    }

    @Override
    public void onClosing(int code, String reason, boolean remote) {
        if (remote) {
            owner.closeReceived(code, reason);
            owner.closeSent(code, reason, false);
        }
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {
        owner.ended(code, reason, remote);
    }

    @Override
    public void onError(Exception ex) {
        owner.error(ex);
    }

    private static byte[] toArray(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] out = new byte[copy.remaining()];
        copy.get(out);
        return out;
    }
}
