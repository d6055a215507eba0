package dev.sockscope.app;

import dev.sockscope.store.Database;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds every service once, by constructor, and shuts them down in order
 * (stop accepting, close sockets, drain writers, exit), each wait with a timeout. The event
 * channel is built first; the recorder and the live-connections list subscribe to it, and every
 * producer publishes to it.
 */
public final class AppContext implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AppContext.class);

    private final Path dataDir;
    private final SessionRegistry registry = new SessionRegistry();
    private final LiveConnections live = new LiveConnections();
    private final ScheduledExecutorService timer = Executors.timer("sockscope-timer");
    private final ExecutorService background = Executors.background("sockscope-bg", 2);
    private final ConnectionService connections;
    private final SettingsStore settings;
    private final TlsInspection tlsInspection;
    private final RecordingStore recording;
    private final SessionCatalog sessions;
    private final RecordingQueries queries;
    private final Transfers transfers;
    private final TabConnections tabs;
    private RuleBook rules;

    /**
     * Starts loading the recording's database engine on another thread, for a process about to
     * make an app context: it overlaps the second or so of class loading at start (see
     * {@link Database#warmUpInBackground()}).
     */
    public static void warmUpInBackground() {
        Database.warmUpInBackground();
    }

    /** @throws UserFacingException when the data directory cannot be made or written */
    public AppContext(Path dataDir) {
        this(dataDir, true, OpeningProgress.NONE, false);
    }

    /** The app's context, telling {@code progress} how an upgrade of an older recording advances. */
    public AppContext(Path dataDir, OpeningProgress progress) {
        this(dataDir, true, progress, false);
    }

    /**
     * For the window: it returns at once and the recording opens on a thread of its own (the window
     * shows "opening the recording" until it is open); nothing published meanwhile is lost.
     */
    public static AppContext forWindow(Path dataDir, OpeningProgress progress) {
        return new AppContext(dataDir, true, progress, true);
    }

    /**
     * For a command that only reads the recording (sessions, search, export): the database is
     * opened read-only and no recorder starts.
     */
    public static AppContext forReading(Path dataDir) {
        return new AppContext(dataDir, false, OpeningProgress.NONE, false);
    }

    private AppContext(Path dataDir, boolean record, OpeningProgress progress, boolean inBackground) {
        this.dataDir = dataDir;
        this.tlsInspection = new TlsInspection(dataDir);
        DataDirectory.prepare(dataDir);
        this.settings = new SettingsStore(dataDir);
        this.recording = inBackground ? RecordingStore.openingInBackground(dataDir, registry, progress)
                : new RecordingStore(dataDir, registry, record, progress);
        registry.subscribe(live);
        this.sessions = new SessionCatalog(recording);
        this.queries = new RecordingQueries(recording);
        this.transfers = new Transfers(recording);
        this.connections = new ConnectionService(registry, timer);
        this.tabs = new TabConnections(connections, live, sessions);
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The one event channel: producers publish here, observers subscribe here. */
    public SessionRegistry registry() {
        return registry;
    }

    /** Every connection of this process, as the window shows them. */
    public LiveConnections live() {
        return live;
    }

    public ConnectionService connections() {
        return connections;
    }

    /** What connection tabs use to open and let go of their connections. */
    public TabConnections tabs() {
        return tabs;
    }

    public SettingsStore settings() {
        return settings;
    }

    /** The recording database's state: recording, read-only, or off and why. */
    public RecordingStore recording() {
        return recording;
    }

    public SessionCatalog sessions() {
        return sessions;
    }

    public RecordingQueries queries() {
        return queries;
    }

    public Transfers transfers() {
        return transfers;
    }

    /** Replay, mock and the conversations they are made from. */
    public Reproductions reproductions() {
        return new Reproductions(this);
    }

    public TlsInspection tlsInspection() {
        return tlsInspection;
    }

    /** For searches, exports and file writes: never the FX thread, never an I/O thread. */
    /**
     * The window's interception rules, kept in the data directory's {@code rules.json}; read on
     * first use (a file read, so not from the UI thread the first time).
     */
    public synchronized RuleBook rules() {
        if (rules == null) {
            rules = RuleBook.kept(dataDir.resolve("rules.json"));
        }
        return rules;
    }

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
