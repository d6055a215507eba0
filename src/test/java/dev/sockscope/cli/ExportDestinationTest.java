package dev.sockscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockscope.testing.CliProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An export whose destination cannot be written says so in the destination's terms (a directory,
 * a missing or non-directory parent, no permission), exits 1 and leaves nothing behind: the
 * temporary file it writes through is never named.
 */
class ExportDestinationTest {
    @TempDir
    Path scratch;

    @Test
    void aDirectoryAsTheDestinationIsSaidToBeOne() throws Exception {
        Path data = scratch.resolve("data");
        Path out = Files.createDirectories(scratch.resolve("exports"));
        CliRun run = CliRun.run(data, "export", "--all", "--format", "jsonl", "--out", out.toString());
        assertRefused(run, "sockscope: cannot export to " + out + ": it is a directory (name a file in it)");
        assertNothingLeftIn(out);
        assertNothingLeftIn(scratch);
    }

    @Test
    void aMissingOrNonDirectoryParentIsNamed() throws Exception {
        Path data = scratch.resolve("data");
        Path missing = scratch.resolve("no-such-dir").resolve("x.har");
        assertRefused(CliRun.run(data, "export", "--all", "--format", "har", "--out", missing.toString()),
                "sockscope: cannot export to " + missing + ": no such directory " + missing.getParent());
        Path file = Files.writeString(scratch.resolve("a-file"), "kept");
        Path below = file.resolve("x.har");
        assertRefused(CliRun.run(data, "export", "--all", "--format", "har", "--out", below.toString()),
                "sockscope: cannot export to " + below + ": " + file + " is not a directory");
        assertEquals("kept", Files.readString(file));
    }

    @Test
    void aDirectoryThisUserCannotWriteIsSaidSo() throws Exception {
        CliProcess other = CliProcess.asOtherUser(scratch);
        Path data = Files.createDirectories(scratch.resolve("data"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path locked = Files.createDirectories(scratch.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            Path out = locked.resolve("x.jsonl");
            CliProcess.Result run = other.run("export", "--all", "--format", "jsonl", "--out", out.toString(),
                    "--data-dir", data.toString());
            assertEquals(1, run.exit(), run.err());
            assertEquals("sockscope: cannot export to " + out + ": permission denied in " + locked, run.err().strip());
            assertNothingLeftIn(locked);
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }

    private static void assertRefused(CliRun run, String expected) {
        assertEquals(1, run.exit(), run.err());
        assertEquals(expected, run.err().strip());
        assertFalse(run.err().contains(".sockscope-export"), run.err());
    }

    private static void assertNothingLeftIn(Path dir) throws Exception {
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith(".sockscope-export")),
                    "no temporary file left in " + dir);
        }
    }
}
