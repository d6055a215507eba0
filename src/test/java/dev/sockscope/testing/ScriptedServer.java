package dev.sockscope.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A WebSocket server on 127.0.0.1:0 that completes a real upgrade and then writes exactly the
 * bytes it was given, malformed or not: for tests of what the client does with frames as they
 * come on the wire. It then reads what the client sends; when that holds a close frame it answers
 * with a close of the same code (as a real server does) and hangs up. Tracks and closes every
 * socket it accepts.
 */
public final class ScriptedServer implements AutoCloseable {
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private final ServerSocket server;
    private final byte[] script;
    /** What answers the client's close: null for a close with the same code. */
    private volatile byte[] closeReply;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream fromClient = new ByteArrayOutputStream();

    private ScriptedServer(byte[] script) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.script = script;
        Thread acceptor = new Thread(this::acceptLoop, "scripted-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** After the 101, writes these bytes (hex, spaces allowed) in one go. */
    public static ScriptedServer writing(String hex) throws IOException {
        return new ScriptedServer(HexFormat.of().parseHex(hex.replace(" ", "")));
    }

    public static ScriptedServer writing(byte[] bytes) throws IOException {
        return new ScriptedServer(bytes);
    }

    /** Answers the client's close with these bytes (hex) instead of a close of the same code. */
    public ScriptedServer answeringCloseWith(String hex) {
        closeReply = HexFormat.of().parseHex(hex.replace(" ", ""));
        return this;
    }

    public int port() {
        return server.getLocalPort();
    }

    public String url() {
        return "ws://127.0.0.1:" + port() + "/scripted";
    }

    /** What the client sent after the upgrade, as read so far. */
    public synchronized byte[] clientBytes() {
        return fromClient.toByteArray();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                accepted.add(socket);
                Thread handler = new Thread(() -> serve(socket), "scripted-server-conn");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            String key = keyOf(readHead(in));
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: " + accept(key) + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(script);
            out.flush();
            answerTheClientsClose(in, out);
        } catch (IOException e) {
            // the client went away: nothing more to do
        }
    }

    /** Reads the client's frames until its close frame, then answers with the same code. */
    private void answerTheClientsClose(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[4096];
        int n;
        while ((n = in.read(buffer)) > 0) {
            byte[] all;
            synchronized (this) {
                fromClient.write(buffer, 0, n);
                all = fromClient.toByteArray();
            }
            int code = closeCodeIn(all);
            if (code != 0) {
                byte[] reply = closeReply;
                out.write(reply != null ? reply : new byte[] {(byte) 0x88, 2, (byte) (code >> 8), (byte) code});
                out.flush();
                return;
            }
        }
    }

    /** The code of the first complete close frame in the client's (masked) frames, or 0. */
    private static int closeCodeIn(byte[] b) {
        int at = 0;
        while (at + 6 <= b.length) {
            int opcode = b[at] & 0x0F;
            int len = b[at + 1] & 0x7F;
            int header = 2 + (len == 126 ? 2 : len == 127 ? 8 : 0) + 4;
            if (len >= 126 || at + header + len > b.length) {
                return 0;
            }
            if (opcode == 0x8 && len >= 2) {
                int mask = at + header - 4;
                int hi = (b[at + header] ^ b[mask]) & 0xFF;
                int lo = (b[at + header + 1] ^ b[mask + 1]) & 0xFF;
                return (hi << 8) | lo;
            }
            if (opcode == 0x8) {
                return 1000;
            }
            at += header + len;
        }
        return 0;
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4 && (b = in.read()) != -1) {
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static String keyOf(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("sec-websocket-key:")) {
                return line.substring(line.indexOf(':') + 1).strip();
            }
        }
        return "";
    }

    private static String accept(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.ISO_8859_1));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : accepted) {
            s.close();
        }
    }
}
