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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How fast the recorder writes frames into H2: 1,000,000 frames of ~200 bytes queued at once,
 * timed until the last is committed. Run: {@code mvn -q test-compile exec:exec -Pbench -Dbench.main=dev.sockscope.bench.RecorderBenchmark}.
 */
public final class RecorderBenchmark {
    private RecorderBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int frames = Integer.getInteger("frames", 1_000_000);
        byte[] payload = new byte[200];
        for (int run = 1; run <= 3; run++) {
            Path dir = Files.createTempDirectory("sockscope-recorder-bench");
            try (Database db = Database.open(dir); Recorder recorder = new Recorder(db)) {
                recorder.accept(new SessionEvent.Started(1, Origin.TAB, "default", WsUrl.parse("ws://bench/"), 0));
                recorder.accept(new SessionEvent.Opened(1, WsUrl.parse("ws://bench/"), new Handshake("", "", null), null, "",
                        Timings.NONE, 0));
                long start = System.nanoTime();
                for (int i = 0; i < frames; i++) {
                    recorder.accept(new SessionEvent.FrameEvent(1, Frame.message(Direction.RECEIVE, Opcode.TEXT, payload, i)));
                    if ((i & 0xFFFF) == 0) {
                        recorder.awaitCapacity();
                    }
                }
                while (recorder.recordedFrames() < frames) {
                    Thread.sleep(2);
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf(Locale.ROOT, "run %d: %,d frames of 200 B recorded in %.2f s = %,.0f frames/s; file %,d bytes%n",
                        run, frames, seconds, frames / seconds, Files.size(db.file()));
            }
        }
    }
}
