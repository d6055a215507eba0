package dev.sockscope.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Sockscope keeps its data: an explicit {@code --data-dir}, else {@code SOCKSCOPE_HOME},
 * else the OS's per-user data directory.
 */
public final class DataDirectory {
    private DataDirectory() {
    }

    /**
     * Creates the directory when missing, readable by this user only: recorded traffic holds
     * tokens and cookies. An existing directory is left as the user set it.
     */
    public static void create(Path dir) throws java.io.IOException {
        if (java.nio.file.Files.exists(dir)) {
            return;
        }
        java.nio.file.Files.createDirectories(dir);
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            java.nio.file.Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        }
    }

    public static Path resolve(Path explicit) {
        return resolve(explicit, System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.home"));
    }

    static Path resolve(Path explicit, Map<String, String> env, String osName, String home) {
        if (explicit != null) {
            return explicit.toAbsolutePath();
        }
        String override = env.get("SOCKSCOPE_HOME");
        if (override != null && !override.isBlank()) {
            return Path.of(override).toAbsolutePath();
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.getOrDefault("LOCALAPPDATA", home + "\\AppData\\Local");
            return Path.of(appData, "Sockscope");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "Sockscope");
        }
        String xdg = env.get("XDG_DATA_HOME");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg, "sockscope") : Path.of(home, ".local", "share", "sockscope");
    }
}
