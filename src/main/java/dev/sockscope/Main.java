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

    /** Commands that open the recording: the database engine is loaded for them in the background meanwhile. */
    private static final java.util.Set<String> STORE_COMMANDS = java.util.Set.of("connect", "sessions", "search", "export",
            "import", "gui", "proxy");

    public static void main(String[] args) {
        // Logging first: the first logger made (any class's) fixes where the log file goes.
        configureLogging(args);
        dev.sockscope.tls.InterceptTls.refuseClientRenegotiation();
        boolean window = opensWindow(args);
        if (window || STORE_COMMANDS.contains(args[0])) {
            dev.sockscope.app.AppContext.warmUpInBackground();
        }
        if (window || args[0].equals("proxy")) {
            dev.sockscope.app.HeapPolicy.applyForLongRunning();
        }
        if (args.length == 0) {
            System.exit(launchGuiOrExplain(null, null));
        }
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int code = SockscopeCommand.execute(args, out, err, (dir, open) -> {
            int result = launchGuiOrExplain(dir, open);
            if (result != 0) {
                System.exit(result);
            }
        });
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * True when the arguments open the window: none, {@code gui ...}, or only the top-level options
     * and a file to open ({@code sockscope --data-dir DIR}, {@code sockscope session.har}).
     */
    static boolean opensWindow(String[] args) {
        if (args.length == 0 || args[0].equals("gui")) {
            return true;
        }
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--data-dir")) {
                i++;
            } else if (!a.startsWith("--data-dir=") && !a.equals("--verbose") && (a.startsWith("-") || STORE_COMMANDS.contains(a)
                    || !java.nio.file.Files.isRegularFile(Path.of(a)))) {
                return false;
            }
        }
        return true;
    }

    /** Opens the desktop app; without a display (or GTK) says so in one line and returns 1. */
    private static int launchGuiOrExplain(Path dataDir, Path open) {
        // JavaFX warns on every start that it runs from the class path: harmless, and not for users.
        java.util.logging.Logger.getLogger("javafx").setLevel(java.util.logging.Level.SEVERE);
        Path dir = DataDirectory.resolve(dataDir);
        try {
            DataDirectory.prepare(dir);
        } catch (dev.sockscope.app.UserFacingException e) {
            System.err.println("sockscope: " + e.getMessage());
            return 1;
        }
        try {
            if (open == null) {
                Application.launch(SockscopeApp.class, "--data-dir=" + dir);
            } else {
                Application.launch(SockscopeApp.class, "--data-dir=" + dir, "--open=" + open);
            }
            return 0;
        } catch (RuntimeException | LinkageError e) {
            // In the log (and on stderr with --verbose) with its causes; the user gets one line.
            org.slf4j.LoggerFactory.getLogger(Main.class).error("cannot open the desktop app", e);
            System.err.println("sockscope: cannot open the desktop app: " + e.getMessage()
                    + " (the command line works without a display: sockscope --help)");
            return 1;
        }
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
            Path dir = DataDirectory.resolve(explicit);
            // Made here, before the first logger creates logs/ inside it with default permissions.
            DataDirectory.prepare(dir);
            System.setProperty("sockscope.logdir", dir.resolve("logs").toString());
        } catch (RuntimeException e) {
            // An unusable data directory: no log file (the command says what is wrong, in one line).
            System.setProperty("sockscope.logdir", "");
        }
        System.setProperty("sockscope.logname", opensWindow(args) ? "sockscope" : "sockscope-cli");
        if (Arrays.asList(args).contains("--verbose")) {
            System.setProperty("sockscope.console", "DEBUG");
            System.setProperty("sockscope.level", "DEBUG");
        }
    }
}
