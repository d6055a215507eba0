package dev.sockscope.bench;

import dev.sockscope.app.AppContext;
import dev.sockscope.app.LocalAuthority;
import dev.sockscope.app.ProxyService;
import dev.sockscope.testing.EchoServer;
import dev.sockscope.testing.ProxiedClient;
import dev.sockscope.testing.TestPki;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;

/**
 * The proxy against the direct connection and against mitmdump (Debian's mitmproxy), in one run on
 * loopback, with the same client (Java-WebSocket, through the proxy by CONNECT) and the same servers:
 * 1 KiB echo round trips over ws:// and wss:// (with the added latency per direction), a one-way
 * flood of 100-byte messages and of 1 MiB messages over ws://. Sockscope records everything it
 * relays (a real H2 store in a temporary directory). Run:
 * {@code mvn -q test-compile exec:exec -Pbench -Dbench.main=dev.sockscope.bench.ProxyBenchmark}.
 */
public final class ProxyBenchmark {
    private static final int ROUND_TRIPS = Integer.getInteger("roundTrips", 3_000);
    private static final int SMALL = Integer.getInteger("small", 300_000);
    private static final int SMALL_MITM = Integer.getInteger("smallMitm", 20_000);
    private static final int LARGE = Integer.getInteger("large", 300);

    private ProxyBenchmark() {
    }

    private record Route(String name, Proxy proxy, SSLContext tls) {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("sockscope-proxy-bench");
        TestPki pki = new TestPki();
        Path root = pki.writeRootPem(dir);
        var leaf = pki.localhostLeaf();
        Path cert = Files.writeString(dir.resolve("server.pem"), leaf.certificatePem());
        Path key = Files.writeString(dir.resolve("server.key"), leaf.privateKeyPem());
        // wss:// against python3-websockets' server: Java-WebSocket's own TLS server stalled now and then
        // (seen directly, without any proxy, after a few hundred round trips), which is not what we measure.
        try (EchoServer plain = EchoServer.plain(); dev.sockscope.testing.PythonPeer secure =
                        dev.sockscope.testing.PythonPeer.start(cert, key);
                FloodServer.Running flood = FloodServer.launch();
                FloodServer.Running secureFlood = FloodServer.launch(dir.resolve("flood-root.pem"));
                AppContext app = new AppContext(dir.resolve("data"));
                ProxyService.Running ours = ProxyService.start(app, new ProxyService.Settings("127.0.0.1", 0, "bench",
                        128L << 20, bundle(dir, root, dir.resolve("flood-root.pem")), List.of()));
                // The window's proxy: every connection relayed frame by frame through the interception, no rule matching.
                ProxyService.Running framed = ProxyService.start(app, new ProxyService.Settings("127.0.0.1", 0, "bench",
                        128L << 20, bundle(dir, root, dir.resolve("flood-root.pem")), List.of()), everyConnectionFramed());
                Mitmdump mitm = Mitmdump.start(dir, bundle(dir, root, dir.resolve("flood-root.pem")))) {
            List<Route> routes = new ArrayList<>();
            routes.add(new Route("direct", Proxy.NO_PROXY, ProxiedClient.trusting(pki.root().certificate())));
            routes.add(new Route("sockscope", http(ours.address()),
                    ProxiedClient.trusting(read(LocalAuthority.in(dir.resolve("data")).info().certificateFile()))));
            routes.add(new Route("framed", http(framed.address()),
                    ProxiedClient.trusting(read(LocalAuthority.in(dir.resolve("data")).info().certificateFile()))));
            if (mitm != null) {
                routes.add(new Route("mitmdump", http(mitm.address()), ProxiedClient.trusting(read(mitm.caFile()))));
            }
            leafTimes(pki);
            System.out.println("1 KiB echo round trips, one connection (" + ROUND_TRIPS + " after a warm-up):");
            for (boolean wss : new boolean[] {false, true}) {
                double[] direct = null;
                for (Route route : routes) {
                    String url = wss ? "wss://localhost:" + secure.port() + "/echo" : "ws://localhost:" + plain.boundPort() + "/echo";
                    echo(url, route, 500);
                    double[] r = echo(url, route, ROUND_TRIPS);
                    direct = direct == null ? r : direct;
                    System.out.printf(Locale.ROOT, "  %-4s %-10s %,8.0f round trips/s (%.2fx direct)  p50 %5.0f us  p99 %6.0f us"
                            + "  added per direction p50 %+5.0f us, p99 %+6.0f us%n", wss ? "wss" : "ws", route.name(), r[0],
                            r[0] / direct[0], r[1], r[2], (r[1] - direct[1]) / 2, (r[2] - direct[2]) / 2);
                }
            }
            System.out.println("One way, 100 B, wss:// (both legs TLS through the proxies):");
            X509Certificate floodRoot = read(dir.resolve("flood-root.pem"));
            double directWss = 0;
            for (Route route : routes) {
                int n = route.name().equals("mitmdump") ? SMALL_MITM : SMALL;
                Route trusting = route.name().equals("direct") ? new Route("direct", route.proxy(), ProxiedClient.trusting(floodRoot))
                        : route;
                String url = "wss://localhost:" + secureFlood.port() + "/?n=" + n + "&size=100";
                oneWay("wss://localhost:" + secureFlood.port() + "/?n=20000&size=100", trusting);
                double rate = oneWay(url, trusting);
                directWss = directWss == 0 ? rate : directWss;
                System.out.printf(Locale.ROOT, "  %-8s %-10s %,10.0f msg/s  (%.2fx direct, %,d messages)%n", "100 B",
                        route.name(), rate, rate / directWss, n);
            }
            System.out.println("One way, ws://, from a flood server in its own JVM:");
            for (int size : new int[] {100, 1 << 20}) {
                double direct = 0;
                for (Route route : routes) {
                    int n = size == 100 ? (route.name().equals("mitmdump") ? SMALL_MITM : SMALL) : LARGE;
                    String url = "ws://127.0.0.1:" + flood.port() + "/?n=" + n + "&size=" + size;
                    oneWay("ws://127.0.0.1:" + flood.port() + "/?n=" + Math.min(n, 20_000) + "&size=" + size, route);
                    double rate = oneWay(url, route);
                    direct = direct == 0 ? rate : direct;
                    System.out.printf(Locale.ROOT, "  %-8s %-10s %,10.0f msg/s  %,7.1f MB/s  (%.2fx direct, %,d messages)%n",
                            size == 100 ? "100 B" : "1 MiB", route.name(), rate, rate * size / 1e6, rate / direct, n);
                }
            }
        }
    }

