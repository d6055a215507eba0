package dev.sockscope.bench;

import dev.sockscope.app.AppContext;
import dev.sockscope.core.ConnectRequest;
import dev.sockscope.core.Origin;
import dev.sockscope.core.SessionEvent;
import dev.sockscope.core.WsUrl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The recording path without a window, as `sockscope connect` runs it: a loopback flood of
 * 1,000,000 messages of 200 bytes from a separate process, received by a connection of the app
 * and recorded into H2 (backpressure included), timed until the last message is committed. The
 * baseline, in the same run, is the bare client on the same flood. Run:
 * {@code mvn -q test-compile exec:exec -Pbench -Dbench.main=dev.sockscope.bench.RecordedFloodBenchmark}.
 */
public final class RecordedFloodBenchmark {
    private static final int MESSAGES = Integer.getInteger("messages", 1_000_000);
    private static final int SIZE = Integer.getInteger("size", 200);

    private RecordedFloodBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        try (FloodServer.Running server = FloodServer.launch()) {
            String base = "ws://127.0.0.1:" + server.port() + "/?size=" + SIZE + "&n=";
            TabFloodBenchmark.baseline(base + 300_000);
            TabFloodBenchmark.library(base + 300_000);
            double bare = TabFloodBenchmark.baseline(base + MESSAGES);
            double library = TabFloodBenchmark.library(base + MESSAGES);
            System.out.printf(Locale.ROOT, "bare Java-WebSocket %,.0f msg/s; our client without recording %,.0f msg/s (%.2fx)%n",
                    library, bare, bare / library);
            recorded(base + 300_000);
            for (int run = 1; run <= 3; run++) {
                double recorded = recorded(base + MESSAGES);
                System.out.printf(Locale.ROOT, "run %d: %,d messages of %d B: bare client %,.0f msg/s; received and recorded"
                        + " %,.0f msg/s (%.2fx)%n", run, MESSAGES, SIZE, bare, recorded, recorded / bare);
                bare = TabFloodBenchmark.baseline(base + MESSAGES);
            }
        }
    }

    /** Messages/s from the first received to the last committed, through the app's connection service. */
    private static double recorded(String url) throws Exception {
        Path dir = Files.createTempDirectory("sockscope-flood-bench");
        long expected = Long.parseLong(url.substring(url.indexOf("&n=") + 3));
        AtomicLong first = new AtomicLong();
        try (AppContext app = new AppContext(dir)) {
            app.registry().subscribe(e -> {
                if (e instanceof SessionEvent.FrameEvent) {
                    first.compareAndSet(0, System.nanoTime());
                }
            });
            app.connections().open(ConnectRequest.of(WsUrl.parse(url)), Origin.CLI, "default");
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (app.queries().recordedFrames() < expected && System.nanoTime() < deadline) {
                Thread.sleep(2);
            }
            return app.queries().recordedFrames() / ((System.nanoTime() - first.get()) / 1e9);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
