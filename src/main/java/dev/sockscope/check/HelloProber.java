package dev.sockscope.check;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;

/** Sends one {@link ClientHello} on a connection of its own and reads the server's reply. */
final class HelloProber {
    private final String host;
    private final int port;
    private final Duration timeout;

    HelloProber(String host, int port, Duration timeout) {
        this.host = host;
        this.port = port;
        this.timeout = timeout;
    }

    /** The reply; a connection that fails or stays silent is a {@link ServerReply.NoHello} saying so. */
    ServerReply offer(TlsVersion version, List<CipherSuite> suites) {
        int millis = (int) Math.max(1, timeout.toMillis());
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), millis);
            socket.setSoTimeout(millis);
            OutputStream out = socket.getOutputStream();
            out.write(ClientHello.build(version, suites, host));
            out.flush();
            return ServerReply.read(socket.getInputStream());
        } catch (ConnectException e) {
            return new ServerReply.NoHello("connection refused");
        } catch (SocketTimeoutException e) {
            return new ServerReply.NoHello("no answer within " + millis + " ms");
        } catch (IOException e) {
            return new ServerReply.NoHello("the connection failed: " + e.getMessage());
        }
    }
}
