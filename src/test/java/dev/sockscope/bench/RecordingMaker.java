package dev.sockscope.bench;

import dev.sockscope.core.Direction;
import dev.sockscope.core.Frame;
import dev.sockscope.core.Handshake;
import dev.sockscope.core.Opcode;
import dev.sockscope.core.Origin;
import dev.sockscope.core.SessionEvent;
import dev.sockscope.core.Timings;
import dev.sockscope.core.WsUrl;
import dev.sockscope.store.Database;
import dev.sockscope.store.Recorder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Records a large session into a data directory through the real recorder, for measuring the
 * command line against it (bench/cli-times.sh): N ticker messages of about 170 bytes over four
 * connections, one in 100,000 holding the rare term "order-rare", one in ten "ETH-USD".
 * Run: {@code mvn -q test-compile exec:exec -Pbench -Dbench.main=dev.sockscope.bench.RecordingMaker
 * -Dframes=10000000 -Ddir=/tmp/sockscope-10m}.
 */
public final class RecordingMaker {
    private RecordingMaker() {
    }

    public static void main(String[] args) throws Exception {
        int frames = Integer.getInteger("frames", 1_000_000);
        String given = System.getProperty("dir", "");
        Path dir = Path.of(given.isBlank() ? "/tmp/sockscope-" + frames : given);
        String[] symbols = {"BTC-USD", "SOL-USD", "ADA-USD", "XRP-USD", "DOT-USD", "AVAX-USD", "LINK-USD", "ATOM-USD",
            "NEAR-USD", "ETH-USD"};
        long start = System.nanoTime();
        try (Database db = Database.open(dir); Recorder recorder = new Recorder(db)) {
            WsUrl url = WsUrl.parse("wss://feed.example/ws");
            for (int c = 1; c <= 4; c++) {
                recorder.accept(new SessionEvent.Started(c, Origin.CLI, "bench", url, 0));
                recorder.accept(new SessionEvent.Opened(c, url, new Handshake("", "", null), null, "", Timings.NONE, 0));
            }
            long base = 1_764_590_400_000_000L;
            for (int i = 0; i < frames; i++) {
                String text = String.format(Locale.ROOT, "{\"type\":\"ticker\",\"seq\":%d,\"symbol\":\"%s\",\"price\":%d.%d,"
                        + "\"qty\":0.015,\"id\":\"%s\",\"pad\":\"%s\"}", i, symbols[i % 10], 60000 + i % 9000, i % 10,
                        i % 100_000 == 7 ? "order-rare" : "order-" + i, "x".repeat(60));
                recorder.awaitCapacity();
                recorder.accept(new SessionEvent.FrameEvent(1 + i % 4, Frame.message(i % 5 == 0 ? Direction.SEND : Direction.RECEIVE,
                        Opcode.TEXT, text.getBytes(StandardCharsets.UTF_8), base + i * 100L)));
            }
            for (int c = 1; c <= 4; c++) {
                recorder.accept(new SessionEvent.Closed(c, 1000, "", dev.sockscope.core.ClosedBy.CLIENT, base + frames * 100L));
            }
            recorder.close(600_000);
        }
        System.out.printf(Locale.ROOT, "%,d messages recorded and indexed into %s in %.1f s%n", frames, dir,
                (System.nanoTime() - start) / 1e9);
    }
}
