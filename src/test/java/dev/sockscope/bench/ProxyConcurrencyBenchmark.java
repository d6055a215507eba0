package dev.sockscope.bench;

import dev.sockscope.testing.EchoServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;

/**
 * Many connections at once through {@code sockscope proxy} run as a user runs it (its own JVM,
 * {@code -Xmx512m}, recording on): CONNECTIONS clients each send a 100-byte message every 100 ms
 * for SECONDS to an echo server; counts what came back and the proxy process's CPU time from
 * /proc. Run: {@code mvn -q test-compile exec:exec -Pbench -Dbench.main=dev.sockscope.bench.ProxyConcurrencyBenchmark}
 * after {@code mvn package -DskipTests} (it starts target/sockscope.jar).
 */
public final class ProxyConcurrencyBenchmark {
    private static final int CONNECTIONS = Integer.getInteger("connections", 1_000);
    private static final int SECONDS = Integer.getInteger("seconds", 60);

    private ProxyConcurrencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Files.createTempDirectory("sockscope-concurrency");
        Process proxy = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-jar", Path.of("target/sockscope.jar").toAbsolutePath().toString(), "proxy", "--listen", "127.0.0.1:0",
                "--quiet", "--session", "many", "--data-dir", data.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String ready = new BufferedReader(new InputStreamReader(proxy.getInputStream(), StandardCharsets.UTF_8)).readLine();
        int port = Integer.parseInt(ready.substring(ready.lastIndexOf(':') + 1));
        AtomicLong sent = new AtomicLong();
        AtomicLong echoed = new AtomicLong();
        List<WebSocketClient> clients = new ArrayList<>();
        String payload = "x".repeat(100);
        try (EchoServer server = EchoServer.plain()) {
            for (int i = 0; i < CONNECTIONS; i++) {
                WebSocketClient client = new WebSocketClient(URI.create("ws://127.0.0.1:" + server.boundPort() + "/c" + i)) {
                    @Override
                    public void onOpen(ServerHandshake handshake) {
                        // sends come from the schedule below
                    }

                    @Override
                    public void onMessage(String message) {
                        echoed.incrementAndGet();
                    }

                    @Override
                    public void onClose(int code, String reason, boolean remote) {
                        // counted by what came back
                    }

                    @Override
                    public void onError(Exception ex) {
                        System.err.println("client: " + ex);
                    }
                };
                client.setProxy(new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", port)));
                client.setConnectionLostTimeout(0);
                client.connectBlocking(20, TimeUnit.SECONDS);
                clients.add(client);
            }
            long cpuBefore = cpuMillis(proxy.pid());
            ScheduledExecutorService ticks = Executors.newScheduledThreadPool(2);
            ticks.scheduleAtFixedRate(() -> {
                for (WebSocketClient c : clients) {
                    if (c.isOpen()) {
                        c.send(payload);
                        sent.incrementAndGet();
                    }
                }
            }, 0, 100, TimeUnit.MILLISECONDS);
            Thread.sleep(TimeUnit.SECONDS.toMillis(SECONDS));
            ticks.shutdown();
            ticks.awaitTermination(10, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (echoed.get() < sent.get() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            long cpu = cpuMillis(proxy.pid()) - cpuBefore;
            long rss = rssKb(proxy.pid());
            for (WebSocketClient c : clients) {
                c.closeBlocking();
            }
            System.out.printf(Locale.ROOT, "%,d connections x 10 msg/s for %d s: sent %,d, echoed back %,d (%s)%n",
                    CONNECTIONS, SECONDS, sent.get(), echoed.get(), sent.get() == echoed.get() ? "nothing lost" : "LOST "
                            + (sent.get() - echoed.get()));
            System.out.printf(Locale.ROOT, "proxy process: %.2f cores on average (CPU %,d ms over %d s), %,d MB resident, -Xmx512m%n",
                    cpu / 1000.0 / SECONDS, cpu, SECONDS, rss / 1024);
        } finally {
            new ProcessBuilder("kill", "-TERM", String.valueOf(proxy.pid())).start().waitFor();
            proxy.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** User plus system CPU time of a process, from /proc (Linux). */
    private static long cpuMillis(long pid) throws Exception {
        String[] fields = Files.readString(Path.of("/proc/" + pid + "/stat")).split("\\) ", 2)[1].split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks * 10; // USER_HZ is 100 on Linux
    }

    /** A process's resident memory in KiB, from /proc (-1 when it does not say). */
    static long rssKb(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
