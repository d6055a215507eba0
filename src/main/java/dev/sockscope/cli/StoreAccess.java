package dev.sockscope.cli;

import dev.sockscope.app.AppContext;
import dev.sockscope.app.RecordingStore;

/** How the read-only commands reach the store: read-only when another Sockscope is recording. */
final class StoreAccess {
    private StoreAccess() {
    }

    /** Makes the recording ready for reading; fails with the reason when the database cannot be read. */
    static void forReading(AppContext app) {
        RecordingStore recording = app.recording();
        if (recording.trouble().orElse(null) == RecordingStore.Trouble.LOCKED) {
            recording.openReadOnly();
        }
        if (recording.trouble().isPresent()) {
            String hint = recording.trouble().get() == RecordingStore.Trouble.CORRUPT
                    ? " (the GUI offers to keep it aside and start a fresh one)" : "";
            throw UserError.failure(recording.problem().orElse("the database cannot be read") + hint);
        }
    }

    /**
     * For a command that reads the recording and records what it does (replay, mock): when another
     * Sockscope holds the recording, it is read and a warning says nothing will be recorded.
     *
     * @return true when what happens now is recorded
     */
    static boolean forReadingAndRecording(AppContext app, java.io.PrintWriter err) {
        boolean locked = app.recording().trouble().orElse(null) == RecordingStore.Trouble.LOCKED;
        forReading(app);
        if (locked) {
            err.println("sockscope: warning: not recording: another Sockscope is using this data directory (close it,"
                    + " or give this command another --data-dir)");
            err.flush();
        }
        return !locked;
    }

    /** Refuses a session name the recording does not have (null means every session). */
    static void requireSession(AppContext app, String session) {
        if (session != null && app.sessions().sessions().stream().noneMatch(s -> s.name().equals(session))) {
            throw UserError.failure("no session named " + session + " (see: sockscope sessions)");
        }
    }
}
