package dev.sockscope.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockscope.testing.Eventually;
import dev.sockscope.testing.GuiRecordingMain;
import dev.sockscope.testing.StreamingServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kill -9 of the GUI while a tab records a stream: the database opens cleanly afterwards and
 * holds, in order and without gaps, every message the tab had received more than 250 ms before
 * the kill (the GUI reports what it has received, and when, ten times a second).
 */
class GuiCrashRecoveryTest {
    @TempDir
    Path dataDir;

    @Test
    void everyMessageReceivedMoreThanASecondBeforeAKill9IsRecorded() throws Exception {
        ConcurrentSkipListMap<Long, Long> receivedAt = new ConcurrentSkipListMap<>();
        long killedMillis;
        try (StreamingServer server = new StreamingServer(200)) {
            Process gui = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw", "-Dprism.text=t2k",
                    "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                    GuiRecordingMain.class.getName(), dataDir.toString(), "ws://127.0.0.1:" + server.boundPort() + "/"))
                    .redirectError(dataDir.resolve("gui-stderr.txt").toFile()).start();
            Thread reader = new Thread(() -> readReports(gui, receivedAt), "gui-reports");
            reader.setDaemon(true);
            reader.start();
            try {
                Eventually.eventually(Duration.ofSeconds(60), "the GUI receiving thousands of messages",
                        () -> latest(receivedAt) >= 20_000);
                assertTrue(gui.isAlive(), "still recording when killed");
            } finally {
                killedMillis = System.currentTimeMillis();
                gui.destroyForcibly();
                assertTrue(gui.waitFor(10, TimeUnit.SECONDS));
            }
        }
        var before = receivedAt.floorEntry(killedMillis - CrashRecoveryTest.RULE_MILLIS);
        long mustHave = before == null ? 0 : before.getValue();
        assertTrue(mustHave > 0, "the GUI reported receiving messages more than 250 ms before the kill");
        try (Database db = Database.open(dataDir)) {
            List<String> received = new java.util.ArrayList<>();
            new FrameQueries(db).search(new dev.sockscope.core.SearchQuery("", false, null, dev.sockscope.core.Direction.RECEIVE, 0),
                    f -> received.add(f.message().text()));
            for (int i = 0; i < received.size(); i++) {
                assertEquals("m " + i, received.get(i), "in order, none lost");
            }
            assertTrue(received.size() >= mustHave, received.size() + " recorded, but the tab had received " + mustHave
                    + " more than 250 ms before the kill");
        }
    }

    private static long latest(ConcurrentSkipListMap<Long, Long> receivedAt) {
        var last = receivedAt.lastEntry();
        return last == null ? 0 : last.getValue();
    }

    /** Reads "received COUNT MILLIS" lines until the process dies. */
    private static void readReports(Process gui, ConcurrentSkipListMap<Long, Long> receivedAt) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(gui.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                String[] parts = line.split(" ");
                if (parts.length == 3 && parts[0].equals("received")) {
                    receivedAt.put(Long.parseLong(parts[2]), Long.parseLong(parts[1]));
                }
            }
        } catch (java.io.IOException | NumberFormatException gone) {
            // the process was killed
        }
    }
}
