package dev.sockscope.app;

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
        SessionExport export = new SessionExport(store.database());
        Path parent = file.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(parent, ".sockscope-export", ".tmp");
        try {
            int count;
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp))) {
                count = writer.write(export, out);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            } catch (StoreException e) {
                // Nothing half-written is left at the destination: the temporary file goes below.
                throw new UserFacingException(UserFacingException.Kind.FAILURE, "nothing exported to " + file + ": "
                        + e.getMessage(), e);
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            // Everything readable is in the file; what was damaged is said, and the command fails.
            StoreCalls.reportDamage(export.damaged(), "exported " + count + " messages to " + file);
            return count;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Imports a HAR or JSON Lines file into {@code session}; returns the number of messages. Nothing is kept from a bad file. */
    public int importFile(Path file, String session) throws IOException {
        String name = SessionNames.check(session);
        store.checkWritable();
        try {
            return new SessionImport(store.database()).importFile(file, name);
        } catch (StoreException e) {
            throw new UserFacingException(UserFacingException.Kind.FAILURE, file + " could not be imported: " + e.getMessage(), e);
        } catch (IllegalArgumentException | java.time.DateTimeException | com.fasterxml.jackson.core.JsonProcessingException e) {
            String why = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            throw new UserFacingException(UserFacingException.Kind.FAILURE, file + " could not be imported: " + why, e);
        }
    }
}
