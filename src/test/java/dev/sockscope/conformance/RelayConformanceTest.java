package dev.sockscope.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockscope.app.AppContext;
import dev.sockscope.app.ProxyService;
import dev.sockscope.testing.PythonPeer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The relay role: each ported case played by the fuzzing peer as the server, python3-websockets as
 * the echoing client, and Sockscope's proxy (reverse mode, recording into a real store) between
 * them. A case passes when the end-to-end behaviour is what the case expects of the client.
 */
class RelayConformanceTest {
    private static ServerSocket fuzzer;
    private static AppContext app;
    private static ProxyService.Running proxy;
    private static Process client;
    private static Writer urls;
    private static BufferedReader done;

    @BeforeAll
    static void start() throws Exception {
        PythonPeer.requireInCi();
        fuzzer = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        fuzzer.setSoTimeout(15_000);
        app = new AppContext(Files.createTempDirectory("sockscope-relay-conformance"));
        proxy = ProxyService.start(app, ProxyService.Settings.loopback(0, "autobahn-relay")
                .reversing("ws://127.0.0.1:" + fuzzer.getLocalPort(), false));
        client = new ProcessBuilder(PythonPeer.PYTHON.toString(), Path.of("src/test/resources/peers/autobahn_echo_client.py")
                .toAbsolutePath().toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        urls = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.UTF_8);
        done = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
    }

    @AfterAll
    static void finish() throws Exception {
        if (client != null) {
            client.destroy();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (app != null) {
            app.close();
        }
        if (fuzzer != null) {
            fuzzer.close();
            ConformanceReport.write("relay");
        }
    }

    static List<AutobahnCase> cases() {
        return Cases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void caseIsRelayedConformingly(AutobahnCase testCase) throws Exception {
        urls.write("ws://127.0.0.1:" + proxy.address().getPort() + "/" + testCase.id() + "\n");
        urls.flush();
        Judge.Verdict verdict;
        try (Socket socket = fuzzer.accept()) {
            socket.setTcpNoDelay(true);
            verdict = Judge.judge(testCase, new CasePlayer(socket, testCase).play());
        }
        String line = done.readLine();
        assertTrue("done".equals(line), "the python client finished the case: " + line);
        ConformanceReport.record("relay", testCase, verdict);
        assertTrue(verdict.acceptable(), testCase.id() + " (" + testCase.description() + "), relayed: " + verdict.overall()
                + ": " + verdict.reason());
    }
}
