package dev.sockscope.check;

import dev.sockscope.core.CheckRequest;
import dev.sockscope.core.Header;
import dev.sockscope.tls.ClientTls;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * One HTTP/1.1 request (a WebSocket upgrade, or a plain GET) on a connection of its own, over TLS
 * trusted as the request says when {@code tls}, and the response's head. The connection is closed
 * after the head unless the caller keeps it ({@link #open}).
 */
final class UpgradeProbe {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_HEAD = 64 * 1024;

    /** A response head, or why there was none ({@code failure} set, {@code status} 0). */
    record Response(int status, String statusLine, List<Header> headers, String failure) {
        boolean upgraded() {
            return status == 101;
        }

        Optional<String> header(String name) {
            return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).findFirst();
        }

        List<String> all(String name) {
            return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).toList();
        }

        /** For evidence: the status line, or the failure. */
        String describe() {
            return failure != null ? failure : statusLine;
        }

        static Response failed(String why) {
            return new Response(0, "", List.of(), why);
        }
    }

    /** A connection whose upgrade was answered; the caller closes it. */
    record Open(Socket socket, Response response) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private final CheckRequest request;

    UpgradeProbe(CheckRequest request) {
        this.request = request;
    }

    /** An upgrade of {@code resource} at {@code host:port} with exactly {@code headers} (Origin among them, or not). */
    Response upgrade(String host, int port, boolean tls, String resource, List<Header> headers) {
        try (Open open = open(host, port, tls, upgradeHead(host, port, resource, headers))) {
            if (open.response().upgraded()) {
                sayGoodbye(open.socket());
            }
            return open.response();
        } catch (ProbeFailure e) {
            return Response.failed(e.getMessage());
        } catch (IOException e) {
            return Response.failed("the connection failed: " + e.getMessage());
        }
    }

    /** A GET of {@code path} (for the headers an HTTPS answer carries). */
    Response get(String host, int port, boolean tls, String path) {
        String head = "GET " + path + " HTTP/1.1\r\nHost: " + authority(host, port) + "\r\nUser-Agent: Sockscope\r\n"
                + "Accept: */*\r\nConnection: close\r\n\r\n";
        try (Open open = open(host, port, tls, head)) {
            return open.response();
        } catch (ProbeFailure e) {
            return Response.failed(e.getMessage());
        } catch (IOException e) {
            return Response.failed("the connection failed: " + e.getMessage());
        }
    }

    /** Sends {@code head} and reads the response head, leaving the connection open. */
    Open open(String host, int port, boolean tls, String head) throws ProbeFailure {
        int millis = (int) Math.max(1, request.timeout().toMillis());
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), millis);
            socket.setSoTimeout(millis);
            if (tls) {
                socket = ClientTls.create(request.trust()).handshake(socket, host, port);
            }
            socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new Open(socket, readHead(socket.getInputStream()));
        } catch (ConnectException e) {
            close(socket);
            throw new ProbeFailure(authority(host, port) + ": connection refused");
        } catch (SocketTimeoutException e) {
            close(socket);
            throw new ProbeFailure(authority(host, port) + ": no answer within " + millis + " ms");
        } catch (SSLException e) {
            close(socket);
            throw new ProbeFailure(authority(host, port) + ": the TLS handshake failed (" + tlsReason(e) + ")");
        } catch (IOException | GeneralSecurityException e) {
            close(socket);
            throw new ProbeFailure(authority(host, port) + ": " + e.getMessage());
        }
    }

    /** JSSE's reason in words a user reads: its messages name record formats and alerts in its own terms. */
    static String tlsReason(SSLException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.contains("Unsupported or unrecognized SSL message")) {
            return "the server did not answer in TLS: is it ws:// rather than wss://?";
        }
        if (message.contains("PKIX path") || message.contains("unable to find valid certification path")) {
            return "the certificate is not trusted: give its CA with --ca-file, or see the certificate item";
        }
        if (message.contains("No subject alternative") || message.contains("No name matching")) {
            return "the certificate is not for this host name";
        }
        if (message.startsWith("Received fatal alert: ")) {
            return "the server refused with alert " + message.substring("Received fatal alert: ".length());
        }
        return message.isEmpty() ? "no reason given" : message;
    }

    String upgradeHead(String host, int port, String resource, List<Header> headers) {
        byte[] key = new byte[16];
        RANDOM.nextBytes(key);
        StringBuilder head = new StringBuilder("GET ").append(resource).append(" HTTP/1.1\r\n")
                .append("Host: ").append(authority(host, port)).append("\r\n")
                .append("Upgrade: websocket\r\nConnection: Upgrade\r\n")
                .append("Sec-WebSocket-Key: ").append(Base64.getEncoder().encodeToString(key)).append("\r\n")
                .append("Sec-WebSocket-Version: 13\r\n");
        if (!request.subprotocols().isEmpty()) {
            head.append("Sec-WebSocket-Protocol: ").append(String.join(", ", request.subprotocols())).append("\r\n");
        }
        for (Header header : headers) {
            head.append(header.name()).append(": ").append(header.value()).append("\r\n");
        }
        return head.append("\r\n").toString();
    }

    static Response readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return head.size() == 0 ? Response.failed("the server closed the connection without an answer")
                        : parse(head.toString(StandardCharsets.ISO_8859_1));
            }
            head.write(b);
            matched = b == (matched % 2 == 0 ? '\r' : '\n') ? matched + 1 : b == '\r' ? 1 : 0;
            if (head.size() > MAX_HEAD) {
                return Response.failed("the answer's head was larger than " + MAX_HEAD + " bytes");
            }
        }
        return parse(head.toString(StandardCharsets.ISO_8859_1));
    }

    private static Response parse(String head) {
        String[] lines = head.split("\r\n");
        String statusLine = lines[0].strip();
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            return Response.failed("the answer was not HTTP (\"" + statusLine.substring(0, Math.min(40, statusLine.length()))
                    + "\")");
        }
        int status;
        try {
            status = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            return Response.failed("the answer's status was not a number (\"" + statusLine + "\")");
        }
        List<Header> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.add(new Header(lines[i].substring(0, colon).strip(), lines[i].substring(colon + 1).strip()));
            }
        }
        return new Response(status, statusLine, headers, null);
    }

    static String authority(String host, int port) {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    static boolean isHeader(Header header, String name) {
        return header.name().toLowerCase(Locale.ROOT).equals(name);
    }

    /** A close frame (1000, masked as a client's must be) before the socket goes, so the server sees a polite end. */
    static void sayGoodbye(Socket socket) {
        byte[] mask = new byte[4];
        RANDOM.nextBytes(mask);
        byte[] payload = {0x03, (byte) 0xE8};
        byte[] frame = {(byte) 0x88, (byte) 0x82, mask[0], mask[1], mask[2], mask[3],
            (byte) (payload[0] ^ mask[0]), (byte) (payload[1] ^ mask[1])};
        try {
            socket.getOutputStream().write(frame);
            socket.getOutputStream().flush();
            socket.setSoTimeout(500);
            // The server's close in answer, if it comes soon; the probe has what it came for either way.
            socket.getInputStream().read(new byte[64]);
        } catch (IOException ignored) {
            // the server went first; nothing to be polite to
        }
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already failed; the probe says why
        }
    }

    /** Why a probe got no answer, worded for the report. */
    static final class ProbeFailure extends Exception {
        private static final long serialVersionUID = 1L;

        ProbeFailure(String message) {
            super(message);
        }
    }
}
