/**
 * The pure domain: records, enums and sealed event types that every other layer speaks.
 *
 * <p>Owns frames, handshakes, connection requests, failures and session events. Imports nothing of
 * ours, and no I/O, JDBC or JavaFX: it must stay testable with plain values.
 */
package dev.sockscope.core;
