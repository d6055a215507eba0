package dev.sockscope.replay;

import dev.sockscope.core.Message;

/**
 * One of the app's messages in a replay.
 *
 * @param atMicros when it was sent in the recording, counted from the upgrade
 * @param answersBefore how many of the server's messages had come before it in the recording: a
 *     replay "as fast as the server answers" sends it once that many have come again
 */
public record ReplayStep(Message message, long atMicros, int answersBefore) {
}
