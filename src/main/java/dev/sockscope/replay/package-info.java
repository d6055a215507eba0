/**
 * A recorded connection turned into something that runs again, sans-IO: {@link
 * dev.sockscope.replay.Conversation} (the messages each side sent, with their times),
 * {@link dev.sockscope.replay.MockScript} (what a mock server answers to each client message, by
 * order or by content) and {@link dev.sockscope.replay.ReplayStep} (when a replay sends each of the
 * app's messages). The sockets are elsewhere: the replay uses the client, the mock server is in
 * {@code mock}.
 *
 * <p>May import {@code core} and {@code diff}.
 */
package dev.sockscope.replay;
