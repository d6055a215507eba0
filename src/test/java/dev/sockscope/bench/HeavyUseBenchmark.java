package dev.sockscope.bench;

import static dev.sockscope.testing.TestWindows.onFx;

import dev.sockscope.app.AppContext;
import dev.sockscope.app.HeapPolicy;
import dev.sockscope.core.ConnectionState;
import dev.sockscope.core.Direction;
import dev.sockscope.testing.EchoServer;
import dev.sockscope.testing.FxStallProbe;
import dev.sockscope.testing.StreamingServer;
import dev.sockscope.ui.MainWindow;
import dev.sockscope.ui.connection.ClientTabModel;
import dev.sockscope.ui.connection.ConnectionTabView;
import dev.sockscope.ui.connection.LargeDraft;
import dev.sockscope.ui.connection.LogRow;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

/**
 * Issue 18's load, replayed on the real main window: large messages selected in the log, a 5 MB
 * paste, twenty busy tabs against one tab at the same total rate, and resident memory after large
 * messages and after the app has been idle. Prints the FX thread's worst stall (how late a
 * runnable posted every 5 ms ran), the FX thread's CPU, and resident/live memory.
 *
 * <p>Run under a display as a user would ({@code xvfb-run -a java ... HeavyUseBenchmark}) or
 * headless ({@code mvn -q test-compile exec:exec -Pbench -Dbench.main=dev.sockscope.bench.HeavyUseBenchmark}).
 * {@code -Dbench.tabsOnly=true} runs the tab rows alone, {@code -Dbench.soakMinutes=N} the soak
 * alone; {@code -Dbench.sample=true} prints where the FX thread was busiest (twenty tabs, the
 * soak's first filter) and {@code -Dbench.sampleStart=true} the same for the soak's first seconds.
 */
public final class HeavyUseBenchmark {
    private static final long MB = 1024 * 1024;

