/**
 * Persistence: repository interfaces and their H2 implementation, the batching writer, schema
 * migrations, search and HAR/JSON Lines I/O. {@code java.sql} and H2 are imported here only.
 *
 * <p>May import {@code core}.
 */
package dev.sockscope.store;
