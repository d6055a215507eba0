package dev.sockscope.app;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes {@code settings.json}. A damaged file is moved aside, never deleted, and the
 * defaults are used; writes go to a temporary file first so a crash never leaves half a file.
 */
public final class SettingsStore {
    private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);

    private final Path file;
    /** Made at first use: commands that never touch settings do not pay for loading Jackson. */
    private ObjectMapper json;

    public SettingsStore(Path dataDir) {
        this.file = dataDir.resolve("settings.json");
    }

    private synchronized ObjectMapper json() {
        if (json == null) {
            json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                    .enable(SerializationFeature.INDENT_OUTPUT);
        }
        return json;
    }

    public Path file() {
        return file;
    }

    public Settings load() {
        if (!Files.exists(file)) {
            return Settings.defaults();
        }
        try {
            Settings settings = json().readValue(file.toFile(), Settings.class);
            return settings == null ? Settings.defaults() : settings;
        } catch (IOException e) {
            Path aside = file.resolveSibling("settings.json.damaged-"
                    + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
            LOG.warn("settings file {} could not be read ({}); kept it as {} and started with defaults",
                    file, e.getMessage(), aside);
            try {
                Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException moveFailed) {
                LOG.warn("could not move the damaged settings file aside", moveFailed);
            }
            return Settings.defaults();
        }
    }

    /** Writes atomically; call it off the FX thread. */
    public void save(Settings settings) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), "settings", ".tmp");
        try {
            json().writeValue(temp.toFile(), settings);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
