package dev.sockscope.bench;

import dev.sockscope.app.AppContext;
import dev.sockscope.app.Settings;
import dev.sockscope.client.ClientConnection;
import dev.sockscope.core.ConnectRequest;
import dev.sockscope.core.SessionEvent;
import dev.sockscope.core.WsUrl;
import dev.sockscope.ui.MainWindow;
import dev.sockscope.ui.common.Theme;
import dev.sockscope.ui.connection.ClientTabModel;
import dev.sockscope.ui.fx.Background;
import dev.sockscope.ui.fx.FxThread;
import dev.sockscope.ui.connection.ConnectionTabView;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Floods one tab from a loopback server (a separate process) with 100-byte messages and reports
 * messages/s received and shown, the FX thread's stall (how late a runnable posted every 5 ms
 * runs: p50, p99, max) and the heap after the flood. The baseline, measured in the same run, is
 * the bare client with a counting sink: no log, no UI.
 *
 * <p>Run: {@code mvn -q test-compile exec:exec -Pbench} (headless, Monocle; no display needed).
 */
public final class TabFloodBenchmark {
    private static final int MESSAGES = Integer.getInteger("messages", 1_000_000);
    /** A first, unmeasured flood through the same tab, so the JIT has compiled the paths measured. */
    private static final int WARMUP = Integer.getInteger("warmup", 300_000);
    private static final long STEADY_AFTER_NANOS = 500_000_000L;

