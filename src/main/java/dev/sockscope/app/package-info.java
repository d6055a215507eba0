/**
 * Application services without JavaFX. {@link dev.sockscope.app.AppContext} builds everything
 * around one event channel, {@link dev.sockscope.app.SessionRegistry}: producers (client
 * connections of tabs and the CLI, imports, the proxy) get their connection ids there and publish
 * every event there; observers subscribe (the recorder, {@link dev.sockscope.app.LiveConnections}
 * which the window follows, the CLI's printer). The recording is four services: its database's life
 * ({@link dev.sockscope.app.RecordingStore}), the sessions ({@link dev.sockscope.app.SessionCatalog}),
 * reading back ({@link dev.sockscope.app.RecordingQueries}) and files in and out
 * ({@link dev.sockscope.app.Transfers}). A problem the user can act on is a
 * {@link dev.sockscope.app.UserFacingException}.
 *
 * <p>May import every lower layer; {@code ui} and {@code cli} reach the rest only through here.
 */
package dev.sockscope.app;
