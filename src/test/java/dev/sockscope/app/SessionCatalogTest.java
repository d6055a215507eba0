package dev.sockscope.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionCatalogTest {
    @TempDir
    Path dir;

    @Test
    void renamesAnnotatesAndDeletesSessions() throws Exception {
        try (AppContext app = new AppContext(dir)) {
            SessionCatalog recording = app.sessions();
            app.transfers().importFile(Files.writeString(dir.resolve("a.jsonl"),
                    "{\"session\":\"x\",\"connection\":1,\"url\":\"ws://h/\",\"direction\":\"send\",\"opcode\":1,"
                            + "\"timestamp\":\"2026-11-21T10:00:00.000001Z\",\"size\":2,\"text\":\"hi\"}\n"), "first", false);
            app.transfers().importFile(dir.resolve("a.jsonl"), "second", false);
            recording.useSession("first");
            recording.renameSession("first", "bug-1234");
            assertEquals("bug-1234", recording.currentSession(), "the current session follows its new name");
            recording.setNotes("bug-1234", "reproduces the stale ticker");
            var byName = recording.sessions().stream().collect(java.util.stream.Collectors.toMap(
                    dev.sockscope.core.SessionSummary::name, s -> s));
            assertEquals("reproduces the stale ticker", byName.get("bug-1234").notes());
            org.junit.jupiter.api.Assertions.assertThrows(UserFacingException.class,
                    () -> recording.renameSession("bug-1234", "second"), "names stay unique");
            recording.deleteSession("second");
            assertEquals(1, recording.sessions().size());
            assertEquals(1, recording.sessions().get(0).frames(), "the other session's messages are untouched");
        }
    }

    @Test
    void previewsWhichSessionsAnAgeLimitWouldRemoveNeverTheCurrentOne() throws Exception {
        try (AppContext app = new AppContext(dir)) {
            SessionCatalog recording = app.sessions();
            String old = "{\"connection\":1,\"url\":\"ws://h/\",\"direction\":\"send\",\"opcode\":1,"
                    + "\"timestamp\":\"2020-01-01T00:00:00.000001Z\",\"size\":2,\"text\":\"hi\"}\n";
            String recent = old.replace("2020-01-01", java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString());
            app.transfers().importFile(Files.writeString(dir.resolve("old.jsonl"), old), "old-run", false);
            app.transfers().importFile(Files.writeString(dir.resolve("old2.jsonl"), old), "old-but-current", false);
            app.transfers().importFile(Files.writeString(dir.resolve("new.jsonl"), recent), "fresh-run", false);
            recording.useSession("old-but-current");
            assertEquals(java.util.List.of("old-run"), recording.beyond(new Retention(30, 0)).stream()
                    .map(dev.sockscope.core.SessionSummary::name).toList());
            assertEquals(3, recording.sessions().size(), "a preview removes nothing");
            assertEquals(java.util.List.of(), recording.beyond(Retention.OFF));
        }
    }

    @Test
    void aSizeLimitRemovesTheOldestSessionsUntilTheRestFits() throws Exception {
        try (AppContext app = new AppContext(dir)) {
            SessionCatalog recording = app.sessions();
            String big = "x".repeat(400_000);
            for (String day : java.util.List.of("2026-01-01", "2026-02-01", "2026-03-01", "2026-04-01")) {
                String line = "{\"connection\":1,\"url\":\"ws://h/\",\"direction\":\"receive\",\"opcode\":1,"
                        + "\"timestamp\":\"" + day + "T00:00:00.000001Z\",\"size\":400000,\"text\":\"" + big + "\"}\n";
                app.transfers().importFile(Files.writeString(dir.resolve(day + ".jsonl"), line), "run-" + day, false);
            }
            recording.useSession("run-2026-01-01");
            // 4 x 400 KB; a 1 MB limit keeps the newest two (800 KB) and never the current, oldest one.
            assertEquals(java.util.List.of("run-2026-02-01", "run-2026-03-01"), recording.beyond(new Retention(0, 1)).stream()
                    .map(dev.sockscope.core.SessionSummary::name).toList());
        }
    }

    @Test
    void keepsADamagedDatabaseAsideAndStartsAFreshOneOnRequest() throws Exception {
        byte[] garbage = "this is not a database".repeat(500).getBytes();
        Files.write(dir.resolve("sockscope.mv.db"), garbage);
        try (AppContext app = new AppContext(dir)) {
            assertEquals(RecordingStore.Trouble.CORRUPT, app.recording().trouble().orElseThrow());
            assertTrue(app.recording().problem().orElseThrow().contains("cannot be read"));
            Path kept = app.recording().startFresh();
            assertArrayEquals(garbage, Files.readAllBytes(kept), "the old file is kept, unchanged");
            assertTrue(kept.getFileName().toString().startsWith("sockscope.mv.db.damaged-"));
            assertTrue(app.recording().problem().isEmpty());
            assertEquals(0, app.sessions().sessions().size());
        }
    }

    @Test
    void refusesSessionNamesTheRecordingCannotKeepBeforeAnythingIsRecorded() {
        try (AppContext app = new AppContext(dir)) {
            for (String bad : java.util.List.of("", "   ", "m".repeat(256), "two\nlines", "tab\there")) {
                UserFacingException refused = org.junit.jupiter.api.Assertions.assertThrows(UserFacingException.class,
                        () -> app.sessions().useSession(bad), bad);
                assertEquals(UserFacingException.Kind.USAGE, refused.kind());
            }
            assertEquals("default", app.sessions().currentSession(), "a refused name changes nothing");
            app.sessions().useSession("  bug-1234 ");
            assertEquals("bug-1234", app.sessions().currentSession());
        }
    }
}