    /** Rules as the window's proxy has them: none matching, every connection relayed frame by frame. */
    private static dev.sockscope.app.RuleBook everyConnectionFramed() {
        dev.sockscope.app.RuleBook book = dev.sockscope.app.RuleBook.empty();
        book.interceptEveryConnection(true);
        return book;
    }

    /** One PEM file with both servers' CAs, for the proxies' upstream trust. */
    private static Path bundle(Path dir, Path first, Path second) throws java.io.IOException {
        return Files.writeString(dir.resolve("upstream-cas.pem"), Files.readString(first) + Files.readString(second));
    }

    /** How long a new host's leaf takes (the policy of LeafIssuer: a shared key, one signature per host). */
    private static void leafTimes(TestPki pki) {
        dev.sockscope.tls.LeafIssuer leaves = new dev.sockscope.tls.LeafIssuer(new dev.sockscope.tls.CertificateBuilder()
                .commonName("bench CA").certificateAuthority(0).build());
        for (int i = 0; i < 500; i++) {
            leaves.forHost("warm" + i + ".test");
        }
        long[] times = new long[1_000];
        for (int i = 0; i < times.length; i++) {
            long start = System.nanoTime();
            leaves.forHost("host" + i + ".test");
            times[i] = System.nanoTime() - start;
        }
        Arrays.sort(times);
        System.out.printf(Locale.ROOT, "A new host's leaf certificate: p50 %.2f ms, p99 %.2f ms (1,000 hosts)%n",
                times[500] / 1e6, times[989] / 1e6);
    }

    /** [round trips/s, p50 us, p99 us]. */
    private static double[] echo(String url, Route route, int n) throws Exception {
        String payload = "x".repeat(1024);
        long[] times = new long[n];
        AtomicInteger done = new AtomicInteger();
        AtomicLong finishedAt = new AtomicLong();
        AtomicLong sentAt = new AtomicLong();
        AtomicLong openedAt = new AtomicLong();
        CountDownLatch finished = new CountDownLatch(1);
        WebSocketClient client = new WebSocketClient(URI.create(url)) {
            @Override
            public void onOpen(ServerHandshake handshake) {
                openedAt.set(System.nanoTime());
                sentAt.set(System.nanoTime());
                send(payload);
            }

            @Override
            public void onMessage(String message) {
                int i = done.getAndIncrement();
                long now = System.nanoTime();
                times[i] = now - sentAt.get();
                if (i + 1 == n) {
                    finishedAt.set(now);
                    finished.countDown();
                    return;
                }
                sentAt.set(System.nanoTime());
                send(payload);
            }

            @Override
            public void onClose(int code, String reason, boolean remote) {
                if (done.get() < n) {
                    System.err.printf("%s: closed after %d of %d round trips: %d %s remote=%s%n", route.name(), done.get(), n, code,
                            reason, remote);
                }
                finished.countDown();
            }

            @Override
            public void onError(Exception ex) {
                System.err.println(route.name() + ": " + ex);
                finished.countDown();
            }
        };
        configure(client, route, url);
        client.connectBlocking(20, TimeUnit.SECONDS);
        finished.await(5, TimeUnit.MINUTES);
        if (finishedAt.get() == 0) {
            client.closeBlocking();
            return new double[] {0, 0, 0};
        }
        // From the first send to the last echo: the connection's opening is not a round trip.
        long elapsed = finishedAt.get() - openedAt.get();
        client.closeBlocking();
        long[] sorted = Arrays.copyOf(times, done.get());
        Arrays.sort(sorted);
        if (sorted.length == 0) {
            return new double[] {0, 0, 0};
        }
        return new double[] {sorted.length / (elapsed / 1e9), sorted[sorted.length / 2] / 1e3,
            sorted[Math.min(sorted.length - 1, (int) (sorted.length * 0.99))] / 1e3};
    }

