package dev.sockscope.app;

import dev.sockscope.core.ImportResult;
import dev.sockscope.core.SearchQuery;
import dev.sockscope.store.SessionExport;
import dev.sockscope.store.SessionImport;
import dev.sockscope.store.StoreException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.LongConsumer;

/**
 * Sessions in and out of the recording: HAR and JSON Lines exports (of a session, a connection or
 * a search), written through a temporary file so a failure never leaves half a file, and imports.
 * Blocking: call them off the FX thread.
 */
public final class Transfers {
    /** The export formats of `sockscope export`. */
    public enum Format {
        HAR, JSONL
    }

    private final RecordingStore store;

    Transfers(RecordingStore store) {
        this.store = store;
    }

    /** Writes a session (or all, when {@code session} is null); returns the number of messages written. */
    public int export(String session, Format format, Path file) throws IOException {
        return export(session, format, file, n -> { });
    }

    /** As {@link #export(String, Format, Path)}, reporting the messages written so far (throwing from {@code progress} cancels it). */
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
        Path parent = checkDestination(file);
        SessionExport export = new SessionExport(store.database());
        Path temp;
        try {
            temp = Files.createTempFile(parent, ".sockscope-export", ".tmp");
        } catch (IOException e) {
            throw cannotExport(file, e);
        }
        try {
            int count;
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp))) {
                count = writer.write(export, out);
            } catch (UncheckedIOException e) {
                throw cannotExport(file, e.getCause());
            } catch (IOException e) {
                throw cannotExport(file, e);
            } catch (StoreException e) {
                // Nothing half-written is left at the destination: the temporary file goes below.
                throw new UserFacingException(UserFacingException.Kind.FAILURE, "nothing exported to " + file + ": "
                        + e.getMessage(), e);
            }
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw cannotExport(file, e);
            }
            // Everything readable is in the file; what was damaged is said, and the command fails.
            StoreCalls.reportDamage(export.damaged(), "exported " + count + " messages to " + file);
            return count;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Where an export can go: a file (new or to replace) in a directory this user can write. Said
     * before anything is read, in the destination's own terms, never the temporary file's.
     *
     * @return the directory that will hold it
     */
    private static Path checkDestination(Path file) {
        Path target = file.toAbsolutePath();
        Path parent = target.getParent();
        if (Files.isDirectory(target)) {
            throw UserFacingException.failure("cannot export to " + file + ": it is a directory (name a file in it)");
        }
        if (parent == null || !Files.exists(parent)) {
            throw UserFacingException.failure("cannot export to " + file + ": no such directory " + parent);
        }
        if (!Files.isDirectory(parent)) {
            throw UserFacingException.failure("cannot export to " + file + ": " + parent + " is not a directory");
        }
        if (!Files.isWritable(parent)) {
            throw UserFacingException.failure("cannot export to " + file + ": permission denied in " + parent);
        }
        return parent;
    }

    /** A write that failed part way (a full disk, a vanished directory): named by the destination. */
    private static UserFacingException cannotExport(Path file, IOException e) {
        // A file system exception's message is a bare path, here often the temporary file's.
        String why = e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                : e instanceof java.nio.file.FileSystemException fs
                        ? (fs.getReason() != null ? fs.getReason() : "no file can be made there")
                : e.getMessage() == null ? "input/output error" : e.getMessage();
        return new UserFacingException(UserFacingException.Kind.FAILURE,
                "cannot export to " + file + ": " + why + "; nothing was written", e);
    }

    /**
     * Imports a HAR or JSON Lines file into {@code session}. Nothing is kept from a bad file; a file
     * already imported into that session (same content) is skipped unless {@code again}.
     */
    public ImportResult importFile(Path file, String session, boolean again) throws IOException {
        String name = SessionNames.check(session);
        store.checkWritable();
        try {
            return new SessionImport(store.database()).importFile(file, name, again);
        } catch (StoreException e) {
            throw new UserFacingException(UserFacingException.Kind.FAILURE, file + " could not be imported: " + e.getMessage(), e);
        } catch (IllegalArgumentException | java.time.DateTimeException | com.fasterxml.jackson.core.JsonProcessingException e) {
            String why = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            throw new UserFacingException(UserFacingException.Kind.FAILURE, file + " could not be imported: " + why, e);
        }
    }
}
