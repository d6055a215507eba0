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
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Random;

/**
 * How fast the recorder takes frames into a fresh database, sustained: small JSON text frames
 * (about 100 bytes, as a ticker feed sends) and 64 KiB random binary frames, each published by one
 * producer thread as a read loop does (honouring {@link Recorder#awaitCapacity()}) and timed until
 * the last is committed. The baseline, measured in the same run, is the disk alone: the same
 * payload bytes appended to a plain file. Also prints the database's size against the payload.
 * Run: {@code mvn -q test-compile exec:exec -Pbench -Dbench.main=dev.sockscope.bench.RecorderBenchmark}
 * ({@code -Dframes=10000000} for the 10M run; the 64 KiB run records a tenth of a gigabyte per 1,600 frames).
 */
public final class RecorderBenchmark {
    private RecorderBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int frames = Integer.getInteger("frames", 1_000_000);
        int bigFrames = Integer.getInteger("bigFrames", 16_000);
        System.out.printf(Locale.ROOT, "JVM %s, %d cores%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        for (int run = 1; run <= 2; run++) {
            small(run, frames);
        }
        for (int run = 1; run <= 2; run++) {
            big(run, bigFrames);
        }
    }

    private static void small(int run, int frames) throws Exception {
        String[] symbols = {"BTC-USD", "ETH-USD", "SOL-USD", "ADA-USD", "XRP-USD"};
        // Made beforehand, so neither the recorder nor the baseline is timed formatting JSON.
        byte[][] pool = new byte[100_003][];
        for (int i = 0; i < pool.length; i++) {
            pool[i] = String.format(Locale.ROOT, "{\"t\":\"tick\",\"seq\":%d,\"s\":\"%s\",\"px\":%d.%d,\"q\":0.%03d}",
                    1_000_000 + i * 7, symbols[i % 5], 60000 + i % 7919, i % 10, i % 997).getBytes(StandardCharsets.UTF_8);
        }
        Payloads payloads = i -> pool[i % pool.length];
        measure("run " + run + ": " + String.format(Locale.ROOT, "%,d", frames) + " JSON text frames (~70-100 B)", frames,
                Opcode.TEXT, payloads);
    }

    private static void big(int run, int frames) throws Exception {
        Random random = new Random(run);
        byte[][] pool = new byte[16][65536];
        for (byte[] p : pool) {
            random.nextBytes(p);
        }
        measure("run " + run + ": " + String.format(Locale.ROOT, "%,d", frames) + " random binary frames of 64 KiB", frames,
                Opcode.BINARY, i -> pool[i % pool.length]);
    }

    private interface Payloads {
        byte[] of(int i);
    }

    private static void measure(String what, int frames, Opcode opcode, Payloads payloads) throws Exception {
        Path dir = Files.createTempDirectory("sockscope-recorder-bench");
        try {
            long payloadBytes = 0;
            double seconds;
            long fileSize;
            try (Database db = Database.open(dir); Recorder recorder = new Recorder(db)) {
                recorder.accept(new SessionEvent.Started(1, Origin.TAB, "default", WsUrl.parse("ws://bench/"), 0));
                recorder.accept(new SessionEvent.Opened(1, WsUrl.parse("ws://bench/"), new Handshake("", "", null), null, "",
                        Timings.NONE, 0));
                long start = System.nanoTime();
                for (int i = 0; i < frames; i++) {
                    byte[] payload = payloads.of(i);
                    payloadBytes += payload.length;
                    recorder.awaitCapacity();
                    recorder.accept(new SessionEvent.FrameEvent(1, Frame.message(Direction.RECEIVE, opcode, payload, 1_700_000_000_000_000L
                            + i)));
                }
                while (recorder.recordedFrames() < frames) {
                    Thread.sleep(1);
                }
                seconds = (System.nanoTime() - start) / 1e9;
            }
            fileSize = Files.size(dir.resolve("sockscope.mv.db"));
            double disk = appendToFile(dir.resolve("baseline.bin"), frames, payloads);
            System.out.printf(Locale.ROOT, "%s: %.2f s = %,.0f frames/s, %,.0f MB/s of payload; the disk alone: %,.0f MB/s"
                    + " (recorder %.2fx of it); database %,.1f MB = %.2fx the payload%n", what, seconds, frames / seconds,
                    payloadBytes / seconds / 1e6, payloadBytes / disk / 1e6, disk / seconds, fileSize / 1e6,
                    (double) fileSize / payloadBytes);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(dir);
        }
    }

    /** Seconds to append the same payloads to a file (1 MiB writes), forced to disk once at the end. */
    private static double appendToFile(Path file, int frames, Payloads payloads) throws IOException {
        long start = System.nanoTime();
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
            for (int i = 0; i < frames; i++) {
                byte[] payload = payloads.of(i);
                if (buffer.remaining() < payload.length) {
                    buffer.flip();
                    out.write(buffer);
                    buffer.clear();
                }
                buffer.put(payload);
            }
            buffer.flip();
            out.write(buffer);
            out.force(false);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Files.delete(file);
        return seconds;
    }
}
