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
    /** Applied in order; each runs once and is recorded in schema_version. */
    private static final List<String> MIGRATIONS = List.of("V1__recording.sql");

    private final Path file;
    private final String url;
    private final Connection keepAlive;

    private Database(Path file, String url, Connection keepAlive) {
        this.file = file;
        this.url = url;
        this.keepAlive = keepAlive;
    }

    /**
     * Opens (creating if needed) {@code sockscope.mv.db} in {@code dataDir}.
     *
     * @throws StoreException LOCKED when another process has it open, CORRUPT when it cannot be read
     */
    public static Database open(Path dataDir) {
        Path base = dataDir.toAbsolutePath().resolve("sockscope");
        // WRITE_DELAY=0: a commit reaches the file at once, so a killed process loses nothing it
        // committed; the writer groups many rows per commit to keep the rate up.
        String url = "jdbc:h2:file:" + base + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
        try {
            Connection connection = DriverManager.getConnection(url, "sockscope", "");
            Database database = new Database(dataDir.resolve("sockscope.mv.db"), url, connection);
            database.migrate();
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

    /** A new connection to the same database; the caller closes it. */
    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, "sockscope", "");
    }

    public Path file() {
        return file;
    }

    private void migrate() throws SQLException {
        try (Statement st = keepAlive.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS schema_version (name VARCHAR(200) PRIMARY KEY, applied_us BIGINT NOT NULL)");
        }
        for (String name : MIGRATIONS) {
            if (!applied(name)) {
                apply(name);
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

    private void apply(String name) throws SQLException {
        String sql = resource("migration/" + name);
        keepAlive.setAutoCommit(false);
        try (Statement st = keepAlive.createStatement()) {
            for (String statement : sql.split(";\\s*(\\r?\\n|$)")) {
                String trimmed = statement.lines().filter(l -> !l.strip().startsWith("--")).reduce("", (a, b) -> a + "\n" + b).strip();
                if (!trimmed.isEmpty()) {
                    st.execute(trimmed);
                }
            }
            try (var ps = keepAlive.prepareStatement("INSERT INTO schema_version VALUES (?, ?)")) {
                ps.setString(1, name);
                ps.setLong(2, System.currentTimeMillis() * 1000);
                ps.executeUpdate();
            }
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
        try {
            keepAlive.close();
        } catch (SQLException e) {
            throw translate(e, file);
        }
    }
}
