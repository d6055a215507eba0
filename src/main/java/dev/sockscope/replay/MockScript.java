package dev.sockscope.replay;

import dev.sockscope.core.Direction;
import dev.sockscope.core.Message;
import dev.sockscope.core.SessionEvent;
import dev.sockscope.diff.Alignment;
import dev.sockscope.diff.Canonical;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a mock server says to one client, from a recording: the server's messages recorded before
 * the client's first message at once, and after each client message the server's messages that
 * followed the matching recorded one, each with its recorded delay. One script per client
 * connection; not thread-safe (the connection's reader calls it).
 *
 * <p>Matching by {@link Alignment.Mode#ORDER}: the n-th message the client sends matches the n-th
 * the app sent in the recording. By {@link Alignment.Mode#CONTENT}: it matches the recorded app
 * message equal to it (JSON key order and the volatile fields ignored), the first not matched yet,
 * else the first; a message equal to none gets no answer. When the server ended the recording, its
 * close follows the answers to the recording's last app message. With {@code loop}, order matching starts
 * again from the first after the last, and the recorded server close is never sent.
 */
public final class MockScript {
    /** A message to send, {@code afterMicros} after what triggered it (the upgrade, or the client's message). */
    public record Timed(Message message, long afterMicros) {
    }

    /**
     * What to do about one client message.
     *
     * @param matched the number (from 1) of the recorded app message it matched, 0 when none did
     * @param messages what to send, in order
     * @param thenClose the server's recorded close, to send after them, or null
     */
    public record Answer(int matched, List<Timed> messages, SessionEvent.Closed thenClose) {
    }

    private final List<String> recordedKeys = new ArrayList<>();
    /** segments.get(0): before the first app message; segments.get(k): after the k-th. */
    private final List<List<Timed>> segments = new ArrayList<>();
    private final Alignment.Mode mode;
    private final Set<String> ignored;
    private final boolean loop;
    private final SessionEvent.Closed serverClose;
    private final boolean[] used;
    private int next;

    public MockScript(Conversation recording, Alignment.Mode mode, Set<String> ignored, boolean loop) {
        this.mode = mode;
        this.ignored = Set.copyOf(ignored);
        this.loop = loop;
        this.serverClose = loop ? null : recording.closedByServer().orElse(null);
        long trigger = recording.startMicros();
        List<Timed> segment = new ArrayList<>();
        for (Message m : recording.messages()) {
            if (m.direction() == Direction.SEND) {
                segments.add(segment);
                segment = new ArrayList<>();
                trigger = m.timestampMicros();
                recordedKeys.add(Canonical.of(m, this.ignored));
            } else {
                segment.add(new Timed(m, Math.max(0, m.timestampMicros() - trigger)));
            }
        }
        segments.add(segment);
        this.used = new boolean[recordedKeys.size()];
    }

    /** The server's messages before the app's first, and the close when the recording ended there. */
    public Answer opening() {
        return new Answer(0, segments.get(0), recordedKeys.isEmpty() ? serverClose : null);
    }

    public Answer answer(Message fromClient) {
        int k = mode == Alignment.Mode.ORDER ? byOrder() : byContent(Canonical.of(fromClient, ignored));
        if (k < 0) {
            return new Answer(0, List.of(), null);
        }
        used[k] = true;
        boolean last = k == recordedKeys.size() - 1;
        return new Answer(k + 1, segments.get(k + 1), last ? serverClose : null);
    }

    /** How many app messages the recording has: what a client can match. */
    public int recordedClientMessages() {
        return recordedKeys.size();
    }

    private int byOrder() {
        if (next >= recordedKeys.size()) {
            if (!loop || recordedKeys.isEmpty()) {
                return -1;
            }
            next = 0;
        }
        return next++;
    }

    private int byContent(String key) {
        int first = -1;
        for (int k = 0; k < recordedKeys.size(); k++) {
            if (recordedKeys.get(k).equals(key)) {
                if (!used[k]) {
                    return k;
                }
                first = first < 0 ? k : first;
            }
        }
        return first;
    }
}
