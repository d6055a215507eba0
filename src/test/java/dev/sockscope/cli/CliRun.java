package dev.sockscope.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One in-process run of the command line against a data directory, with what it printed. */
record CliRun(int exit, String out, String err) {

    static CliRun run(Path dataDir, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--data-dir", dataDir.toString()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SockscopeCommand.execute(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true),
                (d, open) -> {
                    throw new AssertionError("no GUI in tests");
                });
        return new CliRun(code, out.toString(), err.toString());
    }

    List<String> lines() {
        return out.lines().toList();
    }
}
