package dev.sockscope.client;

import dev.sockscope.core.Timings;
import dev.sockscope.core.WsUrl;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import javax.net.ssl.SSLSocket;

/** Resolves, connects and times each step of opening a connection. */
final class EstablishTimer {
    private volatile long dnsMicros = -1;
    private volatile long tcpMicros = -1;
    private volatile long tlsMicros = -1;
    private volatile long startNanos;

    interface TlsStep {
        SSLSocket run() throws IOException;
    }

    static boolean isIpLiteral(String host) {
        return host.contains(":") || host.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    }

    /** Resolves the host and connects to the first address that answers, within the timeout. */
    Socket connect(WsUrl url, Duration timeout) throws IOException {
        startNanos = System.nanoTime();
        long t0 = System.nanoTime();
        InetAddress[] addresses = InetAddress.getAllByName(url.host());
        // An IP literal is parsed, not looked up: no DNS step to show (its parse time would read as one).
        dnsMicros = isIpLiteral(url.host()) ? -1 : (System.nanoTime() - t0) / 1000;
        long t1 = System.nanoTime();
        IOException last = null;
        for (InetAddress address : addresses) {
            long remaining = timeout.toMillis() - (System.nanoTime() - startNanos) / 1_000_000;
            if (remaining <= 0) {
                throw new SocketTimeoutException("connect timed out");
            }
            Socket socket = new Socket();
            try {
                // Without TCP_NODELAY a loopback TLS handshake takes ~44 ms instead of ~5.
                socket.setTcpNoDelay(true);
                socket.connect(new InetSocketAddress(address, url.port()), (int) remaining);
                socket.setSoTimeout((int) Math.max(1, timeout.toMillis() - (System.nanoTime() - startNanos) / 1_000_000));
                tcpMicros = (System.nanoTime() - t1) / 1000;
                return socket;
            } catch (IOException e) {
                socket.close();
                last = e;
            }
        }
        throw last != null ? last : new IOException("no address for " + url.host());
    }

    SSLSocket tls(TlsStep step) throws IOException {
        long t = System.nanoTime();
        SSLSocket ssl = step.run();
        tlsMicros = (System.nanoTime() - t) / 1000;
        return ssl;
    }

    Timings result(long upgradeMicros) {
        return new Timings(dnsMicros, tcpMicros, tlsMicros, upgradeMicros);
    }
}
