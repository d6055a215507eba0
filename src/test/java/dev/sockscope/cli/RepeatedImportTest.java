package dev.sockscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Importing the same file into the same session twice is noticed (by content, whatever its name)
 * and skipped with a line saying so, instead of doubling every message; {@code --again} repeats it
 * on purpose, and another session takes it as a new import.
 */
class RepeatedImportTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LINES = "{\"connection\":1,\"url\":\"ws://h/\",\"direction\":\"send\",\"opcode\":1,"
            + "\"timestamp\":\"2026-11-21T10:00:00.000001Z\",\"size\":2,\"text\":\"hi\"}\n"
            + "{\"connection\":1,\"url\":\"ws://h/\",\"direction\":\"receive\",\"opcode\":1,"
            + "\"timestamp\":\"2026-11-21T10:00:00.000002Z\",\"size\":2,\"text\":\"ho\"}\n";

    @TempDir
    Path dir;

    @Test
    void theSameFileTwiceIsSkippedUnlessAskedAgain() throws Exception {
        Path data = dir.resolve("data");
        Path file = Files.writeString(dir.resolve("run.jsonl"), LINES);
        assertEquals(0, CliRun.run(data, "import", file.toString(), "--session", "qa").exit());

        Path renamed = Files.copy(file, dir.resolve("copy-of-run.jsonl"));
        CliRun twice = CliRun.run(data, "import", renamed.toString(), "--session", "qa");
        assertEquals(0, twice.exit(), "the messages are in the session: not an error");
        assertTrue(twice.err().startsWith("sockscope: copy-of-run.jsonl is already in session qa (imported "), twice.err());
        assertTrue(twice.err().contains("from run.jsonl, 2 messages): not imported again; --again imports it once more"),
                twice.err());
        assertEquals(2, messages(data, "qa"));

        CliRun again = CliRun.run(data, "import", file.toString(), "--session", "qa", "--again");
        assertEquals(0, again.exit());
        assertEquals("imported 2 messages into session qa", again.err().strip());
        assertEquals(4, messages(data, "qa"));

        assertEquals(0, CliRun.run(data, "import", file.toString(), "--session", "other").exit());
        assertEquals(2, messages(data, "other"), "another session takes it as a new import");
    }

    @Test
    void aFailedImportIsNotRememberedAsDone() throws Exception {
        Path data = dir.resolve("data");
        Path bad = Files.writeString(dir.resolve("bad.jsonl"), LINES + "not json\n");
        assertEquals(1, CliRun.run(data, "import", bad.toString(), "--session", "qa").exit());
        assertEquals(1, CliRun.run(data, "import", bad.toString(), "--session", "qa").exit(),
                "refused again for what it is, not skipped as already imported");
    }

    private static int messages(Path data, String session) throws Exception {
        for (JsonNode s : JSON.readTree(CliRun.run(data, "sessions", "--json").out())) {
            if (s.get("name").asText().equals(session)) {
                return s.get("messages").asInt();
            }
        }
        return -1;
    }
}
