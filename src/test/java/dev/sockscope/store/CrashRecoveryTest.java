package dev.sockscope.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockscope.core.Direction;
import dev.sockscope.core.SearchQuery;
import dev.sockscope.core.SessionSummary;
import dev.sockscope.testing.Eventually;
import dev.sockscope.testing.StreamingServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kill -9 of a recording `sockscope connect` in the middle of a stream: the database opens
 * cleanly afterwards and holds, in order and without gaps, every message the CLI had received
 * (printed) more than 250 ms before the kill, and everything a read-only snapshot saw committed
 * just before it. While it runs, a second opener is told the database is in use.
 */
class CrashRecoveryTest {
    /** What a kill -9 may lose: what arrived in its last 250 ms (the recorder's bound, see Recorder). */
    static final long RULE_MILLIS = 250;

    @TempDir
    Path dataDir;

    @Test
    void keepsEveryCommittedMessageThroughAKill9() throws Exception {
        int committedBeforeKill;
        long killedMillis;
        // When each "< m N" line reached us: the CLI prints (and flushes) a frame as it receives it.
        ConcurrentSkipListMap<Long, Integer> printedAt = new ConcurrentSkipListMap<>();
        try (StreamingServer server = new StreamingServer(200)) {
            Process cli = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "dev.sockscope.Main", "connect",
                    "ws://127.0.0.1:" + server.boundPort() + "/", "--session", "crash", "--data-dir", dataDir.toString())
                    .redirectError(dataDir.resolve("cli-stderr.txt").toFile())
                    .start();
            Thread reader = new Thread(() -> countPrinted(cli, printedAt), "cli-output");
            reader.setDaemon(true);
            reader.start();
            try {
                Eventually.eventually(Duration.ofSeconds(20), "the client receiving thousands of messages",
                        () -> server.sentCount() >= 5000);
                StoreException locked = assertThrows(StoreException.class, () -> Database.open(dataDir));
                assertEquals(StoreException.Reason.LOCKED, locked.reason());
                assertTrue(locked.getMessage().contains("in use by another Sockscope"), locked.getMessage());
                // The session row exists once the writer has committed the connection's Opened.
                List<SessionSummary> sessions = pollSnapshot(10, s -> new Sessions(s).list(), l -> !l.isEmpty());
                assertEquals(1, sessions.size(), "browsable read-only meanwhile: " + sessions);
                assertEquals("crash", sessions.get(0).name(), "browsable read-only meanwhile");
                int recording = pollSnapshot(20, CrashRecoveryTest::receivedRows, n -> n >= 5000);
                assertTrue(recording >= 5000, "the client should have committed thousands of messages by now: " + recording);
                // More streaming first, so the kill lands mid-flood with frames in flight; then what is
                // committed now is the bound: a commit reaches the file at once (WRITE_DELAY=0),
                // so a kill right after must not lose any of it.
                long sentSoFar = server.sentCount();
                Eventually.eventually(Duration.ofSeconds(20), "a few thousand more messages streamed",
                        () -> server.sentCount() >= sentSoFar + 3000);
                committedBeforeKill = pollSnapshot(0, CrashRecoveryTest::receivedRows, n -> true);
                assertTrue(cli.isAlive(), "still recording when killed");
            } finally {
                killedMillis = System.currentTimeMillis();
                cli.destroyForcibly();
                assertTrue(cli.waitFor(10, TimeUnit.SECONDS));
            }
        }
        assertTrue(java.nio.file.Files.exists(dataDir.resolve("logs").resolve("sockscope-cli.log")),
                "the command logs into its data directory's logs folder");
        var printedBefore = printedAt.floorEntry(killedMillis - RULE_MILLIS);
        int receivedBefore = printedBefore == null ? 0 : printedBefore.getValue();
        assertTrue(receivedBefore > 0, "the CLI printed messages more than " + RULE_MILLIS + " ms before the kill");
        // Every message received more than 250 ms before the kill, and everything committed.
        assertRecorded(Math.max(committedBeforeKill, receivedBefore));
    }

    private static void countPrinted(Process cli, ConcurrentSkipListMap<Long, Integer> printedAt) {
        try (java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(cli.getInputStream(),
                StandardCharsets.UTF_8))) {
            int received = 0;
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("< m ")) {
                    printedAt.put(System.currentTimeMillis(), ++received);
                }
            }
        } catch (java.io.IOException killed) {
            // the process is gone
        }
    }

    /** What {@code query} says of a read-only snapshot, retried until {@code done} holds or {@code seconds} pass. */
    private <T> T pollSnapshot(int seconds, SnapshotQuery<T> query, Predicate<T> done) throws Exception {
        return Eventually.settle(Duration.ofSeconds(seconds), () -> {
            try (Database readOnly = Database.openReadOnly(dataDir)) {
                return query.ask(readOnly);
            }
        }, done);
    }

    private interface SnapshotQuery<T> {
        T ask(Database snapshot) throws Exception;
    }

    private static int receivedRows(Database db) {
        return new FrameQueries(db).search(new SearchQuery("", false, null, Direction.RECEIVE, 0), f -> { });
    }

    private void assertRecorded(int mustHave) throws Exception {
        try (Database db = Database.open(dataDir)) {
            List<String> received = new ArrayList<>();
            new FrameQueries(db).search(new SearchQuery("", false, null, Direction.RECEIVE, 0), f -> received.add(f.message().text()));
            for (int i = 0; i < Math.min(mustHave, received.size()); i++) {
                assertEquals("m " + i, received.get(i), "messages in order, none lost");
            }
            assertTrue(received.size() >= mustHave, received.size() + " recorded, but " + mustHave
                    + " were committed or received more than " + RULE_MILLIS + " ms before the kill");
            List<?> sessions = new Sessions(db).list();
            assertEquals(1, sessions.size());
        }
    }
}
