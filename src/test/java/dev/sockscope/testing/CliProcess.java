package dev.sockscope.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The command line run as a user runs it: a new JVM through {@code dev.sockscope.Main}, so
 * whatever the logging setup or a library prints on its own reaches the captured output too.
 * {@link #asOtherUser} runs it as {@code nobody}, for permission cases that root would bypass.
 */
public final class CliProcess {
    private final List<String> prefix;

    private CliProcess(List<String> prefix) {
        this.prefix = prefix;
    }

    /** As this test's own user. */
    public static CliProcess asThisUser() {
        return new CliProcess(List.of(javaBinary(), "-cp", System.getProperty("java.class.path"), "dev.sockscope.Main"));
    }

    /**
     * As {@code nobody} when the tests run as root (with {@code runuser}), from a copy of the class
     * path that user can read; as this user otherwise, where permissions already apply. The
     * scratch directory (under the temp dir) is opened for that user to pass through.
     */
    public static CliProcess asOtherUser(Path scratch) throws IOException {
        if (!"root".equals(System.getProperty("user.name")) || !Files.isExecutable(Path.of("/usr/sbin/runuser"))
                && !Files.isExecutable(Path.of("/sbin/runuser"))) {
            return asThisUser();
        }
        Path copy = Files.createDirectories(scratch.resolve("classpath"));
        List<String> entries = new ArrayList<>();
        int n = 0;
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path from = Path.of(entry);
            if (!Files.exists(from)) {
                continue;
            }
            Path to = copy.resolve((n++) + "-" + from.getFileName());
            copyReadable(from, to);
            entries.add(to.toString());
        }
        openUp(copy);
        return new CliProcess(List.of("runuser", "-u", "nobody", "--", javaBinary(), "-cp",
                String.join(java.io.File.pathSeparator, entries), "dev.sockscope.Main"));
    }

    /** Runs one command with nothing on standard input; at most a minute. */
    public Result run(String... args) throws IOException, InterruptedException {
        return runWithInput(new byte[0], args);
    }

    /** Runs one command with these bytes on standard input; at most a minute. */
    public Result runWithInput(byte[] input, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(args));
        Path out = Files.createTempFile("cli-out", ".txt");
        Path err = Files.createTempFile("cli-err", ".txt");
        Path in = Files.write(Files.createTempFile("cli-in", ".bin"), input);
        try {
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(in.toFile()).start();
            if (!process.waitFor(1, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("the command did not end within a minute: " + command);
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            Files.deleteIfExists(in);
        }
    }

    /** What one run printed, and how it ended. */
    public record Result(int exit, String out, String err) {
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void copyReadable(Path from, Path to) throws IOException {
        if (Files.isDirectory(from)) {
            try (Stream<Path> all = Files.walk(from)) {
                for (Path p : (Iterable<Path>) all::iterator) {
                    Path target = to.resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        } else {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Lets every user read the copy and pass through every directory above it, up to the temp dir. */
    private static void openUp(Path copy) throws IOException {
        try (Stream<Path> all = Files.walk(copy)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString(
                        Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
        Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toRealPath();
        for (Path p = copy.getParent().toRealPath(); p != null && p.startsWith(tmp) && !p.equals(tmp); p = p.getParent()) {
            var perms = new java.util.HashSet<>(Files.getPosixFilePermissions(p));
            perms.add(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE);
            Files.setPosixFilePermissions(p, perms);
        }
    }
}
