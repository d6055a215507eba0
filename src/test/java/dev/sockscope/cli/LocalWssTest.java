package dev.sockscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sockscope.testing.EchoServer;
import dev.sockscope.testing.PythonPeer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * wss:// for local development: {@code sockscope proxy --reverse ws://localhost:PORT --tls} in front
 * of a plain dev server, and python3-websockets connecting to it trusting only Sockscope's CA.
 */
class LocalWssTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aPlainDevServerGetsWssForLocalhostAndItsAddressesTrustedThroughSockscopesCaAlone() throws Exception {
        PythonPeer.requireInCi();
        Path data = dir.resolve("data");
        Path ca = dir.resolve("sockscope-ca.pem");
        assertEquals(0, CliRun.run(data, "ca", "export", ca.toString()).exit());
        try (EchoServer dev = EchoServer.plain()) {
            Process proxy = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), "dev.sockscope.Main", "proxy", "--reverse",
                    "ws://localhost:" + dev.boundPort(), "--tls", "--listen", "127.0.0.1:0", "--data-dir", data.toString())
                    .redirectError(dir.resolve("proxy-stderr.txt").toFile()).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(proxy.getInputStream(), StandardCharsets.UTF_8))) {
                String ready = out.readLine();
                assertTrue(ready != null && ready.startsWith("listening on 127.0.0.1:"), ready + Files.readString(
                        dir.resolve("proxy-stderr.txt")));
                int port = Integer.parseInt(ready.substring(ready.lastIndexOf(':') + 1));
                for (String host : List.of("localhost", "127.0.0.1")) {
                    List<String> lines = python("wss://" + host + ":" + port + "/dev", ca);
                    assertEquals("{\"text\": \"hello over local wss\"}", lines.get(0), lines.toString());
                    assertEquals("{\"closed\": 1000}", lines.get(1), lines.toString());
                }
                JsonNode tls = JSON.readTree(CliRun.run(data, "tls", "wss://localhost:" + port + "/", "--ca-file",
                        ca.toString(), "--json").out());
                assertTrue(tls.get("trusted").asBoolean(), tls.toString());
                String names = tls.get("chain").get(0).get("sans").toString();
                assertTrue(names.contains("localhost") && names.contains("127.0.0.1") && names.contains("0:0:0:0:0:0:0:1"), names);
            } finally {
                proxy.destroy();
                proxy.waitFor(20, TimeUnit.SECONDS);
            }
        }
    }

    private List<String> python(String url, Path ca) throws Exception {
        Process client = new ProcessBuilder(PythonPeer.PYTHON.toString(), Path.of("src/test/resources/peers/wss_client.py")
                .toAbsolutePath().toString(), url, "--cafile", ca.toString()).redirectErrorStream(true).start();
        assertTrue(client.waitFor(30, TimeUnit.SECONDS), "the python client finished");
        List<String> lines = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertEquals(0, client.exitValue(), lines.toString());
        return lines;
    }
}
