package dev.sockscope.app;

import dev.sockscope.core.RecordedFrame;
import dev.sockscope.core.SearchQuery;
import dev.sockscope.core.SessionSummary;
import dev.sockscope.store.FrameQueries;
import dev.sockscope.store.SessionExport;
import dev.sockscope.store.SessionImport;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.function.Consumer;
import dev.sockscope.store.Database;
import dev.sockscope.store.Recorder;
import dev.sockscope.store.Sessions;
import dev.sockscope.store.StoreException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recording into the H2 store: opens the database, records every event the registry carries, and
 * answers session queries. When the database cannot be opened (another instance has it, or the
 * file is damaged) the app still runs, unrecorded, and {@link #problem()} says why.
 */
public final class Recording implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Recording.class);

    private final Database database;
    private final Recorder recorder;
    private final Sessions sessions;
    private final String problem;
    private final AutoCloseable subscription;

    Recording(Path dataDir, SessionRegistry registry) {
        Database opened = null;
        String why = null;
        try {
            opened = Database.open(dataDir);
        } catch (StoreException e) {
            why = e.getMessage();
            LOG.warn("recording is off: {}", why);
        }
        this.database = opened;
        this.problem = why;
        this.recorder = opened == null ? null : new Recorder(opened);
        this.sessions = opened == null ? null : new Sessions(opened);
        this.subscription = recorder == null ? () -> { } : registry.subscribe(recorder);
    }

    /** Why nothing is recorded, or empty when recording works. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    /** Connections opened from now on go into this session. */
    public void useSession(String name) {
        if (recorder != null) {
            recorder.useSession(name);
        }
    }

    public String currentSession() {
        return recorder == null ? "default" : recorder.session();
    }

    /**
     * Every session with its counts; blocking: call it off the FX thread.
     *
     * @throws IllegalStateException when the database could not be opened, with the reason
     */
    public List<SessionSummary> sessions() {
        if (sessions == null) {
            throw new IllegalStateException(problem);
        }
        return sessions.list();
    }

    /** Backpressure for read loops: waits while the writer is far behind (see Recorder). */
    public void awaitCapacity() {
        if (recorder != null) {
            recorder.awaitCapacity();
        }
    }

    /** Streams matching recorded frames to {@code sink}; blocking, off the FX thread. Returns the count. */
    public int search(SearchQuery query, Consumer<RecordedFrame> sink) {
        return new FrameQueries(open()).search(query, sink);
    }

    /** Like {@link #search}, writing each match as one JSON line (the JSON Lines export format). */
    public int searchJsonLines(SearchQuery query, java.io.Writer out) throws IOException {
        com.fasterxml.jackson.core.JsonGenerator json = new com.fasterxml.jackson.core.JsonFactory().createGenerator(out);
        json.setRootValueSeparator(null);
        int count = search(query, f -> {
            SessionExport.writeLine(json, f);
            try {
                json.flush();
                out.write('\n');
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        json.flush();
        return count;
    }

    /** The export formats of `sockscope export`. */
    public enum Format {
        HAR, JSONL
    }

    /**
     * Writes a session (or all, when {@code session} is null) to {@code file}, through a temporary
     * file so a failure leaves no half-written export. Returns the number of messages written.
     */
    public int export(String session, Format format, Path file) throws IOException {
        Database database = open();
        Path parent = file.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(parent, ".sockscope-export", ".tmp");
        try {
            int count;
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp))) {
                SessionExport export = new SessionExport(database);
                count = format == Format.HAR ? export.har(session, Version.current(), out) : export.jsonLines(session, out);
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return count;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Imports a HAR or JSON Lines file into {@code session}; returns the number of messages. */
    public int importFile(Path file, String session) throws IOException {
        return new SessionImport(open()).importFile(file, session);
    }

    private Database open() {
        if (database == null) {
            throw new IllegalStateException(problem);
        }
        return database;
    }

    public long recordedFrames() {
        return recorder == null ? 0 : recorder.recordedFrames();
    }

    /** Writes what is queued, then closes the database. */
    @Override
    public void close() {
        try {
            subscription.close();
        } catch (Exception e) {
            LOG.debug("unsubscribing the recorder", e);
        }
        if (recorder != null) {
            recorder.close();
        }
        if (database != null) {
            database.close();
        }
    }
}
