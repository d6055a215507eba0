package dev.sockscope.cli;

import java.nio.file.Path;

/** Opens the desktop app; provided by {@code Main} so the CLI never imports JavaFX. */
@FunctionalInterface
public interface GuiLauncher {
    /** Blocks until the window is closed. */
    void launch(Path dataDir);
}
