/**
 * The UI thread and background work: {@link dev.sockscope.ui.fx.UiThread} (the FX thread in the
 * window, a direct one in tests), {@link dev.sockscope.ui.fx.Background} and its
 * {@link dev.sockscope.ui.fx.TaskSlot}s, where cancellation, stale-result dropping and progress
 * live in one place. {@code Platform.runLater} is called here and nowhere else.
 */
package dev.sockscope.ui.fx;
