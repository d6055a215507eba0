package dev.sockscope.cli;

import java.nio.file.Path;

/** Opens the desktop app; provided by {@code Main} so the CLI never imports JavaFX. */
@FunctionalInterface
public interface GuiLauncher {
    /**
     * Blocks until the window is closed.
     *
     * @param open a HAR or JSON Lines file to import and show once the window is up, or null
     */
    void launch(Path dataDir, Path open);
}
