/**
 * Differences between two recorded messages, sans-IO: a structural JSON diff (fields added,
 * removed and changed, by JSON pointer; key order ignored; volatile fields left out), a line diff
 * for other text and the first differing byte for binary. The building block of replay's
 * "what changed?" and of the diff command and view (issue "Replay, mock and diff").
 *
 * <p>May import {@code core}.
 */
package dev.sockscope.diff;
