package dev.sockscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proxy's TLS listener as testssl (Debian's testssl.sh, which {@code .ci/run} installs) judges
 * it: the proxy runs as users run it (its own process, reverse mode with {@code --tls}), testssl
 * checks protocols, cipher categories, forward secrecy and known vulnerabilities, and any finding
 * rated LOW or worse fails the test with testssl's own words.
 */
class TestsslAgainstTheTlsListenerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> BAD = Set.of("LOW", "MEDIUM", "HIGH", "CRITICAL");

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void testsslFindsNoOldProtocolNoWeakCipherAndNoKnownVulnerability() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/testssl")), "testssl is not installed (apt-get install testssl.sh)");
        Process proxy = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "dev.sockscope.Main", "proxy", "--listen", "127.0.0.1:0",
                "--reverse", "ws://127.0.0.1:9", "--tls", "--quiet", "--data-dir", dir.resolve("data").toString())
                .redirectError(dir.resolve("proxy-stderr.txt").toFile()).start();
        Path report = dir.resolve("testssl.json");
        try (BufferedReader out = new BufferedReader(new InputStreamReader(proxy.getInputStream(), StandardCharsets.UTF_8))) {
            String ready = out.readLine();
            assertTrue(ready != null && ready.startsWith("listening on 127.0.0.1:"), String.valueOf(ready));
            String port = ready.substring(ready.lastIndexOf(':') + 1);
            Process testssl = new ProcessBuilder("testssl", "--quiet", "--color", "0", "--warnings", "off",
                    "--protocols", "--std", "--pfs", "--vulnerable", "--jsonfile", report.toString(), "127.0.0.1:" + port)
                    .redirectErrorStream(true).redirectOutput(dir.resolve("testssl.txt").toFile()).start();
            testssl.getOutputStream().close();
            assertTrue(testssl.waitFor(5, TimeUnit.MINUTES), "testssl finished");
        } finally {
            proxy.destroy();
            proxy.waitFor(20, TimeUnit.SECONDS);
        }
        Map<String, JsonNode> findings = new HashMap<>();
        List<String> bad = new ArrayList<>();
        for (JsonNode finding : JSON.readTree(report.toFile())) {
            findings.put(finding.get("id").asText(), finding);
            if (BAD.contains(finding.get("severity").asText())) {
                bad.add(finding.get("id").asText() + ": " + finding.get("finding").asText());
            }
        }
        assertTrue(bad.isEmpty(), "testssl's findings: " + bad);
        for (String old : List.of("SSLv2", "SSLv3", "TLS1", "TLS1_1")) {
            assertEquals("not offered", findings.get(old).get("finding").asText(), old);
        }
        assertTrue(findings.get("TLS1_3").get("finding").asText().startsWith("offered"), "TLS 1.3 is offered");
        assertTrue(findings.containsKey("secure_client_renego"), "the renegotiation check ran");
    }
}