    private HeavyUseBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        HeapPolicy.applyForLongRunning();
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        java.nio.file.Path dataDir = Files.createTempDirectory("sockscope-heavy-use");
        try (AppContext app = new AppContext(dataDir);
                EchoServer echo = EchoServer.plain()) {
            MainWindow window = onFx(() -> dev.sockscope.testing.TestWindows.show(new Stage(), app));
            System.out.printf(Locale.ROOT, "resident at start: %d MB%n", residentMb());
            if (Integer.getInteger("bench.soakMinutes", 0) > 0) {
                soak(window, app, Integer.getInteger("bench.soakMinutes"));
                System.exit(0);
            }
            if (!Boolean.getBoolean("bench.tabsOnly")) {
                largeMessages(window, echo);
                paste(window);
                memoryAfterIdle();
            }
            tabs(window);
            Thread.sleep(2000);
            long messages = app.queries().recordedFrames();
            long size = Files.size(dataDir.resolve("sockscope.mv.db"));
            System.out.printf(Locale.ROOT, "recording: %,d frames written by this run, database file %d MB (%.0f B per frame,"
                    + " the large messages included)%n", messages, size / MB, (double) size / Math.max(1, messages));
        }
        System.exit(0);
    }

    /** Sends large messages to an echo server and selects each echo in the log. */
    private static void largeMessages(MainWindow window, EchoServer echo) throws Exception {
        ClientTabModel tab = tab(window).model();
        onFx(() -> {
            tab.request().urlProperty().set("ws://127.0.0.1:" + echo.boundPort() + "/large");
            return tab.connect();
        });
        await(() -> tab.connection().stateProperty().get() == ConnectionState.OPEN);
        StringBuilder json = new StringBuilder("{\"book\":[");
        while (json.length() < 20_000_000) {
            json.append("{\"price\":64000.5,\"size\":0.25,\"side\":\"bid\",\"venue\":\"example\"},");
        }
        json.append("{}]}");
        String line = "lorem ipsum dolor ".repeat(5_000_000 / 18);
        List<String[]> cases = List.of(new String[] {"warm-up (200 KB)", line.substring(0, 200_000)},
                new String[] {"20 MB JSON", json.toString()}, new String[] {"5 MB one-line text", line},
                new String[] {"20 MB JSON again", json.toString()}, new String[] {"5 MB text again", line});
        for (String[] c : cases) {
            int received = (int) tab.connection().log().count(Direction.RECEIVE);
            onFx(() -> {
                tab.composer().largeProperty().set(LargeDraft.ofText("bench", c[1]));
                return tab.send();
            });
            await(() -> tab.connection().log().count(Direction.RECEIVE) == received + 1);
            Thread.sleep(1500);
            TableView<LogRow> table = tab(window).log().table();
            try (FxStallProbe probe = new FxStallProbe()) {
                Thread.sleep(200);
                onFx(() -> {
                    table.getSelectionModel().clearAndSelect(table.getItems().size() - 1);
                    return null;
                });
                Thread.sleep(3000);
                System.out.printf(Locale.ROOT, "select %-20s FX stall p99 %5.0f ms, max %5.0f ms; resident %d MB%n", c[0],
                        probe.percentile(99), probe.maxMillis(), residentMb());
            }
        }
    }

    /** Pastes 5 MB into the composer as Ctrl+V does. */
    private static void paste(MainWindow window) throws Exception {
        ConnectionTabView tab = tab(window);
        String big = "{\"rows\":[" + "[1,2,3,\"abcdefghij\"],".repeat(5_000_000 / 21) + "[]]}";
        onFx(() -> {
            javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
            content.putString(big);
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
            tab.model().composer().largeProperty().set(null);
            return null;
        });
        try (FxStallProbe probe = new FxStallProbe()) {
            Thread.sleep(200);
            onFx(() -> {
                javafx.scene.control.TextArea editor = (javafx.scene.control.TextArea) tab.lookup("#composer");
                editor.requestFocus();
                editor.paste();
                return null;
            });
            Thread.sleep(2000);
            System.out.printf(Locale.ROOT, "paste 5 MB into the composer: FX stall max %.0f ms (%s)%n", probe.maxMillis(),
                    tab.model().composer().largeProperty().get() != null ? "held as a large draft" : "in the editor");
        }
    }

    /**
     * The soak: one tab receiving 1,000 JSON messages a second and pinging once a second,
     * its log filtered and the recording searched every 30 s; resident, committed and live memory
     * and the FX stall each minute.
     */
    private static void soak(MainWindow window, AppContext app, int minutes) throws Exception {
        ConnectionTabView view = tab(window);
        ClientTabModel tab = view.model();
        try (StreamingServer server = new StreamingServer(1000, i -> "{\"seq\":" + i + ",\"symbol\":\"ETH-USD\",\"bid\":"
                + (1800 + i % 100) + ".5,\"ask\":" + (1801 + i % 100) + ".0,\"ts\":" + System.currentTimeMillis() + "}");
                FxStallProbe probe = new FxStallProbe()) {
            if (Boolean.getBoolean("bench.sampleStart")) {
                Thread sampler = new Thread(() -> {
                    try {
                        sampleFx(2000);
                    } catch (Exception e) {
                        System.out.println("sampling failed: " + e);
                    }
                });
                sampler.start();
                Thread.sleep(50);
            }
            onFx(() -> {
                tab.request().urlProperty().set("ws://127.0.0.1:" + server.boundPort() + "/soak");
                return tab.connect();
            });
            await(() -> tab.connection().stateProperty().get() == ConnectionState.OPEN);
            long start = System.nanoTime();
            for (int half = 1; half <= minutes * 2; half++) {
                for (int s = 0; s < 30; s++) {
                    onFx(() -> tab.ping(""));
                    Thread.sleep(1000);
                }
                String filter = half % 2 == 0 ? "" : "\"bid\":18" + (half % 10) + "5";
                System.out.printf(Locale.ROOT, "    filter \"%s\" at %.1f s%n", filter, (System.nanoTime() - start) / 1e9);
                onFx(() -> {
                    view.log().model().queryProperty().set(filter);
                    return null;
                });
                if (half == 1 && Boolean.getBoolean("bench.sample")) {
                    sampleFx(1500);
                }
                int found = app.queries().search(new dev.sockscope.core.SearchQuery("ETH-USD\",\"bid\":1850", false, null,
                        null, 1000), hit -> { });
                if (half % 2 == 0) {
                    System.out.printf(Locale.ROOT, "%2d min: %,d received; resident %d MB, heap committed %d MB, used %d MB;"
                            + " FX stall p99 %.0f ms, max %.0f ms; search found %d%n", half / 2,
                            tab.connection().log().count(Direction.RECEIVE), residentMb(), committedMb(),
                            ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / MB,
                            probe.percentile(99), probe.maxMillis(), found);
                    probe.longWaitStarts().forEach(t -> System.out.printf(Locale.ROOT, "    a wait over 100 ms began at %.1f s%n",
                            (t - start) / 1e9));
                    probe.reset();
                }
            }
            System.gc();
            System.out.printf(Locale.ROOT, "after %.0f min: live heap after a full GC %d MB, resident %d MB%n",
                    (System.nanoTime() - start) / 6e10, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / MB,
                    residentMb());
        }
    }

    /** Samples the FX thread's stack every 5 ms for a while and prints where it was busiest. */
    private static void sampleFx(long millis) throws Exception {
        long fxThread = onFx(() -> Thread.currentThread().getId());
        var threads = ManagementFactory.getThreadMXBean();
        java.util.Map<String, Integer> counts = new java.util.HashMap<>();
        long end = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < end) {
            var info = threads.getThreadInfo(fxThread, 60);
            if (info.getThreadState() == Thread.State.RUNNABLE) {
                StringBuilder key = new StringBuilder();
                for (var frame : info.getStackTrace()) {
                    if (key.length() < 700) {
                        key.append(frame.getClassName().replaceAll(".*\\.", "")).append('.').append(frame.getMethodName())
                                .append(" < ");
                    }
                }
                counts.merge(key.toString(), 1, Integer::sum);
            }
            Thread.sleep(5);
        }
        counts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(6)
                .forEach(e -> System.out.println("SAMPLE " + e.getValue() + " " + e.getKey()));
    }

    /** Shows a small message again and waits while the app idles: what the heap gives back. */
    private static void memoryAfterIdle() throws Exception {
        System.out.printf(Locale.ROOT, "resident after the large messages: %d MB (heap committed %d MB)%n", residentMb(),
                committedMb());
        long idle = HeapPolicy.IDLE_COLLECTION_MILLIS * 2 + 5000;
        Thread.sleep(idle);
        System.out.printf(Locale.ROOT, "resident after %d s idle: %d MB (heap committed %d MB)%n", idle / 1000, residentMb(),
                committedMb());
        System.gc();
        System.out.printf(Locale.ROOT, "live heap after a full GC: %d MB%n",
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / MB);
    }

    /** Twenty tabs at 50 msg/s each against one tab at 1,000 msg/s: the FX thread's CPU. */
    private static void tabs(MainWindow window) throws Exception {
        double one;
        try (StreamingServer fast = new StreamingServer(1000)) {
            one = fxCpu(window, fast, 1);
        }
        double twenty;
        try (StreamingServer slow = new StreamingServer(20_000)) {
            twenty = fxCpu(window, slow, 20);
        }
        System.out.printf(Locale.ROOT, "FX thread CPU: 1 tab at 1,000 msg/s %.0f%% of a core; 20 tabs at 50 msg/s %.0f%%"
                + " (%.2fx)%n", one, twenty, twenty / one);
    }

    private static double fxCpu(MainWindow window, StreamingServer server, int tabs) throws Exception {
        List<ConnectionTabView> opened = new java.util.ArrayList<>();
        for (int i = 0; i < tabs; i++) {
            opened.add(onFx(() -> window.openTab(dev.sockscope.app.TabState.blank())));
        }
        for (ConnectionTabView view : opened) {
            onFx(() -> {
                view.model().request().urlProperty().set("ws://127.0.0.1:" + server.boundPort() + "/stream");
                return view.model().connect();
            });
        }
        for (ConnectionTabView view : opened) {
            await(() -> view.model().connection().stateProperty().get() == ConnectionState.OPEN);
        }
        Thread.sleep(3000);
        long fxThread = onFx(() -> Thread.currentThread().getId());
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long cpuBefore = threads.getThreadCpuTime(fxThread);
        long wallBefore = System.nanoTime();
        if (Boolean.getBoolean("bench.sample")) {
            java.util.Map<String, Integer> counts = new java.util.HashMap<>();
            for (int i = 0; i < 1000; i++) {
                var info = threads.getThreadInfo(fxThread, 40);
                StringBuilder key = new StringBuilder();
                for (var frame : info.getStackTrace()) {
                    if (frame.getClassName().startsWith("dev.sockscope")) {
                        key.append(frame.getClassName().replace("dev.sockscope.", "")).append('.').append(frame.getMethodName())
                                .append(':').append(frame.getLineNumber()).append(" < ");
                        if (key.length() > 300) {
                            break;
                        }
                    }
                }
                if (info.getThreadState() == Thread.State.RUNNABLE && key.length() > 0) {
                    counts.merge(key.toString(), 1, Integer::sum);
                } else if (info.getThreadState() == Thread.State.RUNNABLE) {
                    StringBuilder fx = new StringBuilder("(javafx) ");
                    var stack = info.getStackTrace();
                    for (int f = 0; f < Math.min(stack.length, 14); f++) {
                        fx.append(stack[f].getClassName().replaceAll(".*\\.", "")).append('.').append(stack[f].getMethodName())
                                .append(':').append(stack[f].getLineNumber()).append(" < ");
                    }
                    counts.merge(fx.toString(), 1, Integer::sum);
                }
                Thread.sleep(10);
            }
            counts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(15)
                    .forEach(e -> System.out.println("SAMPLE " + e.getValue() + " " + e.getKey()));
        } else {
            Thread.sleep(10_000);
        }
        double percent = 100.0 * (threads.getThreadCpuTime(fxThread) - cpuBefore) / (System.nanoTime() - wallBefore);
        if (tabs > 1) {
            try (FxStallProbe probe = new FxStallProbe()) {
                for (int i = 0; i < 10; i++) {
                    int pick = i;
                    onFx(() -> {
                        window.tabs().getSelectionModel().select(1 + pick);
                        return null;
                    });
                    Thread.sleep(400);
                }
                System.out.printf(Locale.ROOT, "switching between busy tabs: FX stall p99 %.0f ms, max %.0f ms%n",
                        probe.percentile(99), probe.maxMillis());
            }
        }
        for (ConnectionTabView view : opened) {
            onFx(() -> {
                view.model().disconnect();
                window.tabs().getTabs().removeIf(t -> t.getContent() == view);
                view.dispose();
                return null;
            });
        }
        return percent;
    }

    private static ConnectionTabView tab(MainWindow window) throws Exception {
        return onFx(() -> (ConnectionTabView) window.tabs().getTabs().get(0).getContent());
    }

    private static long residentMb() {
        try {
            return ProxyConcurrencyBenchmark.rssKb(ProcessHandle.current().pid()) / 1024;
        } catch (Exception e) {
            return -1;
        }
    }

    private static long committedMb() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted() / MB;
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out");
            }
            Thread.sleep(20);
        }
    }

}
