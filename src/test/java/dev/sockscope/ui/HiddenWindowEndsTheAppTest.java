package dev.sockscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockscope.core.RecordedConnection;
import dev.sockscope.core.SessionEvent;
import dev.sockscope.store.Database;
import dev.sockscope.store.RecordedConnections;
import dev.sockscope.testing.GuiHideMain;
import dev.sockscope.testing.StreamingServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The main window hidden without a close request (as when the window system takes it away)
 * ends the application as a normal close does: the process exits by itself, its connection is
 * closed and recorded as closed, and the settings are saved. In a JVM of its own, since the app
 * ends the JavaFX toolkit.
 */
class HiddenWindowEndsTheAppTest {
    @TempDir
    Path dataDir;

    @Test
    void hidingTheMainWindowClosesConnectionsFlushesTheRecordingAndExits() throws Exception {
        Process gui;
        try (StreamingServer server = new StreamingServer(500)) {
            gui = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw", "-Dprism.text=t2k",
                    "-Djava.awt.headless=true", "-Dsockscope.logdir=" + dataDir, "-cp", System.getProperty("java.class.path"),
                    GuiHideMain.class.getName(), dataDir.toString(), "ws://127.0.0.1:" + server.boundPort() + "/"))
                    .redirectErrorStream(true).redirectOutput(dataDir.resolve("gui-output.txt").toFile()).start();
            boolean ended = gui.waitFor(90, TimeUnit.SECONDS);
            String output = Files.readString(dataDir.resolve("gui-output.txt"), StandardCharsets.ISO_8859_1);
            if (!ended) {
                gui.destroyForcibly();
            }
            assertTrue(ended, "the app ended by itself once its window was gone: " + output);
            assertTrue(output.contains("hidden") && output.contains("exited"), output);
            assertEquals(0, gui.exitValue(), output);
        }
        assertTrue(Files.exists(dataDir.resolve("settings.json")), "the settings were saved at exit");
        try (Database db = Database.open(dataDir)) {
            List<RecordedConnection> recorded = new RecordedConnections(db).of("default");
            assertEquals(1, recorded.size());
            assertTrue(recorded.get(0).frames() > 100, "what it received was recorded: " + recorded.get(0).frames());
            assertInstanceOf(SessionEvent.Closed.class, recorded.get(0).end(), "recorded as closed, not as left open");
        }
    }
}
