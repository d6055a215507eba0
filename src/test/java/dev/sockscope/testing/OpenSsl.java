package dev.sockscope.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
        private static final int ATTEMPTS = 3;
        private final Process process;
        private final int port;

        /**
         * Starts on a free port. The port is probed and released before s_server binds it, so
         * something else may take it meanwhile: then s_server says "Address already in use" and
         * exits, and we try again on another port.
         */
        public Server(Path dir) throws IOException, InterruptedException {
            this(dir, new String[0]);
        }

        /** As {@link #Server(Path)}, with more s_server options (e.g. {@code -tls1}). */
        public Server(Path dir, String... options) throws IOException, InterruptedException {
            Path log = dir.resolve("s_server.log");
            String why = "";
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                int candidate;
                try (ServerSocket probe = new ServerSocket(0)) {
                    candidate = probe.getLocalPort();
                }
                // Not -quiet: s_server prints ACCEPT once it listens, which tells its port from a thief's.
                List<String> command = new ArrayList<>(List.of("openssl", "s_server", "-accept", "127.0.0.1:" + candidate,
                        "-cert", "leaf.pem", "-key", "leaf.key", "-www"));
                command.addAll(List.of(options));
                Process started = new ProcessBuilder(command).directory(dir.toFile())
                        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
                if (listening(started, candidate, log)) {
                    process = started;
                    port = candidate;
                    return;
                }
                stop(started);
                why = Files.readString(log);
                if (!why.contains("Address already in use")) {
                    break;
                }
            }
            throw new IOException("openssl s_server did not start: " + why);
        }

        /** True once s_server says it listens and accepts a connection; false when it exits or takes over 10 s. */
        private static boolean listening(Process started, int port, Path log) throws IOException, InterruptedException {
            try {
                return Eventually.settle(Duration.ofSeconds(10),
                        () -> Files.readString(log).contains("ACCEPT") && accepts(port), up -> up || !started.isAlive());
            } catch (IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException(e);
            }
        }

        private static boolean accepts(int port) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return true;
            } catch (IOException e) {
                return false;
            }
        }

        private static void stop(Process p) throws InterruptedException {
            p.destroy();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }

        public int port() {
            return port;
        }

        @Override
        public void close() throws InterruptedException {
            stop(process);
        }
    }
}
