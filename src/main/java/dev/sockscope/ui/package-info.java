/**
 * Everything JavaFX. Views are built in code; view models hold state and commands and never
 * block. The FX thread is reached only through {@link dev.sockscope.ui.fx.FxThread}.
 *
 * <p>May import {@code core} and {@code app}.
 */
package dev.sockscope.ui;
