package dev.sockscope.app;

import dev.sockscope.core.Interception;
import dev.sockscope.core.Message;
import dev.sockscope.core.Opcode;
import dev.sockscope.core.RecordedConnection;
import dev.sockscope.core.RecordedFrame;
import dev.sockscope.replay.Conversation;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads recorded connections back as {@link Conversation}s for replay, mock and diff, and picks the
 * connection a command means. Touches the database: call off the FX thread.
 */
final class Conversations {
    /** What the proxy wrote itself: neither side's message. */
    private static final int WRITTEN_BY_SOCKSCOPE = Interception.SENT_INSTEAD | Interception.INJECTED | Interception.COPY;
    private static final int PAGE = 10_000;

    private final RecordingQueries queries;
    private final SessionCatalog sessions;

    Conversations(RecordingQueries queries, SessionCatalog sessions) {
        this.queries = queries;
        this.sessions = sessions;
    }

    /**
     * The connection {@code connectionId} of a session, or (null) its one connection that opened.
     * Refuses an unknown session or id, and a session with several connections when none is named.
     */
    public Conversation load(String session, Long connectionId) {
        return read(pick(session, connectionId));
    }

    /** The session's connections that opened, oldest first. */
    public List<RecordedConnection> openedIn(String session) {
        requireSession(session);
        return queries.connectionsOf(session).stream().filter(c -> c.opened() != null).toList();
    }

    /** One recorded connection's text and binary messages as each side sent them. */
    public Conversation read(RecordedConnection connection) {
        List<Message> messages = new ArrayList<>();
        Message[] firstClose = new Message[1];
        int from = 0;
        while (from < connection.wireFrames()) {
            int read = queries.framesOf(connection.id(), from, PAGE, frame -> {
                keep(frame, messages);
                if (firstClose[0] == null && frame.message() != null && frame.message().opcode() == Opcode.CLOSE) {
                    firstClose[0] = frame.message();
                }
            });
            if (read == 0) {
                break;
            }
            from += read;
        }
        return new Conversation(connection, messages, firstClose[0]);
    }

    private static void keep(RecordedFrame frame, List<Message> into) {
        Message m = frame.message();
        Interception i = frame.interception();
        if (m != null && (m.opcode() == Opcode.TEXT || m.opcode() == Opcode.BINARY)
                && (i == null || (i.flags() & WRITTEN_BY_SOCKSCOPE) == 0)) {
            into.add(m);
        }
    }

    private RecordedConnection pick(String session, Long connectionId) {
        requireSession(session);
        List<RecordedConnection> all = queries.connectionsOf(session);
        if (connectionId != null) {
            return all.stream().filter(c -> c.id() == connectionId).findFirst().orElseThrow(() -> UserFacingException.failure(
                    "session " + session + " has no connection " + connectionId + " (its connections: " + list(all) + ")"));
        }
        List<RecordedConnection> opened = all.stream().filter(c -> c.opened() != null).toList();
        if (opened.size() == 1) {
            return opened.get(0);
        }
        if (opened.isEmpty()) {
            throw UserFacingException.failure("session " + session + " has no connection that opened"
                    + (all.isEmpty() ? "" : " (its connections: " + list(all) + ")"));
        }
        throw UserFacingException.usage("session " + session + " has " + opened.size() + " connections: " + list(opened)
                + "; name one with --connection ID");
    }

    private void requireSession(String session) {
        if (sessions.sessions().stream().noneMatch(s -> s.name().equals(session))) {
            throw UserFacingException.failure("no session named " + session + " (see: sockscope sessions)");
        }
    }

    /** "3 ws://host/a, 4 ws://host/b" for the first ten, "and N more" after. */
    private static String list(List<RecordedConnection> connections) {
        String shown = connections.stream().limit(10).map(c -> c.id() + " " + c.url()).collect(Collectors.joining(", "));
        return connections.size() > 10 ? shown + " and " + (connections.size() - 10) + " more" : shown;
    }
}
