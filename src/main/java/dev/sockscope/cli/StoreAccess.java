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

    /** Refuses a session name the recording does not have (null means every session). */
    static void requireSession(AppContext app, String session) {
        if (session != null && app.sessions().sessions().stream().noneMatch(s -> s.name().equals(session))) {
            throw UserError.failure("no session named " + session + " (see: sockscope sessions)");
        }
    }
}
