package dev.sockscope.store;

import dev.sockscope.core.Direction;
import dev.sockscope.core.Frame;
import dev.sockscope.core.Handshake;
import dev.sockscope.core.Opcode;
import dev.sockscope.core.Origin;
import dev.sockscope.core.SearchQuery;
import dev.sockscope.core.SessionEvent;
import dev.sockscope.core.Timings;
import dev.sockscope.core.WsUrl;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Search over 1,000,000 recorded messages of ~200 bytes, indexed as they are recorded: the first
 * page (50) of a rare and of a frequent substring, and a full regex scan, each the median of 5,
 * in a reopened database; compared in the same run with the full scan the index replaces. Run:
 * {@code mvn -q test-compile exec:exec -Pbench -Dbench.main=dev.sockscope.store.SearchBenchmark}
 * ({@code -Dframes=200000} for a quick run).
 */
public final class SearchBenchmark {
    private SearchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int frames = Integer.getInteger("frames", 1_000_000);
        Path dir = Files.createTempDirectory("sockscope-search-bench");
        try {
            run(dir, frames);
        } finally {
            // 200+ MB a run: not left behind in /tmp.
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(dir);
        }
    }

    private static void run(Path dir, int frames) throws Exception {
        try (Database db = Database.open(dir)) {
            long start = System.nanoTime();
            fill(db, frames);
            double recorded = (System.nanoTime() - start) / 1e6;
            while (!db.isIndexed()) {
                Thread.sleep(5);
            }
            System.out.printf(Locale.ROOT, "%,d frames recorded in %,.0f ms; indexed %,.0f ms after the first frame%n", frames,
                    recorded, (System.nanoTime() - start) / 1e6);
        }
        try (Database db = Database.open(dir)) {
            System.out.printf(Locale.ROOT, "database %,.1f MB with the index%n", Files.size(db.file()) / 1e6);
            System.out.println(indexRows(db));
            FrameQueries queries = new FrameQueries(db);
            SearchQuery rare = new SearchQuery("order-rare", false, null, null, 50);
            double[] rareIndexed = median(() -> queries.search(rare, f -> { }));
            report("substring, rare (1 in 100,000), first 50", rareIndexed);
            SearchQuery frequent = new SearchQuery("ETH-USD", false, null, null, 50);
            report("substring, frequent (1 in 10), first 50", median(() -> queries.search(frequent, f -> { })));
            report("regex, full scan (count all)", median(() -> queries.search(
                    new SearchQuery("\"price\":6\\d{4}\\.5", true, null, null, 0), f -> { })));
            double[] rareScanned = median(() -> queries.searchByFullScan(rare, f -> { }));
            report("baseline: rare, first 50, full scan (no index)", rareScanned);
            report("baseline: frequent, first 50, full scan (no index)", median(() -> queries.searchByFullScan(frequent, f -> { })));
            System.out.printf(Locale.ROOT, "rare term: the index answers %.0fx faster than the full scan%n",
                    rareScanned[0] / rareIndexed[0]);
        }
    }

    private static String indexRows(Database db) throws java.sql.SQLException {
        try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT (SELECT COUNT(*) FROM search_block), (SELECT COUNT(*) FROM search_slice),"
                        + " (SELECT COUNT(DISTINCT segment) FROM search_slice)")) {
            rs.next();
            return String.format(Locale.ROOT, "index: %,d blocks, %,d slices in %,d full segments", rs.getLong(1),
                    rs.getLong(2), rs.getLong(3));
        }
    }

    private static void fill(Database db, int frames) throws InterruptedException {
        try (Recorder recorder = new Recorder(db)) {
            recorder.accept(new SessionEvent.Started(1, Origin.TAB, "default", WsUrl.parse("ws://bench/"), 0));
            recorder.accept(new SessionEvent.Opened(1, WsUrl.parse("ws://bench/"), new Handshake("", "", null), null, "",
                    Timings.NONE, 0));
            String[] symbols = {"BTC-USD", "SOL-USD", "ADA-USD", "XRP-USD", "DOT-USD", "AVAX-USD", "LINK-USD", "ATOM-USD",
                "NEAR-USD", "ETH-USD"};
            for (int i = 0; i < frames; i++) {
                String text = String.format(Locale.ROOT, "{\"type\":\"ticker\",\"seq\":%d,\"symbol\":\"%s\",\"price\":%d.%d,"
                        + "\"qty\":0.015,\"id\":\"%s\",\"pad\":\"%s\"}", i, symbols[i % 10], 60000 + i % 9000, i % 10,
                        i % 100_000 == 7 ? "order-rare" : "order-" + i, "x".repeat(60));
                recorder.accept(new SessionEvent.FrameEvent(1, Frame.message(Direction.RECEIVE, Opcode.TEXT,
                        text.getBytes(StandardCharsets.UTF_8), i)));
                if ((i & 0xFFFF) == 0) {
                    recorder.awaitCapacity();
                }
            }
            while (recorder.recordedFrames() < frames) {
                Thread.sleep(10);
            }
        }
    }

    private interface Run {
        int go();
    }

    /** {median, found, then each run's time in the order run}. */
    private static double[] median(Run run) {
        List<Double> times = new ArrayList<>();
        int found = 0;
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            found = run.go();
            times.add((System.nanoTime() - start) / 1e6);
        }
        List<Double> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        double[] out = new double[2 + times.size()];
        out[0] = sorted.get(2);
        out[1] = found;
        for (int i = 0; i < times.size(); i++) {
            out[2 + i] = times.get(i);
        }
        return out;
    }

    private static void report(String what, double[] result) {
        StringBuilder runs = new StringBuilder();
        for (int i = 2; i < result.length; i++) {
            runs.append(String.format(Locale.ROOT, " %.1f", result[i]));
        }
        System.out.printf(Locale.ROOT, "%-50s median %8.1f ms  (%,d found; runs:%s)%n", what, result[0], (long) result[1], runs);
    }
}
