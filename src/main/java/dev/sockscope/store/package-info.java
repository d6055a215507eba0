/**
 * Persistence in H2: the writer that gathers frames into compressed blocks ({@link
 * dev.sockscope.store.Recorder}), schema migrations, sessions with their counters, reading back,
 * search with the index built as blocks are committed, and HAR/JSON Lines I/O. A block holds wire
 * frames, each saying whether and which message it completes ({@code FrameBlock}); search and
 * export work on messages. {@code java.sql} and H2 are imported here only.
 *
 * <p>May import {@code core}; never {@code client} or anything above.
 */
package dev.sockscope.store;
