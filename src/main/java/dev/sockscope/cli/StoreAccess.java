package dev.sockscope.cli;

import dev.sockscope.app.AppContext;
import dev.sockscope.app.Recording;

/** How the read-only commands reach the store: read-only when another Sockscope is recording. */
final class StoreAccess {
    private StoreAccess() {
    }

    /** The recording, ready for reading; fails with the reason when the database cannot be read. */
    static Recording forReading(AppContext app) {
        Recording recording = app.recording();
        if (recording.trouble().orElse(null) == Recording.Trouble.LOCKED) {
            try {
                recording.openReadOnly();
            } catch (IllegalStateException e) {
                throw UserError.failure(e.getMessage());
            }
        }
        if (recording.trouble().isPresent()) {
            String hint = recording.trouble().get() == Recording.Trouble.CORRUPT
                    ? " (the GUI offers to keep it aside and start a fresh one)" : "";
            throw UserError.failure(recording.problem().orElse("the database cannot be read") + hint);
        }
        return recording;
    }
}
