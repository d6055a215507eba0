/**
 * View models the views of several features share: one connection as shown (live, proxied or
 * recorded). JavaFX properties only, no controls: usable (and tested) without the toolkit.
 *
 * <p>May import {@code app}, {@code core} and {@code ui.fx}; no other {@code ui} package.
 */
package dev.sockscope.ui.model;
