package dev.sockscope.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code sockscope gui}: the desktop app, as with no arguments, but with options. */
@Command(name = "gui", mixinStandardHelpOptions = true, description = "Open the desktop app (the default).")
public final class GuiCommand implements Callable<Integer> {
    private final GuiLauncher launcher;

    @Mixin
    DataDirOption dataDir;

    @Parameters(arity = "0..1", paramLabel = "FILE",
            description = "A HAR or JSON Lines file to import as a session and show (what a file manager passes).")
    java.nio.file.Path open;

    GuiCommand(GuiLauncher launcher) {
        this.launcher = launcher;
    }

    @Override
    public Integer call() {
        launcher.launch(dataDir.dataDir, checked(open));
        return ExitCodes.OK;
    }

    /** The file to open, refused in one line when it cannot be read (before any window opens). */
    static java.nio.file.Path checked(java.nio.file.Path file) {
        if (file != null && !java.nio.file.Files.isRegularFile(file)) {
            throw new UserError(ExitCodes.USAGE, "no such file: " + file);
        }
        if (file != null && !java.nio.file.Files.isReadable(file)) {
            throw new UserError(ExitCodes.FAILURE, "cannot read " + file + ": permission denied");
        }
        return file == null ? null : file.toAbsolutePath();
    }
}
