package dev.sockscope.replay;

import dev.sockscope.core.ClosedBy;
import dev.sockscope.core.Direction;
import dev.sockscope.core.Header;
import dev.sockscope.core.Message;
import dev.sockscope.core.RecordedConnection;
import dev.sockscope.core.SessionEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A recorded connection as replay, mock and diff need it: its facts and its text and binary
 * messages in the order they were recorded, as each side sent them (what the proxy wrote of its own
 * accord, or in place of a message, is not either side's and is left out; control frames too).
 *
 * @param messages text and binary messages, both directions, in recorded order
 * @param firstClose the first close frame recorded (who started the closing handshake, with what),
 *     or null when none was: it says how the connection ended even where the connection's own
 *     record does not (an imported one)
 */
public record Conversation(RecordedConnection connection, List<Message> messages, Message firstClose) {
    public Conversation {
        messages = List.copyOf(messages);
    }

    /** A conversation whose close is known only from the connection's record. */
    public Conversation(RecordedConnection connection, List<Message> messages) {
        this(connection, messages, null);
    }

    public String url() {
        return connection.url();
    }

    /** When the upgrade completed, or when it started if it never did: times in a conversation count from here. */
    public long startMicros() {
        return connection.opened() != null ? connection.opened().timestampMicros() : connection.startedMicros();
    }

    /** The subprotocol the server chose, empty when none. */
    public String subprotocol() {
        return connection.opened() == null ? "" : connection.opened().subprotocol();
    }

    /** The upgrade request's headers as they went to the server, in order. */
    public List<Header> requestHeaders() {
        return connection.opened() == null ? List.of() : connection.opened().handshake().requestHeaders();
    }

    public List<Message> sent() {
        return of(Direction.SEND);
    }

    public List<Message> received() {
        return of(Direction.RECEIVE);
    }

    private List<Message> of(Direction direction) {
        return messages.stream().filter(m -> m.direction() == direction).toList();
    }

    /** How it closed, if it closed with a close handshake or a drop after opening. */
    public Optional<SessionEvent.Closed> closed() {
        return connection.end() instanceof SessionEvent.Closed c ? Optional.of(c) : Optional.empty();
    }

    /** The close the server started, when it was the server that ended the recorded connection. */
    public Optional<SessionEvent.Closed> closedByServer() {
        return closingHandshake().filter(c -> c.closedBy() == ClosedBy.SERVER);
    }

    /** The close the client started, when it was the client that ended the recorded connection. */
    public Optional<SessionEvent.Closed> closedByClient() {
        return closingHandshake().filter(c -> c.closedBy() == ClosedBy.CLIENT);
    }

    /** Who started the closing handshake and with what: from the first close frame, else from the record. */
    private Optional<SessionEvent.Closed> closingHandshake() {
        if (firstClose != null) {
            int code = firstClose.closeCode() < 0 ? 1005 : firstClose.closeCode();
            return Optional.of(new SessionEvent.Closed(connection.id(), code, firstClose.closeReason(),
                    firstClose.direction() == Direction.RECEIVE ? ClosedBy.SERVER : ClosedBy.CLIENT,
                    firstClose.timestampMicros()));
        }
        return closed().filter(c -> c.code() != 1006 && c.closedBy() != ClosedBy.PROXY);
    }

    /** When the last message or the close was recorded, from {@link #startMicros()}. */
    public long lengthMicros() {
        long last = messages.isEmpty() ? startMicros() : messages.get(messages.size() - 1).timestampMicros();
        long end = closed().map(SessionEvent.Closed::timestampMicros).orElse(last);
        return Math.max(0, Math.max(last, end) - startMicros());
    }

    /** The app's messages with when each was sent and how many answers had come before it. */
    public List<ReplayStep> steps() {
        List<ReplayStep> steps = new ArrayList<>();
        int answers = 0;
        for (Message m : messages) {
            if (m.direction() == Direction.RECEIVE) {
                answers++;
            } else {
                steps.add(new ReplayStep(m, Math.max(0, m.timestampMicros() - startMicros()), answers));
            }
        }
        return steps;
    }
}