    /** Messages/s from the first to the last ({@code url} ends with n=COUNT&size=...). */
    private static double oneWay(String url, Route route) throws Exception {
        long expected = Long.parseLong(url.replaceAll(".*[?&]n=(\\d+).*", "$1"));
        AtomicLong count = new AtomicLong();
        AtomicLong first = new AtomicLong();
        AtomicLong last = new AtomicLong();
        CountDownLatch finished = new CountDownLatch(1);
        WebSocketClient client = new WebSocketClient(URI.create(url)) {
            @Override
            public void onOpen(ServerHandshake handshake) {
                // counting starts with the first message
            }

            @Override
            public void onMessage(String message) {
                counted();
            }

            @Override
            public void onMessage(ByteBuffer message) {
                counted();
            }

            private void counted() {
                long c = count.incrementAndGet();
                if (c == 1) {
                    first.set(System.nanoTime());
                }
                if (c == expected) {
                    last.set(System.nanoTime());
                    finished.countDown();
                }
            }

            @Override
            public void onClose(int code, String reason, boolean remote) {
                finished.countDown();
            }

            @Override
            public void onError(Exception ex) {
                System.err.println(route.name() + ": " + ex);
                finished.countDown();
            }
        };
        configure(client, route, url);
        client.connectBlocking(20, TimeUnit.SECONDS);
        finished.await(3, TimeUnit.MINUTES);
        client.closeBlocking();
        return last.get() == 0 ? 0 : expected / ((last.get() - first.get()) / 1e9);
    }

    private static void configure(WebSocketClient client, Route route, String url) {
        client.setTcpNoDelay(true);
        client.setConnectionLostTimeout(0);
        if (route.proxy() != Proxy.NO_PROXY) {
            client.setProxy(route.proxy());
        }
        if (url.startsWith("wss:")) {
            client.setSocketFactory(route.tls().getSocketFactory());
        }
    }

    private static Proxy http(InetSocketAddress address) {
        return new Proxy(Proxy.Type.HTTP, address);
    }

    private static X509Certificate read(Path pem) throws Exception {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    /** mitmdump from Debian's mitmproxy package, as the tool a user would pick instead; null when not installed. */
    private static final class Mitmdump implements AutoCloseable {
        private final Process process;
        private final int port;
        private final Path confdir;

        private Mitmdump(Process process, int port, Path confdir) {
            this.process = process;
            this.port = port;
            this.confdir = confdir;
        }

        static Mitmdump start(Path dir, Path upstreamCa) throws Exception {
            if (!Files.isExecutable(Path.of("/usr/bin/mitmdump"))) {
                System.out.println("(mitmdump is not installed: apt-get install mitmproxy to compare with it)");
                return null;
            }
            int port;
            try (ServerSocket probe = new ServerSocket(0)) {
                port = probe.getLocalPort();
            }
            Path confdir = Files.createDirectories(dir.resolve("mitmproxy"));
            Process process = new ProcessBuilder("/usr/bin/mitmdump", "-q", "--listen-host", "127.0.0.1", "--listen-port",
                    String.valueOf(port), "--set", "confdir=" + confdir, "--set", "ssl_verify_upstream_trusted_ca=" + upstreamCa)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                try (Socket s = new Socket("127.0.0.1", port)) {
                    if (Files.exists(confdir.resolve("mitmproxy-ca-cert.pem"))) {
                        return new Mitmdump(process, port, confdir);
                    }
                } catch (java.io.IOException e) {
                    Thread.sleep(100);
                }
            }
            process.destroyForcibly();
            throw new IllegalStateException("mitmdump did not start");
        }

        InetSocketAddress address() {
            return new InetSocketAddress("127.0.0.1", port);
        }

        Path caFile() {
            return confdir.resolve("mitmproxy-ca-cert.pem");
        }

        @Override
        public void close() throws Exception {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
