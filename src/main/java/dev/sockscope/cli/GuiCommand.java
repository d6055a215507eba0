package dev.sockscope.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code sockscope gui}: the desktop app, as with no arguments, but with options. */
@Command(name = "gui", mixinStandardHelpOptions = true, description = "Open the desktop app (the default).")
public final class GuiCommand implements Callable<Integer> {
    private final GuiLauncher launcher;

    @Mixin
    DataDirOption dataDir;

    GuiCommand(GuiLauncher launcher) {
        this.launcher = launcher;
    }

    @Override
    public Integer call() {
        launcher.launch(dataDir.dataDir);
        return ExitCodes.OK;
    }
}
