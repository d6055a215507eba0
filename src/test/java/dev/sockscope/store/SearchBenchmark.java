package dev.sockscope.store;

import dev.sockscope.core.Direction;
import dev.sockscope.core.Frame;
import dev.sockscope.core.Handshake;
import dev.sockscope.core.Opcode;
import dev.sockscope.core.SearchQuery;
import dev.sockscope.core.SessionEvent;
import dev.sockscope.core.Timings;
import dev.sockscope.core.WsUrl;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Search over 1,000,000 recorded messages of ~200 bytes: the first page (50) of a rare and of a
 * frequent substring, and a full regex scan, each the median of 5; compared with a plain SQL
 * {@code LIKE} over the same rows in the same run. Run:
 * {@code mvn -q test-compile exec:exec -Pbench -Dbench.main=dev.sockscope.store.SearchBenchmark}.
 */
public final class SearchBenchmark {
    private SearchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int frames = Integer.getInteger("frames", 1_000_000);
        Path dir = Files.createTempDirectory("sockscope-search-bench");
        try (Database db = Database.open(dir)) {
            fill(db, frames);
            FrameQueries queries = new FrameQueries(db);
            report("substring, rare (1 in 100,000), first 50", median(() -> queries.search(
                    new SearchQuery("order-rare", false, null, null, 50), f -> { })));
            report("substring, frequent (1 in 10), first 50", median(() -> queries.search(
                    new SearchQuery("ETH-USD", false, null, null, 50), f -> { })));
            report("regex, full scan (count all)", median(() -> queries.search(
                    new SearchQuery("\"price\":6\\d{4}\\.5", true, null, null, 0), f -> { })));
            report("baseline: SQL LIKE '%order-rare%' full scan", median(() -> like(db, "%order-rare%")));
        }
    }

    private static void fill(Database db, int frames) throws InterruptedException {
        try (Recorder recorder = new Recorder(db)) {
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

    private static int like(Database db, String pattern) {
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM frame WHERE UTF8TOSTRING(payload) LIKE ?")) {
            ps.setString(1, pattern);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Run {
        int go();
    }

    private static double[] median(Run run) {
        List<Double> times = new ArrayList<>();
        int found = 0;
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            found = run.go();
            times.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(times);
        return new double[] {times.get(2), found};
    }

    private static void report(String what, double[] result) {
        System.out.printf(Locale.ROOT, "%-48s median %8.1f ms  (%,d found)%n", what, result[0], (long) result[1]);
    }
}
