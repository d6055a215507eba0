package dev.sockscope.app;

/**
 * Told how opening the recording advances when it takes a while: an older recording is upgraded
 * at open (its frames moved into blocks), which can take seconds for millions of frames. Called
 * on the thread that opens the app context.
 */
@FunctionalInterface
public interface OpeningProgress {
    OpeningProgress NONE = (what, done, total) -> { };

    /** {@code done} of {@code total} steps of {@code what} are done. */
    void step(String what, long done, long total);
}
