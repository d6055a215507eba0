package dev.sockscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockscope.core.HttpExchange;
import dev.sockscope.core.SessionEvent;
import dev.sockscope.testing.Eventually;
import dev.sockscope.testing.HttpOrigin;
import dev.sockscope.testing.RawServer;
import dev.sockscope.testing.RefusingPort;
import dev.sockscope.testing.RunningProxy;
import dev.sockscope.testing.TestPki;
import dev.sockscope.tls.ServerTls;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plain HTTP through the proxy (requests that are not upgrades): relayed so the app keeps working,
 * kept alive across hosts, and recorded one row per exchange. Real servers (the JDK's) and a real
 * client (curl) on loopback.
 */
class ProxyHttpTest {
    @TempDir
    Path dir;

    private final TestPki pki = new TestPki();
    private RunningProxy running;
    private AppContext app;

    @BeforeEach
    void start() throws Exception {
        running = RunningProxy.start(dir, "proxied", pki);
        app = running.app();
    }

    @AfterEach
    void stop() throws Exception {
        running.close();
    }

    @Test
    void aKeptAliveConnectionCarriesRequestsToDifferentHostsEachToItsOwnServer() throws Exception {
        try (HttpOrigin a = HttpOrigin.plain("A"); HttpOrigin b = HttpOrigin.plain("B");
                Socket app = new Socket(InetAddress.getLoopbackAddress(), running.port())) {
            app.setSoTimeout(10_000);
            OutputStream out = app.getOutputStream();
            InputStream in = app.getInputStream();
            out.write(request("GET", "http://127.0.0.1:" + a.port() + "/hello", ""));
            assertEquals("hello from A", readAnswer(in));
            out.write(request("GET", "http://127.0.0.1:" + b.port() + "/hello", ""));
            assertEquals("hello from B", readAnswer(in), "the second request went to its own host, not the first's");
            String chunked = "POST http://127.0.0.1:" + a.port() + "/echo HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n";
            out.write(chunked.getBytes(StandardCharsets.ISO_8859_1));
            assertEquals("got 11 bytes", readAnswer(in), "a chunked request body streams through");
        }
        Eventually.eventually(Duration.ofSeconds(10), "three exchanges", () -> exchanges().size() == 3);
        List<HttpExchange> seen = exchanges();
        assertEquals("GET", seen.get(0).method());
        assertTrue(seen.get(1).url().endsWith("/hello") && seen.get(1).url().startsWith("http://127.0.0.1:"),
                seen.get(1).url());
        assertEquals("POST", seen.get(2).method());
        assertEquals(200, seen.get(2).status());
        assertTrue(seen.get(2).requestBytes() > 11, "chunk framing counted as on the wire: " + seen.get(2).requestBytes());
        assertEquals("", seen.get(0).error());
        assertTrue(seen.stream().allMatch(e -> e.endedMicros() >= e.responseMicros() && e.responseMicros() >= e.startedMicros()));
    }

    @Test
    void curlFetchesPlainAndInterceptedHttpsThroughTheProxyAndTheRecordingKeepsEachRequest() throws Exception {
        try (HttpOrigin a = HttpOrigin.plain("A"); HttpOrigin b = HttpOrigin.plain("B");
                HttpOrigin secure = HttpOrigin.tls("S", ServerTls.context(pki.localhostLeaf()))) {
            String plain = curl("http://127.0.0.1:" + a.port() + "/stream", "http://127.0.0.1:" + b.port() + "/hello");
            assertEquals("part 0 of A;part 1 of A;part 2 of A;hello from B", plain);
            Path upload = dir.resolve("upload.bin");
            java.nio.file.Files.write(upload, new byte[3 << 20]);
            assertEquals("got 3145728 bytes", curl("-H", "Expect: 100-continue", "--data-binary", "@" + upload,
                    "http://127.0.0.1:" + a.port() + "/echo"), "a large body streams through, after a 100 Continue");
            String ca = dir.resolve("data").resolve("ca").resolve("sockscope-ca.pem").toString();
            assertEquals("hello from S", curl("--cacert", ca, "https://localhost:" + secure.port() + "/hello"));
        }
        Eventually.eventually(Duration.ofSeconds(10), "four rows in the recording",
                () -> app.queries().httpRequestsOf("proxied").size() == 4);
        List<HttpExchange> stored = app.queries().httpRequestsOf("proxied");
        assertTrue(stored.get(0).url().endsWith("/stream"), stored.get(0).url());
        assertEquals(200, stored.get(0).status());
        assertTrue(stored.get(0).responseBytes() > "part 0 of A;part 1 of A;part 2 of A;".length(), "chunked, as on the wire");
        assertEquals(3 << 20, stored.get(2).requestBytes());
        assertTrue(stored.get(3).url().startsWith("https://localhost:"), "intercepted: the URL inside the tunnel");
        assertEquals(12, stored.get(3).responseBytes());
    }

    @Test
    void aServerThatCannotBeReachedGives502AndIsRecordedAsAFailedRequest() throws Exception {
        try (RefusingPort nobody = new RefusingPort();
                Socket app = new Socket(InetAddress.getLoopbackAddress(), running.port())) {
            app.setSoTimeout(10_000);
            app.getOutputStream().write(request("GET", "http://127.0.0.1:" + nobody.port() + "/x", ""));
            String answer = new String(app.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertTrue(answer.startsWith("HTTP/1.1 502 Bad Gateway"), answer);
        }
        Eventually.eventually(Duration.ofSeconds(10), "the failed request", () -> exchanges().size() == 1);
        HttpExchange failed = exchanges().get(0);
        assertEquals(-1, failed.status());
        assertTrue(failed.error().contains("refused"), failed.error());
    }

    @Test
    void aBrokenChunkedAnswerClosesTheAppsConnectionAndIsRecordedAsBroken() throws Exception {
        try (RawServer broken = RawServer.answering("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "4\r\nfine\r\nnot-hex\r\nrest");
                Socket app = new Socket(InetAddress.getLoopbackAddress(), running.port())) {
            app.setSoTimeout(10_000);
            app.getOutputStream().write(request("GET", "http://127.0.0.1:" + broken.port() + "/x", ""));
            String answer = new String(app.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertTrue(answer.startsWith("HTTP/1.1 200 OK"), answer);
            assertTrue(answer.endsWith("4\r\nfine\r\n"), "what came before the break was passed on, nothing after: " + answer);
        }
        Eventually.eventually(Duration.ofSeconds(10), "the broken request", () -> exchanges().size() == 1);
        assertTrue(exchanges().get(0).error().contains("hex"), exchanges().get(0).error());
    }

    private List<HttpExchange> exchanges() {
        return running.all(SessionEvent.HttpRequest.class).stream().map(SessionEvent.HttpRequest::exchange).toList();
    }

    private static byte[] request(String method, String url, String body) {
        return (method + " " + url + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Reads one answer with a Content-Length and returns its body. */
    private static String readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the connection ended in the head: " + head);
            }
            head.write(b);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        assertTrue(text.startsWith("HTTP/1.1 200"), text);
        int at = text.toLowerCase(java.util.Locale.ROOT).indexOf("content-length:");
        int length = Integer.parseInt(text.substring(at + 15, text.indexOf("\r\n", at)).strip());
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    private String curl(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "--max-time", "20", "--noproxy", "",
                "-x", "http://127.0.0.1:" + running.port()));
        command.addAll(List.of(args));
        Process curl = new ProcessBuilder(command).redirectErrorStream(true).start();
        curl.getOutputStream().close();
        String output = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(curl.waitFor(30, TimeUnit.SECONDS), "curl ended");
        assertEquals(0, curl.exitValue(), "curl: " + output);
        return output;
    }
}
