/**
 * The headless command line (picocli). {@code System.out} and {@code System.err} are used here
 * and nowhere else.
 *
 * <p>May import {@code core} and {@code app}.
 */
package dev.sockscope.cli;
