package dev.sockscope.cli;

import dev.sockscope.app.Version;
import picocli.CommandLine;

/** {@code --version}: the version from the jar's manifest. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"sockscope " + Version.current(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
    }
}
