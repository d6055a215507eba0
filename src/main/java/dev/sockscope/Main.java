package dev.sockscope;

import dev.sockscope.app.DataDirectory;
import dev.sockscope.cli.SockscopeCommand;
import dev.sockscope.ui.SockscopeApp;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import javafx.application.Application;

/**
 * Entry point. Not an {@code Application} subclass, so JavaFX on the class path starts fine.
 * No arguments opens the desktop app; anything else is the command line.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        configureLogging(args);
        if (args.length == 0) {
            launchGui(null);
            return;
        }
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int code = SockscopeCommand.execute(args, out, err, Main::launchGui);
        out.flush();
        err.flush();
        System.exit(code);
    }

    private static void launchGui(Path dataDir) {
        Path dir = DataDirectory.resolve(dataDir);
        Application.launch(SockscopeApp.class, "--data-dir=" + dir);
    }

    /** Logs go to the data directory's logs/ folder; --verbose also sends them to stderr. */
    private static void configureLogging(String[] args) {
        Path explicit = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--data-dir") && i + 1 < args.length) {
                explicit = Path.of(args[i + 1]);
            } else if (args[i].startsWith("--data-dir=")) {
                explicit = Path.of(args[i].substring("--data-dir=".length()));
            }
        }
        try {
            System.setProperty("sockscope.logdir", DataDirectory.resolve(explicit).resolve("logs").toString());
        } catch (RuntimeException e) {
            // A data directory that cannot be named leaves the logs in the temp dir.
        }
        if (Arrays.asList(args).contains("--verbose")) {
            System.setProperty("sockscope.console", "DEBUG");
            System.setProperty("sockscope.level", "DEBUG");
        }
    }
}
