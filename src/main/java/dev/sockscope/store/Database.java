package dev.sockscope.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.h2.api.ErrorCode;

/**
 * The H2 file database in the data directory: opened once, migrated to the current schema at
 * open, and closed last at shutdown. Hands out JDBC connections to the store's classes only.
 */
public final class Database implements AutoCloseable {
    /**
     * Applied in order; each runs once and is recorded in schema_version. A name ending in .sql is
     * a script in migration/; the others are steps in Java ({@link #javaStep}).
     */
    private static final List<String> MIGRATIONS = List.of("V1__recording.sql", "V2__replay.sql", "V3__search_index.sql",
            "V4__frame_key.sql", "V5__wire_frames.sql", "V6__frame_blocks.sql", "V6__frames_to_blocks",
            "V6__search_index.sql", "V7__imported_files.sql", "V8__http_exchanges.sql");

    /** Told how a long migration advances (moving a large recording into blocks takes a while). */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (what, done, total) -> { };

        void step(String what, long done, long total);
    }

    private final Path file;
    private final String url;
    private final Connection keepAlive;
    /** Set for a read-only snapshot: its temporary directory, deleted on close. */
    private Path snapshotDir;
    /** The highest connection id when this process opened the file (see Sessions.delete). */
    private long lastConnectionAtOpen;
    private SearchIndexer indexer;
    /** Bodies of blocks just written, for the indexer (see {@link RecentBlocks}). */
    private final RecentBlocks recentBlocks = new RecentBlocks();
    private boolean closing;
    private boolean readOnly;
    private volatile boolean closed;

    private Database(Path file, String url, Connection keepAlive) {
        this.file = file;
        this.url = url;
        this.keepAlive = keepAlive;
    }

    /**
     * Loads the database engine's classes on a second thread, so the first open does not: for a
     * command that will open the recording, while its main thread starts logging and parses the
     * command line (loading them took a quarter of a second of every such command, on one core
     * while the other sat idle). Opens an in-memory database only; touches nothing on disk.
     */
    public static void warmUpInBackground() {
        Thread warmer = new Thread(() -> {
            try (Connection c = DriverManager.getConnection("jdbc:h2:mem:", "sockscope", "");
                 Statement st = c.createStatement()) {
                st.execute("CREATE TABLE warm(id BIGINT PRIMARY KEY, body VARBINARY(100))");
                st.executeQuery("SELECT COUNT(*), SUM(id) FROM warm GROUP BY body").close();
            } catch (SQLException | RuntimeException | LinkageError e) {
                // Only a head start: the real open loads whatever is missing and reports its own errors.
            }
        }, "store-warm-up");
        warmer.setDaemon(true);
        warmer.start();
    }

    /**
     * Opens (creating if needed) {@code sockscope.mv.db} in {@code dataDir}.
     *
     * @throws StoreException LOCKED when another process has it open, CORRUPT when it cannot be read
     */
    public static Database open(Path dataDir) {
        return open(dataDir, Progress.NONE);
    }

    /** Opens, telling {@code progress} how a long migration advances (called on this thread). */
    public static Database open(Path dataDir, Progress progress) {
        return open(dataDir, MIGRATIONS.size(), progress);
    }

    /** Opens with only the first {@code migrations} applied: for testing an upgrade from an older schema. */
    static Database open(Path dataDir, int migrations) {
        return open(dataDir, migrations, Progress.NONE);
    }

    private static Database open(Path dataDir, int migrations, Progress progress) {
        Path base = dataDir.toAbsolutePath().resolve("sockscope");
        // WRITE_DELAY=0: a commit reaches the file at once, so a killed process loses nothing it
        // committed; the writer groups many blocks per commit to keep the rate up.
        return connect(dataDir, "jdbc:h2:file:" + base + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;LAZY_QUERY_EXECUTION=TRUE",
                migrations, progress);
    }

    /**
     * Opens for reading only (listing, searching, exporting): the file itself, read-only, so
     * nothing is written, not even at close, and no writer or indexer starts. A file with an
     * older schema is opened for writing once, to migrate it; a missing one is created.
     *
     * @throws StoreException LOCKED when another process has it open (then {@link #openReadOnly})
     */
    public static Database openForReading(Path dataDir) {
        if (!java.nio.file.Files.exists(dataDir.resolve("sockscope.mv.db"))) {
            return open(dataDir);
        }
        Path base = dataDir.toAbsolutePath().resolve("sockscope");
        Database database = connect(dataDir, "jdbc:h2:file:" + base
                + ";ACCESS_MODE_DATA=r;DB_CLOSE_ON_EXIT=FALSE;LAZY_QUERY_EXECUTION=TRUE", 0, Progress.NONE);
        if (database.isCurrent()) {
            database.readOnly = true;
            return database;
        }
        database.close();
        return open(dataDir);
    }

    /** True when every migration has been applied. */
    private boolean isCurrent() {
        try (Statement st = keepAlive.createStatement(); ResultSet rs = st.executeQuery("SELECT name FROM schema_version")) {
            java.util.Set<String> applied = new java.util.HashSet<>();
            while (rs.next()) {
                applied.add(rs.getString(1));
            }
            return applied.containsAll(MIGRATIONS);
        } catch (SQLException e) {
            return false; // no schema_version: a file from before migrations were recorded
        }
    }

    /**
     * Opens a snapshot of a database another Sockscope holds (H2 will not share the file, even
     * read-only): the file is copied to a temporary directory and opened read-only there, so
     * browsing never disturbs the instance that records. The copy ends where the recorder's last
     * committed write ended; the snapshot is deleted on close.
     */
    public static Database openReadOnly(Path dataDir) {
        try {
            Path snapshot = java.nio.file.Files.createTempDirectory("sockscope-snapshot");
            java.nio.file.Files.copy(dataDir.resolve("sockscope.mv.db"), snapshot.resolve("sockscope.mv.db"));
            Path base = snapshot.toAbsolutePath().resolve("sockscope");
            Database database = connect(snapshot, "jdbc:h2:file:" + base
                    + ";ACCESS_MODE_DATA=r;DB_CLOSE_ON_EXIT=FALSE;LAZY_QUERY_EXECUTION=TRUE", 0, Progress.NONE);
            database.snapshotDir = snapshot;
            return database;
        } catch (java.io.IOException e) {
            throw new StoreException(StoreException.Reason.IO, "cannot copy " + dataDir.resolve("sockscope.mv.db")
                    + " to read it: " + e.getMessage(), e);
        }
    }

    /**
     * Moves a damaged database file aside (never deleting it) so a fresh one can be made.
     *
     * @return where the old file now is
     */
    public static Path keepAside(Path dataDir) throws java.io.IOException {
        Path file = dataDir.resolve("sockscope.mv.db");
        Path aside = dataDir.resolve("sockscope.mv.db.damaged-"
                + java.time.LocalDateTime.now().format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        return java.nio.file.Files.move(file, aside);
    }

    private static Database connect(Path dataDir, String givenUrl, int migrations, Progress progress) {
        // H2's trace goes to our log (SLF4J), never to a sockscope.trace.db beside the data or to stderr.
        String url = givenUrl + ";TRACE_LEVEL_FILE=4";
        try {
            Connection connection = DriverManager.getConnection(url, "sockscope", "");
            Database database = new Database(dataDir.resolve("sockscope.mv.db"), url, connection);
            if (migrations > 0) {
                try {
                    database.migrate(migrations, progress);
                } catch (SQLException | RuntimeException e) {
                    connection.close();
                    throw e;
                }
            }
            database.lastConnectionAtOpen = database.maxConnectionId();
            return database;
        } catch (SQLException e) {
            throw translate(e, dataDir.resolve("sockscope.mv.db"));
        }
    }

    static StoreException translate(SQLException e, Path file) {
        int code = e.getErrorCode();
        if (code == ErrorCode.DATABASE_ALREADY_OPEN_1 || String.valueOf(e.getMessage()).contains("already in use")) {
            return new StoreException(StoreException.Reason.LOCKED,
                    "the database " + file + " is in use by another Sockscope (close it, or use another --data-dir)", e);
        }
        if (code == ErrorCode.FILE_CORRUPTED_1 || code == ErrorCode.FILE_VERSION_ERROR_1 || code == ErrorCode.GENERAL_ERROR_1) {
            return new StoreException(StoreException.Reason.CORRUPT,
                    "the database " + file + " cannot be read (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
        }
        return new StoreException(StoreException.Reason.IO, "database error in " + file + ": "
                + e.getMessage().lines().findFirst().orElse(""), e);
    }

    /**
     * A new connection to the same database; the caller closes it. Refused once closed: H2 would
     * reopen the file for a late background task (a search, the index catching up) and keep it.
     */
    Connection connect() throws SQLException {
        if (closed) {
            throw new SQLException("the database is closed");
        }
        return DriverManager.getConnection(url, "sockscope", "");
    }

    public Path file() {
        return file;
    }

    /** True when opened for reading or as a snapshot: nothing, not even the search index, may be written. */
    boolean isReadOnly() {
        return readOnly || snapshotDir != null;
    }

    /**
     * The highest connection id when this process opened the database: nothing records into
     * those connections any more (only the process that inserts a connection records into it).
     */
    long lastConnectionAtOpen() {
        return lastConnectionAtOpen;
    }

    /**
     * The search indexer of this database, started at the first call: only a process that writes
     * frames asks for it. Null for a read-only snapshot, or once closed.
     */
    RecentBlocks recentBlocks() {
        return recentBlocks;
    }

    synchronized SearchIndexer indexer() {
        if (indexer == null && !closing && !isReadOnly()) {
            indexer = new SearchIndexer(this);
        }
        return indexer;
    }

    /** True once everything written so far is indexed (for tests: a search then reads no tail). */
    synchronized boolean isIndexed() {
        return indexer == null || indexer.isCaughtUp();
    }

    private long maxConnectionId() throws SQLException {
        try (Statement st = keepAlive.createStatement(); ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(id), 0) FROM connection")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private void migrate(int count, Progress progress) throws SQLException {
        try (Statement st = keepAlive.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS schema_version (name VARCHAR(200) PRIMARY KEY, applied_us BIGINT NOT NULL)");
        }
        for (String name : MIGRATIONS.subList(0, count)) {
            if (!applied(name)) {
                if (name.endsWith(".sql")) {
                    apply(name);
                } else {
                    javaStep(name, progress);
                }
            }
        }
    }

    private boolean applied(String name) throws SQLException {
        try (var ps = keepAlive.prepareStatement("SELECT 1 FROM schema_version WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * Runs one migration statement. An ADD of columns that exist already is a step a cut-short
     * run took before (DDL commits at once in H2): it counts as done.
     */
    private static void execute(Statement st, String sql) throws SQLException {
        try {
            st.execute(sql);
        } catch (SQLException e) {
            if (e.getErrorCode() != ErrorCode.DUPLICATE_COLUMN_NAME_1) {
                throw e;
            }
        }
    }

    /** A step in Java: it commits as it goes (and must be safe to run again), then it is recorded. */
    private void javaStep(String name, Progress progress) throws SQLException {
        if (!"V6__frames_to_blocks".equals(name)) {
            throw new IllegalStateException("unknown migration " + name);
        }
        FramesToBlocks.run(keepAlive, progress);
        recordApplied(name);
    }

    private void recordApplied(String name) throws SQLException {
        try (var ps = keepAlive.prepareStatement("INSERT INTO schema_version VALUES (?, ?)")) {
            ps.setString(1, name);
            ps.setLong(2, System.currentTimeMillis() * 1000);
            ps.executeUpdate();
        }
    }

    private void apply(String name) throws SQLException {
        String sql = resource("migration/" + name);
        keepAlive.setAutoCommit(false);
        try (Statement st = keepAlive.createStatement()) {
            for (String statement : sql.split(";\\s*(\\r?\\n|$)")) {
                String trimmed = statement.lines().filter(l -> !l.strip().startsWith("--")).reduce("", (a, b) -> a + "\n" + b).strip();
                if (!trimmed.isEmpty()) {
                    execute(st, trimmed);
                }
            }
            recordApplied(name);
            keepAlive.commit();
        } catch (SQLException e) {
            keepAlive.rollback();
            throw e;
        } finally {
            keepAlive.setAutoCommit(true);
        }
    }

    private static String resource(String path) {
        try (InputStream in = Database.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing migration " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read migration " + path, e);
        }
    }

    @Override
    public void close() {
        SearchIndexer finishing;
        synchronized (this) {
            finishing = indexer;
            closing = true;
        }
        if (finishing != null) {
            finishing.close(); // what was recorded is indexed before the file closes, up to a few seconds
        }
        closed = true;
        try {
            keepAlive.close();
        } catch (SQLException e) {
            throw translate(e, file);
        } finally {
            deleteSnapshot();
        }
    }

    private void deleteSnapshot() {
        if (snapshotDir == null) {
            return;
        }
        try (var files = java.nio.file.Files.list(snapshotDir)) {
            for (Path f : files.toList()) {
                java.nio.file.Files.deleteIfExists(f);
            }
            java.nio.file.Files.deleteIfExists(snapshotDir);
        } catch (java.io.IOException e) {
            // A leftover temporary copy is harmless; the OS cleans its temp directory.
            snapshotDir.toFile().deleteOnExit();
        }
    }
}
