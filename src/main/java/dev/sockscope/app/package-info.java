/**
 * Application services without JavaFX: the composition root ({@link dev.sockscope.app.AppContext}),
 * the session registry that fans events out, settings, data directories and named executors.
 *
 * <p>May import every lower layer; {@code ui} and {@code cli} reach the rest only through here.
 */
package dev.sockscope.app;
