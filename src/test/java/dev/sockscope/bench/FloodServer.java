package dev.sockscope.bench;

import java.io.BufferedOutputStream;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A flood source for benchmarks, run as its own process so its buffers never count against the
 * measured heap. It answers one upgrade on 127.0.0.1 and then writes N unmasked 100-byte text
 * frames as fast as TCP takes them (N from the query: {@code /?n=1000000}), then a close frame.
 * Prints "PORT n" when listening.
 */
public final class FloodServer {
    private static final Pattern KEY = Pattern.compile("(?im)^Sec-WebSocket-Key:\\s*(\\S+)");
    private static final Pattern COUNT = Pattern.compile("[?&]n=(\\d+)");
    /** Payload bytes per message (default 100; 70 to 65,535). */
    private static final Pattern SIZE = Pattern.compile("[?&]size=(\\d+)");

    private FloodServer() {
    }

    /** A flood server running in its own JVM (so it does not share the measured JVM's heap or JIT). */
    public record Running(Process process, int port) implements AutoCloseable {
        @Override
        public void close() {
            process.destroy();
        }
    }

    /** Starts a flood server in a separate JVM and waits for its port. */
    public static Running launch() throws IOException {
        return launch(null);
    }

    /**
     * As {@link #launch()}; with {@code tlsRoot} it serves wss:// with a certificate for localhost from
     * a CA of its own, whose certificate it writes to that file (for the client to trust).
     */
    public static Running launch(java.nio.file.Path tlsRoot) throws IOException {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(
                java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-cp",
                System.getProperty("java.class.path"), FloodServer.class.getName()));
        if (tlsRoot != null) {
            command.add(tlsRoot.toString());
        }
        Process server = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            String line = new java.io.BufferedReader(new java.io.InputStreamReader(server.getInputStream())).readLine();
            return new Running(server, Integer.parseInt(line.substring(5).strip()));
        } catch (IOException | RuntimeException e) {
            server.destroy();
            throw e;
        }
    }

    public static void main(String[] args) throws Exception {
        ServerSocket listening;
        if (args.length > 0) {
            dev.sockscope.testing.TestPki pki = new dev.sockscope.testing.TestPki();
            java.nio.file.Files.writeString(java.nio.file.Path.of(args[0]), pki.root().certificatePem());
            listening = dev.sockscope.tls.ServerTls.context(pki.localhostLeaf()).getServerSocketFactory()
                    .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } else {
            listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        }
        try (ServerSocket server = listening) {
            System.out.println("PORT " + server.getLocalPort());
            System.out.flush();
            while (true) {
                try (Socket socket = server.accept()) {
                    socket.setTcpNoDelay(true);
                    serve(socket);
                } catch (IOException e) {
                    System.err.println("flood connection ended: " + e.getMessage());
                }
            }
        }
    }

    private static void serve(Socket socket) throws IOException, NoSuchAlgorithmException {
        String head = readHead(socket.getInputStream());
        Matcher key = KEY.matcher(head);
        Matcher count = COUNT.matcher(head.lines().findFirst().orElse(""));
        if (!key.find()) {
            return;
        }
        long n = count.find() ? Long.parseLong(count.group(1)) : 1_000_000;
        String accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                .digest((key.group(1) + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII)));
        OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
        out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        Matcher sized = SIZE.matcher(head.lines().findFirst().orElse(""));
        int size = sized.find() ? Integer.parseInt(sized.group(1)) : 100;
        int header = size < 126 ? 2 : size <= 0xFFFF ? 4 : 10;
        byte[] frame = new byte[header + size];
        frame[0] = (byte) 0x81;
        if (size < 126) {
            frame[1] = (byte) size;
        } else if (size <= 0xFFFF) {
            frame[1] = 126;
            frame[2] = (byte) (size >> 8);
            frame[3] = (byte) size;
        } else {
            frame[1] = 127;
            for (int i = 0; i < 8; i++) {
                frame[2 + i] = (byte) ((long) size >>> (8 * (7 - i)));
            }
        }
        for (long i = 0; i < n; i++) {
            byte[] text = String.format("{\"seq\":%09d,\"symbol\":\"BTC-USD\",\"price\":64123.50,\"qty\":0.015,\"pad\":\"", i)
                    .getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(text, 0, frame, header, text.length);
            for (int j = header + text.length; j < frame.length - 2; j++) {
                frame[j] = 'x';
            }
            frame[frame.length - 2] = '"';
            frame[frame.length - 1] = '}';
            out.write(frame);
        }
        out.write(new byte[] {(byte) 0x88, 2, 0x03, (byte) 0xE8});
        out.flush();
        socket.getInputStream().read();
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int b;
        while ((b = in.read()) != -1) {
            head.append((char) b);
            if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                break;
            }
        }
        return head.toString();
    }
}
