package dev.sockscope.cli;

import dev.sockscope.app.UserFacingException;
import java.io.PrintWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The top-level command: {@code sockscope [--verbose] SUBCOMMAND}. */
@Command(name = "sockscope", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Sockscope, a WebSocket inspector.",
                "Without a subcommand it opens the desktop app (on --data-dir DIR when given; a HAR or JSON Lines"
                        + " FILE is imported and shown)."},
        subcommands = {GuiCommand.class, ConnectCommand.class, TlsCommand.class, CheckCommand.class, SessionsCommand.class,
                SearchCommand.class,
                ExportCommand.class, ImportCommand.class, ProxyCommand.class, CaCommand.class, ReplayCommand.class,
                MockCommand.class, DiffCommand.class,
                CommandLine.HelpCommand.class})
public final class SockscopeCommand implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(SockscopeCommand.class);

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Print debug logs and stack traces to standard error.")
    boolean verbose;

    @CommandLine.Mixin
    DataDirOption dataDir;

    @CommandLine.Parameters(arity = "0..1", paramLabel = "FILE", hidden = true)
    java.nio.file.Path open;

    private final GuiLauncher gui;

    SockscopeCommand(GuiLauncher gui) {
        this.gui = gui;
    }

    /** No subcommand: the desktop app, as `sockscope gui` with the same options. */
    @Override
    public void run() {
        if (open != null && !java.nio.file.Files.exists(open)) {
            throw new CommandLine.ParameterException(new CommandLine(this), "unknown subcommand or file: " + open
                    + " (see --help)");
        }
        gui.launch(dataDir.dataDir, GuiCommand.checked(open));
    }

    /**
     * Runs the command line and returns the process exit code.
     *
     * @param gui opens the desktop app for the {@code gui} subcommand
     */
    public static int execute(String[] args, PrintWriter out, PrintWriter err, GuiLauncher gui) {
        CommandLine cli = new CommandLine(new SockscopeCommand(gui), new Factory(gui));
        cli.setOut(out);
        cli.setErr(err);
        cli.setOverwrittenOptionsAllowed(true);
        cli.setExecutionExceptionHandler(new ErrorHandler(args));
        cli.setParameterExceptionHandler((ex, a) -> {
            err.println("sockscope: " + ex.getMessage());
            err.println("Run 'sockscope " + commandPath(ex.getCommandLine()) + "--help' for usage.");
            err.flush();
            return ExitCodes.USAGE;
        });
        return cli.execute(args);
    }

    private static String commandPath(CommandLine command) {
        String name = command.getCommandSpec().qualifiedName(" ");
        return name.equals("sockscope") ? "" : name.substring("sockscope ".length()) + " ";
    }

    /** Reports errors in one line; a stack trace only with --verbose. */
    private static final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
        private final boolean verbose;

        ErrorHandler(String[] args) {
            this.verbose = java.util.Arrays.asList(args).contains("--verbose");
        }

        @Override
        public int handleExecutionException(Exception ex, CommandLine command, CommandLine.ParseResult parsed) {
            PrintWriter err = command.getErr();
            if (ex instanceof UserError user) {
                err.println("sockscope: " + user.getMessage());
                err.flush();
                return user.exitCode();
            }
            if (ex instanceof UserFacingException user) {
                err.println("sockscope: " + user.getMessage());
                if (verbose) {
                    ex.printStackTrace(err);
                }
                err.flush();
                return user.kind() == UserFacingException.Kind.USAGE ? ExitCodes.USAGE : ExitCodes.FAILURE;
            }
            if (ex instanceof java.io.IOException io) {
                // Files the user named: not found, not writable, a directory.
                err.println("sockscope: " + Problems.describe(io));
                err.flush();
                return ExitCodes.FAILURE;
            }
            // Anything else is a bug: one short line and where the details are, never a stack trace.
            LOG.error("internal error in {}", command.getCommandName(), ex);
            String logs = System.getProperty("sockscope.logdir", "the logs folder of the data directory");
            err.println("sockscope: internal error, this is a bug; the details are "
                    + (logs.isBlank() ? "printed with --verbose" : "in " + logs + "/sockscope.log"));
            if (verbose) {
                ex.printStackTrace(err);
            }
            err.flush();
            return ExitCodes.FAILURE;
        }
    }

    /** Builds subcommands, handing the GUI launcher to the one that needs it. */
    private static final class Factory implements CommandLine.IFactory {
        private final GuiLauncher gui;
        private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

        Factory(GuiLauncher gui) {
            this.gui = gui;
        }

        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == GuiCommand.class) {
                return type.cast(new GuiCommand(gui));
            }
            return fallback.create(type);
        }
    }
}
