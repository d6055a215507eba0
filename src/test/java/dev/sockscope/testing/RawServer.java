package dev.sockscope.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;

/**
 * A scripted TCP (or TLS) server on 127.0.0.1:0 for failure cases: it reads the request head and
 * answers with fixed bytes, or answers nothing at all. Tracks and closes every socket it accepts.
 */
public final class RawServer implements AutoCloseable {
    private final ServerSocket server;
    private final byte[] response;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    private RawServer(ServerSocket server, byte[] response) {
        this.server = server;
        this.response = response;
        this.acceptor = new Thread(this::acceptLoop, "raw-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Answers every upgrade request with these bytes, then closes. */
    public static RawServer answering(String response) throws IOException {
        return new RawServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()),
                response.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Accepts connections and never says a word. */
    public static RawServer silent() throws IOException {
        return new RawServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), null);
    }

    /** A TLS listener that completes the handshake with {@code context} and then stays silent. */
    public static RawServer silentTls(SSLContext context) throws IOException {
        return new RawServer(context.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress()), null);
    }

    public int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                accepted.add(socket);
                Thread handler = new Thread(() -> serve(socket), "raw-server-conn");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try {
            InputStream in = socket.getInputStream();
            readHead(in);
            if (response == null) {
                return;
            }
            OutputStream out = socket.getOutputStream();
            out.write(response);
            out.flush();
            socket.close();
        } catch (IOException e) {
            // the client went away: nothing to do
        }
    }

    private static void readHead(InputStream in) throws IOException {
        int matched = 0;
        int b;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4 && (b = in.read()) != -1) {
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
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
