package dev.sockscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Options a script could get wrong (a limit below one, a negative size) are refused with exit 2
 * instead of quietly meaning "everything"; an import of a directory or a missing file says which.
 */
class NumbersAndFilesTest {
    @TempDir
    Path dir;

    @BeforeEach
    void importThreeMessages() throws Exception {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            lines.append("{\"session\":\"s\",\"connection\":1,\"url\":\"ws://h/\",\"direction\":\"receive\",\"opcode\":1,")
                    .append("\"timestamp\":\"2026-11-30T12:00:0").append(i).append("Z\",\"size\":10,\"text\":\"ticker ")
                    .append(i).append("xx\"}\n");
        }
        Path file = Files.writeString(dir.resolve("three.jsonl"), lines);
        CliRun run = CliRun.run(dir.resolve("data"), "import", file.toString(), "--session", "s");
        assertEquals(0, run.exit(), run.err());
    }

    @Test
    void aLimitBelowOneOrANegativeSizeIsAUsageError() {
        for (String[] args : new String[][] {{"--limit", "-3"}, {"--limit", "0"}, {"--min-size", "-10"}, {"--max-size", "-1"}}) {
            CliRun run = CliRun.run(dir.resolve("data"), "search", "ticker", args[0], args[1]);
            assertEquals(2, run.exit(), String.join(" ", args) + ": " + run.out());
            assertEquals("", run.out(), "nothing is listed");
            assertTrue(run.err().startsWith("sockscope: " + args[0] + " takes "), run.err());
        }
    }

    @Test
    void validNumbersStillWork() {
        assertEquals(2, CliRun.run(dir.resolve("data"), "search", "ticker", "--limit", "2").lines().size());
        assertEquals(3, CliRun.run(dir.resolve("data"), "search", "ticker", "--min-size", "0", "--max-size", "10").lines().size());
        assertEquals(0, CliRun.run(dir.resolve("data"), "search", "ticker", "--max-size", "9").lines().size());
    }

    @Test
    void importingADirectoryOrAMissingFileSaysWhich() {
        CliRun directory = CliRun.run(dir.resolve("data"), "import", dir.toString());
        assertEquals(1, directory.exit());
        assertEquals("sockscope: cannot import " + dir + ": it is a directory (name a .har or .jsonl file)",
                directory.err().strip());
        Path missing = dir.resolve("nope.har");
        CliRun absent = CliRun.run(dir.resolve("data"), "import", missing.toString());
        assertEquals(1, absent.exit());
        assertEquals("sockscope: cannot import " + missing + ": no such file", absent.err().strip());
    }
}