    private TabFloodBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        try (FloodServer.Running server = FloodServer.launch()) {
            int port = server.port();
            String url = "ws://127.0.0.1:" + port + "/?n=" + MESSAGES;
            baseline("ws://127.0.0.1:" + port + "/?n=" + WARMUP);
            library("ws://127.0.0.1:" + port + "/?n=" + WARMUP);
            double library = library(url);
            double baseline = baseline(url);
            System.out.printf(Locale.ROOT, "%-24s %,.0f msg/s%n", "bare Java-WebSocket", library);
            System.out.printf(Locale.ROOT, "%-24s %,.0f msg/s (%.2fx the library: our codec reads every byte too)%n",
                    "our client, no UI", baseline, baseline / library);
            double[] tab = tab(url, "ws://127.0.0.1:" + port + "/?n=" + WARMUP);
            report(baseline, tab);
        } finally {
            Platform.exit();
        }
    }

    /**
     * Messages/s Java-WebSocket alone receives, with no tap and no codec of ours: what the client's
     * reading of the wire costs is the distance from here to {@link #baseline}.
     */
    static double library(String url) throws Exception {
        FloodCount count = new FloodCount(url);
        org.java_websocket.client.WebSocketClient client = new org.java_websocket.client.WebSocketClient(
                java.net.URI.create(url)) {
            @Override
            public void onOpen(org.java_websocket.handshake.ServerHandshake handshake) {
                // counting starts with the first message
            }

            @Override
            public void onMessage(String message) {
                count.message();
            }

            @Override
            public void onClose(int code, String reason, boolean remote) {
                count.ended();
            }

            @Override
            public void onError(Exception ex) {
                count.ended();
            }
        };
        client.setTcpNoDelay(true);
        client.connectBlocking(10, TimeUnit.SECONDS);
        double rate = count.await();
        client.closeBlocking();
        return rate;
    }

    /** Messages/s the bare client receives ({@code url} ends with {@code n=COUNT}). */
    static double baseline(String url) throws Exception {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        FloodCount count = new FloodCount(url);
        ClientConnection.open(1, ConnectRequest.of(WsUrl.parse(url)), e -> {
            if (e instanceof SessionEvent.FrameEvent) {
                count.message();
            } else if (!(e instanceof SessionEvent.Opened)) {
                count.ended();
            }
        }, timer);
        double rate = count.await();
        timer.shutdownNow();
        return rate;
    }

    /** Counts a flood's messages from the first to the last ({@code url} ends with {@code n=COUNT}). */
    private static final class FloodCount {
        private final long expected;
        private final AtomicLong count = new AtomicLong();
        private final AtomicLong first = new AtomicLong();
        private final AtomicLong last = new AtomicLong();
        private final CountDownLatch done = new CountDownLatch(1);

        FloodCount(String url) {
            this.expected = Long.parseLong(url.substring(url.indexOf("n=") + 2));
        }

        void message() {
            long n = count.incrementAndGet();
            if (n == 1) {
                first.set(System.nanoTime());
            }
            if (n == expected) {
                last.set(System.nanoTime());
                done.countDown();
            }
        }

        void ended() {
            done.countDown();
        }

        /** Messages/s once the last has come (or the connection ended; five minutes at most). */
        double await() throws InterruptedException {
            done.await(5, TimeUnit.MINUTES);
            return expected / ((last.get() - first.get()) / 1e9);
        }
    }

    /** [received/s, shown/s, stall p50, p99, max ms, heap MB, steady stall p50, p99, max ms]. */
    private static double[] tab(String url, String warmupUrl) throws Exception {
        Platform.startup(() -> { });
        AppContext app = new AppContext(Files.createTempDirectory("sockscope-bench"));
        AtomicReference<ClientTabModel> model = new AtomicReference<>();
        AtomicReference<ConnectionTabView> view = new AtomicReference<>();
        CountDownLatch ready = new CountDownLatch(1);
        Platform.runLater(() -> {
            MainWindow window = new MainWindow(app, Settings.defaults(), new Background(app.background(), new FxThread()));
            Scene scene = new Scene(window, 1280, 800);
            Theme.apply(Theme.LIGHT, scene);
            Stage stage = new Stage();
            stage.setScene(scene);
            stage.show();
            view.set((ConnectionTabView) window.tabs().getSelectionModel().getSelectedItem().getContent());
            model.set(view.get().model());
            model.get().request().urlProperty().set(warmupUrl);
            model.get().connect();
            ready.countDown();
        });
        ready.await();
        while (model.get().connection().stateProperty().get() != dev.sockscope.core.ConnectionState.CLOSED) {
            Thread.sleep(50);
        }
        CountDownLatch switched = new CountDownLatch(1);
        Platform.runLater(() -> {
            model.get().request().urlProperty().set(url);
            switched.countDown();
        });
        switched.await();

        List<Double> stalls = Collections.synchronizedList(new ArrayList<>());
        // Probes posted from STEADY_AFTER_NANOS after the first message on: without the opening.
        List<Double> steadyStalls = Collections.synchronizedList(new ArrayList<>());
        AtomicLong firstReceived = new AtomicLong();
        AtomicLong allReceived = new AtomicLong();
        AtomicLong allShown = new AtomicLong();
        Thread probe = new Thread(() -> {
            while (allShown.get() == 0) {
                long posted = System.nanoTime();
                boolean steady = firstReceived.get() != 0 && posted - firstReceived.get() >= STEADY_AFTER_NANOS;
                Platform.runLater(() -> {
                    double stall = (System.nanoTime() - posted) / 1e6;
                    (steady ? steadyStalls : stalls).add(stall);
                    int shown = view.get().log().newestShownIndex() + 1;
                    if (shown >= MESSAGES && allShown.get() == 0) {
                        allShown.set(System.nanoTime());
                    }
                });
                int received = model.get().connection().log().size();
                if (received > 0 && firstReceived.get() == 0) {
                    firstReceived.set(System.nanoTime());
                }
                if (received >= MESSAGES && allReceived.get() == 0) {
                    allReceived.set(System.nanoTime());
                }
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "stall-probe");
        Platform.runLater(() -> model.get().connect());
        probe.start();
        probe.join(TimeUnit.MINUTES.toMillis(5));

        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        double heapMb = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1e6;
        stalls.addAll(steadyStalls);
        double[] all = figures(stalls);
        double[] steady = figures(steadyStalls);
        double received = MESSAGES / ((allReceived.get() - firstReceived.get()) / 1e9);
        double shown = MESSAGES / ((allShown.get() - firstReceived.get()) / 1e9);
        app.close();
        return new double[] {received, shown, all[0], all[1], all[2], heapMb, steady[0], steady[1], steady[2]};
    }

    /** p50, p99 and max of stalls in ms. */
    private static double[] figures(List<Double> stalls) {
        List<Double> sorted = new ArrayList<>(stalls);
        Collections.sort(sorted);
        return new double[] {percentile(sorted, 0.50), percentile(sorted, 0.99), sorted.get(sorted.size() - 1)};
    }

    private static double percentile(List<Double> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    private static void report(double baseline, double[] tab) {
        System.out.printf(Locale.ROOT, "messages                 %,d x 100 B (after a %,d-message warm-up flood)%n",
                MESSAGES, WARMUP);
        System.out.printf(Locale.ROOT, "baseline (bare client)   %,.0f msg/s%n", baseline);
        System.out.printf(Locale.ROOT, "tab received             %,.0f msg/s (%.2fx baseline)%n", tab[0], tab[0] / baseline);
        System.out.printf(Locale.ROOT, "tab shown in the log     %,.0f msg/s (%.2fx baseline)%n", tab[1], tab[1] / baseline);
        System.out.printf(Locale.ROOT, "FX stall p50 / p99 / max %.1f / %.1f / %.1f ms%n", tab[2], tab[3], tab[4]);
        System.out.printf(Locale.ROOT, "  from 0.5 s into it     %.1f / %.1f / %.1f ms%n", tab[6], tab[7], tab[8]);
        System.out.printf(Locale.ROOT, "heap after the flood     %.0f MB (after GC, log of %,d messages held)%n", tab[5], MESSAGES);
    }
}
