package dev.sockscope.core;

/**
 * What an import did: the messages it added, or, when the same file (by content) was already
 * imported into that session and the import was not asked to repeat, the earlier import instead.
 *
 * @param messages the messages imported now (0 when skipped)
 * @param earlier the earlier import of the same content into the same session, or null
 */
public record ImportResult(int messages, Earlier earlier) {
    /** An import of the same content into the same session, before this one. */
    public record Earlier(String fileName, int messages, long importedMicros) {
    }

    public boolean skipped() {
        return earlier != null;
    }
}
