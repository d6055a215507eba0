package dev.sockscope.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Open browser through Sockscope": an installed Chromium or Chrome with a fresh temporary profile,
 * pointed at the running proxy and trusting Sockscope's CA by the SHA-256 of its public key (a
 * command-line flag of that one browser process), so nothing on the system changes. The profile is
 * deleted when the browser exits. Blocking (a process start): call it off the FX thread.
 */
public final class BrowserLauncher {
    private static final Logger LOG = LoggerFactory.getLogger(BrowserLauncher.class);
    private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable",
            "chrome", "microsoft-edge");
    private static final List<String> USUAL_PATHS = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/snap/bin/chromium", "/usr/bin/google-chrome", "/opt/google/chrome/chrome",
            "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome", "/Applications/Chromium.app/Contents/MacOS/Chromium",
            "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe",
            "C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe",
            "C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe");

    /** How long the profile's deletion keeps trying while the browser's helper processes wind down. */
    private static final long PROFILE_DELETE_PATIENCE_MILLIS = 30_000;

    /** A browser that is running through the proxy; its profile goes when it exits. */
    public record Launched(Path browser, Path profile, Process process) {
        /**
         * Ends the browser with its helper processes (renderers, zygote, GPU), which would otherwise
         * outlive it for a while and keep writing into the profile.
         */
        public void stop() {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
        }
    }

    private BrowserLauncher() {
    }

    /** The first Chromium-family browser on PATH or in its usual install places. */
    public static Optional<Path> find() {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                for (String name : NAMES) {
                    for (String file : List.of(name, name + ".exe")) {
                        Path candidate = Path.of(dir.isEmpty() ? "." : dir, file);
                        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                            return Optional.of(candidate);
                        }
                    }
                }
            }
        }
        String local = System.getenv("LOCALAPPDATA");
        List<String> places = new ArrayList<>(USUAL_PATHS);
        if (local != null) {
            places.add(local + "\\Google\\Chrome\\Application\\chrome.exe");
        }
        return places.stream().map(Path::of).filter(Files::isExecutable).findFirst();
    }

    /**
     * The command line: a profile of its own, every request through the proxy (loopback too, which
     * Chromium otherwise sends around it), and certificates that chain to the key {@code spkiSha256}
     * accepted.
     */
    static List<String> command(Path browser, Path profile, String proxyAddress, String spkiSha256, List<String> extra,
            String startUrl) {
        List<String> command = new ArrayList<>(List.of(browser.toString(), "--user-data-dir=" + profile,
                "--proxy-server=http://" + proxyAddress, "--proxy-bypass-list=<-loopback>",
                "--ignore-certificate-errors-spki-list=" + spkiSha256, "--no-first-run", "--no-default-browser-check"));
        // Chromium refuses to start as root with its sandbox (containers, CI machines).
        if ("root".equals(System.getProperty("user.name")) && !System.getProperty("os.name").toLowerCase(Locale.ROOT)
                .startsWith("windows")) {
            command.add("--no-sandbox");
        }
        command.addAll(extra);
        command.add(startUrl);
        return command;
    }

    /**
     * Starts the browser.
     *
     * @param extra more flags (tests run it headless)
     * @throws UserFacingException when no browser is installed or it cannot start
     */
    public static Launched launch(String proxyAddress, String spkiSha256, List<String> extra, String startUrl) {
        Path browser = find().orElseThrow(() -> UserFacingException.failure("no Chromium or Chrome was found (on PATH or"
                + " where they are usually installed): install one, or set your browser's proxy to " + proxyAddress
                + " and trust Sockscope's CA in it"));
        Path profile;
        try {
            profile = Files.createTempDirectory("sockscope-browser-");
        } catch (IOException e) {
            throw UserFacingException.failure("cannot make a temporary browser profile: " + DataDirectory.reason(e));
        }
        Process process;
        try {
            process = new ProcessBuilder(command(browser, profile, proxyAddress, spkiSha256, extra, startUrl))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            deleteProfile(profile);
            throw UserFacingException.failure("cannot start " + browser + ": " + e.getMessage());
        }
        process.onExit().thenRunAsync(() -> deleteProfileWhenFree(profile));
        return new Launched(browser, profile, process);
    }

    /**
     * Deletes the profile, trying again for a while: when the browser's main process has exited its
     * helpers may still be writing into it (a file appears in a directory being deleted).
     */
    static void deleteProfileWhenFree(Path profile) {
        long deadline = System.nanoTime() + PROFILE_DELETE_PATIENCE_MILLIS * 1_000_000;
        while (!deleteProfile(profile)) {
            if (System.nanoTime() > deadline) {
                LOG.warn("could not delete the browser profile {}: its files are still in use", profile);
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Deletes the profile; false when something in it could not be deleted this time. */
    static boolean deleteProfile(Path profile) {
        if (!Files.exists(profile)) {
            return true;
        }
        try (Stream<Path> files = Files.walk(profile)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
            return !Files.exists(profile);
        } catch (IOException | java.io.UncheckedIOException e) {
            LOG.debug("browser profile {} not deleted yet: {}", profile, e.toString());
            return false;
        }
    }
}
