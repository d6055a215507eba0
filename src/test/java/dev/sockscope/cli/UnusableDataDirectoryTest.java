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
 * A data directory that cannot be used (a regular file, a path that cannot be made, a directory
 * this user cannot write) ends a command with one line naming it, exit 1 and nothing on stdout:
 * no logging status, no database stack trace. Run as real processes, since what broke this was
 * printed by libraries on their own.
 */
class UnusableDataDirectoryTest {
    @TempDir
    Path scratch;

    @Test
    void aRegularFileIsNamedAsOne() throws Exception {
        Path file = Files.writeString(scratch.resolve("not-a-dir"), "x");
        for (String command : new String[] {"sessions", "connect"}) {
            CliProcess.Result run = command.equals("sessions")
                    ? CliProcess.asThisUser().run("sessions", "--json", "--data-dir", file.toString())
                    : CliProcess.asThisUser().run("connect", "ws://127.0.0.1:9/", "--data-dir", file.toString());
            assertOneLineFailure(run, "sockscope: the data directory " + file + " is a file, not a directory");
        }
        assertEquals("x", Files.readString(file), "the file is left as it was");
    }

    @Test
    void aDirectoryThatCannotBeMadeSaysWhy() throws Exception {
        Path file = Files.writeString(scratch.resolve("a-file"), "x");
        Path below = file.resolve("data");
        CliProcess.Result run = CliProcess.asThisUser().run("search", "anything", "--data-dir", below.toString());
        assertOneLineFailure(run, "sockscope: cannot create the data directory " + below + ": ");
    }

    @Test
    void aDirectoryThisUserCannotWriteIsSaidSo() throws Exception {
        CliProcess other = CliProcess.asOtherUser(scratch);
        Path readOnly = Files.createDirectories(scratch.resolve("read-only"));
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            CliProcess.Result run = other.run("sessions", "--json", "--data-dir", readOnly.toString());
            assertOneLineFailure(run, "sockscope: cannot write to the data directory " + readOnly + ": permission denied");
            CliProcess.Result importing = other.run("import", "/dev/null", "--data-dir", readOnly.toString());
            assertOneLineFailure(importing, "sockscope: cannot write to the data directory " + readOnly);
            try (var left = Files.list(readOnly)) {
                assertEquals(0, left.count(), "nothing was written into it");
            }
        } finally {
            Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void theDatabaseEngineWritesNoTraceFileBesideTheData() throws Exception {
        Path data = scratch.resolve("data");
        CliProcess.Result run = CliProcess.asThisUser().run("sessions", "--data-dir", data.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(Files.exists(data.resolve("sockscope.mv.db")));
        assertTrue(Files.exists(data.resolve("logs").resolve("sockscope-cli.log")), "a command logs to its own file");
        assertFalse(Files.exists(data.resolve("sockscope.trace.db")));
    }

    private static void assertOneLineFailure(CliProcess.Result run, String expectedStart) {
        assertEquals(1, run.exit(), run.err());
        assertEquals("", run.out(), "stdout stays untouched");
        assertEquals(1, run.err().lines().count(), "one line on stderr: " + run.err());
        assertTrue(run.err().startsWith(expectedStart), run.err());
        for (String internal : new String[] {"Exception", "\tat ", "|-INFO", "|-ERROR", "org.h2", "ch.qos"}) {
            assertFalse(run.err().contains(internal), internal + " in: " + run.err());
        }
    }
}
