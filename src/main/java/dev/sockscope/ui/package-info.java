/**
 * Everything JavaFX. Views are built in code and bind to view models that hold state and commands
 * and never block; background work goes through {@link dev.sockscope.ui.fx.Background} and its task
 * slots, the FX thread is reached only through a {@link dev.sockscope.ui.fx.UiThread}. Features
 * live in sub-packages that never depend on each other in a circle (an ArchUnit rule); what
 * several share sits below them ({@code ui.model}, {@code ui.fx}, {@code ui.common}).
 *
 * <p>May import {@code core} and {@code app}.
 */
package dev.sockscope.ui;
