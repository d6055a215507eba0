package dev.sockscope.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockscope.testing.StreamingServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kill -9 of a recording `sockscope connect`: the database opens cleanly afterwards and holds
 * every message received more than one second before the kill. While it runs, a second opener
 * is told the database is in use.
 */
class CrashRecoveryTest {
    @TempDir
    Path dataDir;

    @Test
    void keepsEveryMessageReceivedMoreThanASecondBeforeAKill9() throws Exception {
        try (StreamingServer server = new StreamingServer(200)) {
            Process cli = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "dev.sockscope.Main", "connect",
                    "ws://127.0.0.1:" + server.boundPort() + "/", "--session", "crash", "--data-dir", dataDir.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(dataDir.resolve("cli-stderr.txt").toFile())
                    .start();
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (server.sentCount() < 5000 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertTrue(server.sentCount() >= 5000, "the client should be receiving by now");
                StoreException locked = assertThrows(StoreException.class, () -> Database.open(dataDir));
                assertEquals(StoreException.Reason.LOCKED, locked.reason());
                assertTrue(locked.getMessage().contains("in use by another Sockscope"), locked.getMessage());
                try (Database readOnly = Database.openReadOnly(dataDir)) {
                    assertEquals("crash", new Sessions(readOnly).list().get(0).name(), "browsable read-only meanwhile");
                }
                Thread.sleep(2000);
            } finally {
                long killed = System.nanoTime();
                cli.destroyForcibly();
                assertTrue(cli.waitFor(10, TimeUnit.SECONDS));
                int mustHave = server.sentBefore(killed - TimeUnit.SECONDS.toNanos(1));
                assertTrue(mustHave > 5000, "messages sent more than a second before the kill: " + mustHave);
                assertRecorded(mustHave);
            }
        }
    }

    private void assertRecorded(int mustHave) throws Exception {
        try (Database db = Database.open(dataDir); Connection c = db.connect()) {
            ResultSet rs = c.createStatement().executeQuery("SELECT payload FROM frame WHERE direction = 1 ORDER BY seq");
            int expected = 0;
            while (rs.next() && expected < mustHave) {
                assertEquals("m " + expected, new String(rs.getBytes(1), StandardCharsets.UTF_8), "messages in order, none lost");
                expected++;
            }
            assertEquals(mustHave, expected, "recorded messages of those received over a second before the kill");
            List<?> sessions = new Sessions(db).list();
            assertEquals(1, sessions.size());
        }
    }
}
