package dev.sockscope.app;

import dev.sockscope.core.Frame;
import dev.sockscope.core.RecordedConnection;
import dev.sockscope.core.RecordedFrame;
import dev.sockscope.core.SearchQuery;
import dev.sockscope.core.SessionSummary;
import dev.sockscope.store.Database;
import dev.sockscope.store.FrameQueries;
import dev.sockscope.store.RecordedConnections;
import dev.sockscope.store.Recorder;
import dev.sockscope.store.SessionExport;
import dev.sockscope.store.SessionImport;
import dev.sockscope.store.Sessions;
import dev.sockscope.store.StoreException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recording into the H2 store: opens the database, records every event the registry carries, and
 * answers session queries, searches, exports and imports. When the database cannot be opened the
 * app still runs, unrecorded; {@link #trouble()} says why and offers a way on: browse read-only
 * while another instance records, or keep a damaged file aside and start a fresh one.
 */
public final class Recording implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Recording.class);

    /** Why recording is off. */
    public enum Trouble {
        /** Another Sockscope has the database open: {@link #openReadOnly()} lets this one browse. */
        LOCKED,
        /** The file cannot be read: {@link #startFresh()} keeps it aside and makes a new one. */
        CORRUPT,
        /** Disk, permissions: see the message. */
        OTHER
    }

    private final Path dataDir;
    private final SessionRegistry registry;
    private volatile Database database;
    private volatile Recorder recorder;
    private volatile String problem;
    private volatile Trouble trouble;
    private volatile boolean readOnly;
    private volatile AutoCloseable subscription = () -> { };
    private volatile String sessionName = "default";

    Recording(Path dataDir, SessionRegistry registry) {
        this.dataDir = dataDir;
        this.registry = registry;
        try {
            attach(Database.open(dataDir), true);
        } catch (StoreException e) {
            fail(e);
        }
    }

    private void attach(Database opened, boolean record) {
        database = opened;
        problem = null;
        trouble = null;
        readOnly = !record;
        if (record) {
            recorder = new Recorder(opened);
            recorder.useSession(sessionName);
            subscription = registry.subscribe(recorder);
        }
    }

    private void fail(StoreException e) {
        problem = e.getMessage();
        trouble = switch (e.reason()) {
            case LOCKED -> Trouble.LOCKED;
            case CORRUPT -> Trouble.CORRUPT;
            case IO -> Trouble.OTHER;
        };
        LOG.warn("recording is off: {}", problem);
    }

    /** Why nothing is recorded, or empty when recording works. */
    public Optional<String> problem() {
        return Optional.ofNullable(readOnly ? "read-only: " + dataDir.resolve("sockscope.mv.db")
                + " is recorded by another Sockscope" : problem);
    }

    public Optional<Trouble> trouble() {
        return Optional.ofNullable(trouble);
    }

    public boolean isReadOnly() {
        return readOnly;
    }

    /** Opens a database another instance holds, for browsing only. Blocking. */
    public void openReadOnly() {
        if (trouble != Trouble.LOCKED) {
            throw new IllegalStateException("the database is not locked");
        }
        try {
            attach(Database.openReadOnly(dataDir), false);
        } catch (StoreException e) {
            fail(e);
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * Keeps a damaged database aside (renamed, never deleted) and starts recording into a new one.
     * Blocking.
     *
     * @return where the old file was kept
     */
    public Path startFresh() throws IOException {
        if (trouble != Trouble.CORRUPT) {
            throw new IllegalStateException("the database is not damaged");
        }
        Path kept = Database.keepAside(dataDir);
        attach(Database.open(dataDir), true);
        return kept;
    }

    /** Connections opened from now on go into this session. */
    public void useSession(String name) {
        sessionName = name;
        Recorder r = recorder;
        if (r != null) {
            r.useSession(name);
        }
    }

    public String currentSession() {
        return sessionName;
    }

    /**
     * Every session with its counts; blocking: call it off the FX thread.
     *
     * @throws IllegalStateException when the database could not be opened, with the reason
     */
    public List<SessionSummary> sessions() {
        return new Sessions(open()).list();
    }

    /**
     * Renames a session; the current session follows its new name. Blocking.
     *
     * @throws IllegalArgumentException when the new name is taken or the session is unknown
     */
    public void renameSession(String from, String to) {
        writable();
        new Sessions(open()).rename(from, to);
        if (sessionName.equals(from)) {
            useSession(to);
        }
    }

    public void setNotes(String session, String notes) {
        writable();
        new Sessions(open()).setNotes(session, notes);
    }

    /** Deletes a session and everything recorded in it. Blocking. */
    public void deleteSession(String name) {
        writable();
        new Sessions(open()).delete(name);
    }

    /**
     * The sessions a retention rule would remove, oldest first: those idle for longer than its
     * age, then the oldest others while the rest holds more than its size. Never the current
     * session. Blocking; shown to the user before anything goes.
     */
    public List<SessionSummary> beyond(Retention rule) {
        List<SessionSummary> all = new java.util.ArrayList<>(sessions());
        all.sort(java.util.Comparator.comparingLong(SessionSummary::lastMicros));
        long cutoff = (System.currentTimeMillis() - rule.maxAgeDays() * 86_400_000L) * 1000;
        long total = all.stream().mapToLong(SessionSummary::bytes).sum();
        long limit = rule.maxMegabytes() * 1024 * 1024;
        List<SessionSummary> out = new java.util.ArrayList<>();
        for (SessionSummary s : all) {
            if (s.name().equals(sessionName)) {
                continue;
            }
            boolean tooOld = rule.maxAgeDays() > 0 && s.lastMicros() < cutoff;
            boolean tooBig = rule.maxMegabytes() > 0 && total > limit;
            if (tooOld || tooBig) {
                out.add(s);
                total -= s.bytes();
            }
        }
        return out;
    }

    private void writable() {
        if (readOnly) {
            throw new IllegalStateException("the database is open read-only");
        }
    }

    /** A session's connections as recorded, oldest first, to reopen it read-only. Blocking. */
    public List<RecordedConnection> connectionsOf(String session) {
        return new RecordedConnections(open()).of(session);
    }

    /** Every frame of one recorded connection, in order. Blocking; returns the count. */
    public int framesOf(long connectionId, Consumer<Frame> sink) {
        return new FrameQueries(open()).byConnection(connectionId, f -> sink.accept(f.frame()));
    }

    /** A page of one recorded connection: up to {@code count} frames from position {@code fromSeq}. Blocking. */
    public int framesOf(long connectionId, int fromSeq, int count, Consumer<Frame> sink) {
        int last = (int) Math.min(Integer.MAX_VALUE, (long) fromSeq + count - 1);
        return new FrameQueries(open()).byConnection(connectionId, fromSeq, last, f -> sink.accept(f.frame()));
    }

    /** Streams matching recorded frames to {@code sink}; blocking, off the FX thread. Returns the count. */
    public int search(SearchQuery query, Consumer<RecordedFrame> sink) {
        return new FrameQueries(open()).search(query, sink);
    }

    /**
     * Brings the search index up to date with what was recorded since the last search, so the
     * next search answers at once. Blocking: run it on a background thread when the user is
     * about to search. Does nothing when there is no database.
     */
    public void prepareSearch() {
        Database db = database;
        if (db == null) {
            return;
        }
        try {
            new FrameQueries(db).prepareIndex();
        } catch (StoreException e) {
            LOG.warn("could not bring the search index up to date: {}", e.getMessage());
        }
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
        return export(session, format, file, n -> { });
    }

    /** As {@link #export(String, Format, Path)}, reporting the messages written so far after each (throwing from {@code progress} cancels it). */
    public int export(String session, Format format, Path file, LongConsumer progress) throws IOException {
        return writeAtomically(file, (export, out) -> format == Format.HAR
                ? export.har(session, Version.current(), out, progress)
                : export.jsonLines(new SearchQuery("", false, session, null, 0), out, progress));
    }

    /** Writes one recorded connection (its handshake and every message). */
    public int exportConnection(long connectionId, Format format, Path file, LongConsumer progress) throws IOException {
        return writeAtomically(file, (export, out) -> format == Format.HAR
                ? export.harOfConnection(connectionId, Version.current(), out, progress)
                : export.jsonLinesOfConnection(connectionId, out, progress));
    }

    /** Writes what a search finds: in a HAR, an entry per connection with its matching messages. */
    public int exportSearch(SearchQuery query, Format format, Path file, LongConsumer progress) throws IOException {
        return writeAtomically(file, (export, out) -> format == Format.HAR
                ? export.harOfSearch(query, Version.current(), out, progress)
                : export.jsonLines(query, out, progress));
    }

    private interface ExportWriter {
        int write(SessionExport export, OutputStream out);
    }

    private int writeAtomically(Path file, ExportWriter writer) throws IOException {
        Database db = open();
        Path parent = file.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(parent, ".sockscope-export", ".tmp");
        try {
            int count;
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp))) {
                count = writer.write(new SessionExport(db), out);
            } catch (java.io.UncheckedIOException e) {
                throw e.getCause();
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return count;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Imports a HAR or JSON Lines file into {@code session}; returns the number of messages. */
    public int importFile(Path file, String session) throws IOException {
        if (readOnly) {
            throw new IllegalStateException("the database is open read-only");
        }
        return new SessionImport(open()).importFile(file, session);
    }

    private Database open() {
        Database db = database;
        if (db == null) {
            throw new IllegalStateException(problem);
        }
        return db;
    }

    /** Backpressure for read loops: waits while the writer is far behind (see Recorder). */
    public void awaitCapacity() {
        Recorder r = recorder;
        if (r != null) {
            r.awaitCapacity();
        }
    }

    /** Where a live connection of this app is recorded (session and id), once its upgrade is written. */
    public Optional<StoredConnection> storedAs(long liveConnectionId) {
        Recorder r = recorder;
        return r == null ? Optional.empty() : r.storedAs(liveConnectionId).map(s -> new StoredConnection(s.session(), s.id()));
    }

    public long recordedFrames() {
        Recorder r = recorder;
        return r == null ? 0 : r.recordedFrames();
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
