package dev.sockscope.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The python3-websockets echo server from Debian, started as a separate process for a test.
 * It stops when we close its standard input, or is killed after a grace period.
 */
public final class PythonPeer implements AutoCloseable {
    public static final Path PYTHON = Path.of("/usr/bin/python3");

    private final Process process;
    private final int port;

    private PythonPeer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** True when Debian's python3 with the websockets module is installed. */
    public static boolean available() {
        if (!Files.isExecutable(PYTHON)) {
            return false;
        }
        try {
            Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import websockets").redirectErrorStream(true).start();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Fails in CI when python3-websockets is missing (CI installs it); elsewhere skips the test. */
    public static void requireInCi() {
        if (System.getenv("CI") != null) {
            org.junit.jupiter.api.Assertions.assertTrue(available(), "CI must install python3-websockets (see .ci/run)");
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(available(), "python3-websockets is not installed");
    }

    public static PythonPeer start(Path cert, Path key) throws IOException {
        return cert == null ? script("echo_server.py") : script("echo_server.py", "--cert", cert.toString(), "--key",
                key.toString());
    }

    /** Another server of {@code src/test/resources/peers} that prints "PORT n" when ready and stops when stdin closes. */
    public static PythonPeer script(String name, String... args) throws IOException {
        Path script = Path.of("src/test/resources/peers", name).toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(PYTHON.toString(), script.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null || !line.startsWith("PORT ")) {
            process.destroyForcibly();
            throw new IOException("python " + name + " did not start: " + line);
        }
        return new PythonPeer(process, Integer.parseInt(line.substring(5).strip()));
    }

    public int port() {
        return port;
    }

    @Override
    public void close() throws Exception {
        process.getOutputStream().close();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
