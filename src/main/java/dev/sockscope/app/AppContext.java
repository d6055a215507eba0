package dev.sockscope.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds every service once, by constructor, and shuts them down in order
 * (stop accepting, close sockets, drain writers, exit), each wait with a timeout.
 */
public final class AppContext implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AppContext.class);

    private final Path dataDir;
    private final SessionRegistry registry = new SessionRegistry();
    private final ScheduledExecutorService timer = Executors.timer("sockscope-timer");
    private final ExecutorService background = Executors.background("sockscope-bg", 2);
    private final ConnectionService connections;
    private final SettingsStore settings;
    private final TlsInspection tlsInspection = new TlsInspection();
    private final Recording recording;

    public AppContext(Path dataDir) {
        this.dataDir = dataDir;
        try {
            DataDirectory.create(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dataDir + ": " + e.getMessage(), e);
        }
        this.settings = new SettingsStore(dataDir);
        this.recording = new Recording(dataDir, registry);
        this.connections = new ConnectionService(registry, timer, recording::awaitCapacity);
    }

    public Path dataDir() {
        return dataDir;
    }

    public SessionRegistry registry() {
        return registry;
    }

    public ConnectionService connections() {
        return connections;
    }

    public SettingsStore settings() {
        return settings;
    }

    public Recording recording() {
        return recording;
    }

    public TlsInspection tlsInspection() {
        return tlsInspection;
    }

    /** For searches, exports and file writes: never the FX thread, never an I/O thread. */
    public ExecutorService background() {
        return background;
    }

    @Override
    public void close() {
        connections.closeAll();
        // Let the close handshakes finish so their frames are recorded, then drain the writer.
        connections.awaitIdle(2000);
        recording.close();
        background.shutdown();
        timer.shutdown();
        try {
            if (!background.awaitTermination(3, TimeUnit.SECONDS)) {
                LOG.warn("background work still running at shutdown; abandoning it");
                background.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
