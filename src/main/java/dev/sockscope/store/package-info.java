/**
 * Persistence in H2: the batching writer ({@link dev.sockscope.store.Recorder}), schema migrations
 * from resources, sessions, reading back, search with its index, and HAR/JSON Lines I/O. Rows of
 * the frame table are wire frames, each saying whether and which message it completes ({@link
 * dev.sockscope.store.StoredFrames}); search and export work on messages. {@code java.sql} and H2
 * are imported here only.
 *
 * <p>May import {@code core}; never {@code client} or anything above.
 */
package dev.sockscope.store;
