package dev.sockscope.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingTest {
    @TempDir
    Path dir;

    @Test
    void keepsADamagedDatabaseAsideAndStartsAFreshOneOnRequest() throws Exception {
        byte[] garbage = "this is not a database".repeat(500).getBytes();
        Files.write(dir.resolve("sockscope.mv.db"), garbage);
        try (AppContext app = new AppContext(dir)) {
            assertEquals(Recording.Trouble.CORRUPT, app.recording().trouble().orElseThrow());
            assertTrue(app.recording().problem().orElseThrow().contains("cannot be read"));
            Path kept = app.recording().startFresh();
            assertArrayEquals(garbage, Files.readAllBytes(kept), "the old file is kept, unchanged");
            assertTrue(kept.getFileName().toString().startsWith("sockscope.mv.db.damaged-"));
            assertTrue(app.recording().problem().isEmpty());
            assertEquals(0, app.recording().sessions().size());
        }
    }
}
