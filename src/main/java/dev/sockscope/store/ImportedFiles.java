package dev.sockscope.store;

import dev.sockscope.core.ImportResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;

/** Which files (by the SHA-256 of their content) were imported into which session, and when. */
final class ImportedFiles {
    private ImportedFiles() {
    }

    /** The SHA-256 of a file's bytes, read in one pass. */
    static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        byte[] buffer = new byte[256 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The earlier import of this content into the named session, or null. */
    static ImportResult.Earlier find(Connection db, String session, String sha256) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("SELECT f.file_name, f.messages, f.imported_us FROM imported_file f"
                + " JOIN session s ON s.id = f.session_id WHERE s.name = ? AND f.sha256 = ?")) {
            ps.setString(1, session);
            ps.setString(2, sha256);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new ImportResult.Earlier(rs.getString(1), rs.getInt(2), rs.getLong(3)) : null;
            }
        }
    }

    /** Remembers an import, in the transaction that wrote its messages (a repeat replaces the record). */
    static void remember(Connection db, long sessionId, String sha256, String fileName, int messages) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("MERGE INTO imported_file(session_id, sha256, file_name, messages,"
                + " imported_us) KEY(session_id, sha256) VALUES (?, ?, ?, ?, ?)")) {
            ps.setLong(1, sessionId);
            ps.setString(2, sha256);
            ps.setString(3, fileName.length() > 1000 ? fileName.substring(0, 1000) : fileName);
            ps.setInt(4, messages);
            ps.setLong(5, System.currentTimeMillis() * 1000);
            ps.executeUpdate();
        }
    }
}
