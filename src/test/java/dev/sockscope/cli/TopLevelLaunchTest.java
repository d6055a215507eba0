package dev.sockscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a packaged launcher and a file manager pass: `sockscope --data-dir DIR` opens the window on
 * DIR, `sockscope FILE.har` (or `sockscope gui FILE`) opens it and imports the file; a name that is
 * neither a subcommand nor a file is refused in one line.
 */
class TopLevelLaunchTest {
    @TempDir
    Path dir;

    private final List<Path[]> launched = new ArrayList<>();

    private int run(StringWriter err, String... args) {
        return SockscopeCommand.execute(args, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                (data, open) -> launched.add(new Path[] {data, open}));
    }

    @Test
    void aTopLevelDataDirOpensTheWindowOnIt() {
        assertEquals(0, run(new StringWriter(), "--data-dir", dir.toString()));
        assertEquals(1, launched.size());
        assertEquals(dir, launched.get(0)[0]);
        assertEquals(null, launched.get(0)[1]);
    }

    @Test
    void aFileIsOpenedInTheWindowFromTheTopLevelAndFromGui() throws Exception {
        Path har = Files.writeString(dir.resolve("bug-1234.har"), "{}");
        assertEquals(0, run(new StringWriter(), har.toString()));
        assertEquals(0, run(new StringWriter(), "gui", "--data-dir", dir.toString(), har.toString()));
        assertEquals(har.toAbsolutePath(), launched.get(0)[1]);
        assertEquals(har.toAbsolutePath(), launched.get(1)[1]);
        assertEquals(dir, launched.get(1)[0]);
    }

    @Test
    void aTypoIsNeitherASubcommandNorAFile() {
        StringWriter err = new StringWriter();
        assertEquals(ExitCodes.USAGE, run(err, "conect", "wss://example.com"));
        assertTrue(launched.isEmpty());
        assertTrue(err.toString().startsWith("sockscope: "), err.toString());
        StringWriter missing = new StringWriter();
        assertEquals(ExitCodes.USAGE, run(missing, "gui", dir.resolve("missing.har").toString()));
        assertTrue(missing.toString().contains("no such file"), missing.toString());
    }
}
