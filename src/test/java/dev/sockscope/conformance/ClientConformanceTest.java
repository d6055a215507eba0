package dev.sockscope.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The client role: Sockscope's client, echoing everything through its public API, against each
 * ported Autobahn case played by the fuzzing peer as the server. A case that is not OK,
 * NON-STRICT or INFORMATIONAL fails the build with what differed; the run writes
 * {@code docs/conformance.md}.
 */
class ClientConformanceTest {
    private static ScheduledExecutorService timer;

    @BeforeAll
    static void start() {
        timer = Executors.newSingleThreadScheduledExecutor();
    }

    @AfterAll
    static void finish() throws Exception {
        timer.shutdownNow();
        ConformanceReport.write("client");
    }

    static List<AutobahnCase> cases() {
        return Cases.selected();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void caseIsConforming(AutobahnCase testCase) throws Exception {
        Judge.Verdict verdict;
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(10_000);
            EchoDriver client = EchoDriver.connect(server.getLocalPort(), testCase.deflate() != null, timer);
            try (Socket socket = server.accept()) {
                socket.setTcpNoDelay(true);
                verdict = Judge.judge(testCase, new CasePlayer(socket, testCase).play());
            }
            client.awaitEnd(5_000);
        }
        ConformanceReport.record("client", testCase, verdict);
        assertTrue(verdict.acceptable(), testCase.id() + " (" + testCase.description() + "): " + verdict.overall() + ": "
                + verdict.reason());
    }
}
