package dev.sockscope.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** The openssl command line, for certificates and a TLS server that our code did not make. */
public final class OpenSsl {
    private OpenSsl() {
    }

    public static String run(Path dir, String... args) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(args)).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", args) + " failed: " + out);
        }
        return out;
    }

    /** Makes ca.pem/ca.key and leaf.pem/leaf.key (EC P-256, for localhost and 127.0.0.1) in {@code dir}. */
    public static void makeChain(Path dir) throws IOException, InterruptedException {
        run(dir, "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", "ca.key", "-out", "ca.pem", "-days", "30", "-subj", "/O=OpenSSL Made/CN=OpenSSL Test CA",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        run(dir, "openssl", "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", "leaf.key", "-out", "leaf.csr", "-subj", "/CN=localhost");
        Files.writeString(dir.resolve("leaf.ext"), "subjectAltName=DNS:localhost,IP:127.0.0.1\n"
                + "extendedKeyUsage=serverAuth\nkeyUsage=critical,digitalSignature\n");
        run(dir, "openssl", "x509", "-req", "-in", "leaf.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", "leaf.pem", "-days", "10", "-extfile", "leaf.ext");
    }

    /** "sha256 Fingerprint=AB:CD..." as lowercase hex without colons. */
    public static String fingerprint(Path dir, String pem, String digest) throws IOException, InterruptedException {
        String line = run(dir, "openssl", "x509", "-in", pem, "-noout", "-fingerprint", "-" + digest).strip();
        return line.substring(line.indexOf('=') + 1).replace(":", "").toLowerCase(Locale.ROOT);
    }

    /** {@code openssl s_server} on 127.0.0.1 with the chain in {@code dir}; close to stop it. */
    public static final class Server implements AutoCloseable {
        private final Process process;
        private final int port;

        public Server(Path dir) throws IOException, InterruptedException {
            try (ServerSocket probe = new ServerSocket(0)) {
                port = probe.getLocalPort();
            }
            process = new ProcessBuilder("openssl", "s_server", "-accept", "127.0.0.1:" + port, "-cert", "leaf.pem",
                    "-key", "leaf.key", "-www", "-quiet").directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("s_server.log").toFile()).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!accepts()) {
                if (System.nanoTime() > deadline || !process.isAlive()) {
                    close();
                    throw new IOException("openssl s_server did not start: " + Files.readString(dir.resolve("s_server.log")));
                }
                Thread.sleep(50);
            }
        }

        private boolean accepts() {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return true;
            } catch (IOException e) {
                return false;
            }
        }

        public int port() {
            return port;
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
