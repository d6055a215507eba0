package dev.sockscope.app;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
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
    public static void create(Path dir) throws IOException {
        if (Files.exists(dir)) {
            return;
        }
        Files.createDirectories(dir);
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        }
    }

    /**
     * Makes the directory ready to record into: created when missing, and a directory this user
     * can write (the database, its lock and the logs all live there).
     *
     * @throws UserFacingException naming the directory and what is wrong with it, in one line
     */
    public static void prepare(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw UserFacingException.failure("the data directory " + dir + " is a file, not a directory");
        }
        try {
            create(dir);
        } catch (IOException e) {
            throw new UserFacingException(UserFacingException.Kind.FAILURE,
                    "cannot create the data directory " + dir + ": " + reason(e), e);
        }
        if (!Files.isWritable(dir)) {
            throw UserFacingException.failure("cannot write to the data directory " + dir + ": permission denied");
        }
    }

    /** Why a file or directory could not be made or written, in words: the exceptions' messages are bare paths. */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException denied) {
            return "permission denied (" + denied.getFile() + ")";
        }
        if (e instanceof FileAlreadyExistsException exists) {
            return exists.getFile() + " is a file, not a directory";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason() + " (" + fs.getFile() + ")";
        }
        if (e instanceof java.nio.file.NoSuchFileException missing) {
            return "no such directory above it (" + missing.getFile() + ")";
        }
        return e.getMessage() == null ? "input/output error" : e.getMessage();
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
