package dev.sockscope.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * An app under development as the proxy sees it, written byte by byte so tests control every bit:
 * it asks the proxy for a ws:// URL (absolute form) or a CONNECT tunnel (with TLS inside, trusting
 * only the CA it is given), sends the upgrade, and then writes and reads raw frames.
 */
public final class ProxiedClient implements AutoCloseable {
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final String KEY = "dGhlIHNhbXBsZSBub25jZQ==";

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String responseHead;
    private final SSLSocket tls;

    private ProxiedClient(Socket socket, SSLSocket tls, String responseHead) throws IOException {
        this.socket = socket;
        this.tls = tls;
        this.in = (tls != null ? tls : socket).getInputStream();
        this.out = (tls != null ? tls : socket).getOutputStream();
        this.responseHead = responseHead;
    }

    /** ws:// through the proxy: {@code GET ws://host:port/path} in absolute form. */
    public static ProxiedClient absolute(int proxyPort, String host, int port, String path) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxyPort);
        socket.setSoTimeout(10_000);
        socket.getOutputStream().write(upgrade("http://" + host + ":" + port + path, host + ":" + port));
        return new ProxiedClient(socket, null, readHead(socket.getInputStream()));
    }

    /**
     * Straight to a reverse proxy, as if it were the server: ws:// when {@code trusted} is null, else
     * wss:// trusting only that CA, for the name {@code host}.
     */
    public static ProxiedClient direct(int proxyPort, String host, String path, X509Certificate trusted) throws Exception {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxyPort);
        socket.setSoTimeout(10_000);
        if (trusted == null) {
            socket.getOutputStream().write(upgrade(path, host + ":" + proxyPort));
            return new ProxiedClient(socket, null, readHead(socket.getInputStream()));
        }
        SSLSocket tls = (SSLSocket) trusting(trusted).getSocketFactory().createSocket(socket, host, proxyPort, true);
        SSLParameters params = tls.getSSLParameters();
        params.setEndpointIdentificationAlgorithm("HTTPS");
        params.setServerNames(List.of(new SNIHostName(host)));
        tls.setSSLParameters(params);
        tls.startHandshake();
        tls.getOutputStream().write(upgrade(path, host + ":" + proxyPort));
        return new ProxiedClient(socket, tls, readHead(tls.getInputStream()));
    }

    /** wss:// through a CONNECT tunnel, with TLS to the proxy trusting only {@code trusted}. */
    public static ProxiedClient tunnel(int proxyPort, String host, int port, String path, X509Certificate trusted)
            throws Exception {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxyPort);
        socket.setSoTimeout(10_000);
        socket.getOutputStream().write(("CONNECT " + host + ":" + port + " HTTP/1.1\r\nHost: " + host + ":" + port
                + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        String connected = readHead(socket.getInputStream());
        if (!connected.startsWith("HTTP/1.1 200")) {
            socket.close();
            throw new IOException("CONNECT refused: " + connected);
        }
        SSLSocket tls = (SSLSocket) trusting(trusted).getSocketFactory().createSocket(socket, host, port, true);
        SSLParameters params = tls.getSSLParameters();
        params.setEndpointIdentificationAlgorithm("HTTPS");
        if (!host.matches("[0-9.]+")) {
            params.setServerNames(List.of(new SNIHostName(host)));
        }
        tls.setSSLParameters(params);
        tls.startHandshake();
        tls.getOutputStream().write(upgrade(path, host + ":" + port));
        return new ProxiedClient(socket, tls, readHead(tls.getInputStream()));
    }

    /** A client TLS context that trusts only {@code trusted}. */
    public static SSLContext trusting(X509Certificate trusted) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("ca", trusted);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private static byte[] upgrade(String target, String hostHeader) {
        return ("GET " + target + " HTTP/1.1\r\nHost: " + hostHeader + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + KEY + "\r\nSec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The Sec-WebSocket-Accept a server must answer our key with. */
    public static String expectedAccept() throws Exception {
        byte[] sha1 = MessageDigest.getInstance("SHA-1").digest((KEY + GUID).getBytes(StandardCharsets.ISO_8859_1));
        return Base64.getEncoder().encodeToString(sha1);
    }

    static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1 : b == '\r' ? 1 : 0;
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    public String responseHead() {
        return responseHead;
    }

    /** The TLS session with the proxy (null for ws://). */
    public SSLSocket tls() {
        return tls;
    }

    public void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Reads exactly {@code n} bytes. */
    public byte[] read(int n) throws IOException {
        return in.readNBytes(n);
    }

    /** Reads until the peer closes (or ten seconds pass without a byte). */
    public byte[] readToEnd() throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = in.read(buffer)) > 0) {
                all.write(buffer, 0, n);
            }
        } catch (java.net.SocketException e) {
            // reset by the peer: what came before is what we have
        }
        return all.toByteArray();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
