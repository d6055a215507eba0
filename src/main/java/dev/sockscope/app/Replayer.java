package dev.sockscope.app;

import dev.sockscope.core.ConnectRequest;
import dev.sockscope.core.Connection;
import dev.sockscope.core.Header;
import dev.sockscope.core.Message;
import dev.sockscope.core.Opcode;
import dev.sockscope.core.Origin;
import dev.sockscope.core.SessionEvent;
import dev.sockscope.core.TrustOptions;
import dev.sockscope.core.WsUrl;
import dev.sockscope.replay.Conversation;
import dev.sockscope.replay.ReplayStep;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Sends a recorded connection's app side again: a new client connection (to the recorded URL or
 * another) with the recorded headers and subprotocols, the app's messages in order, either at
 * their recorded times (scaled by a speed factor) or each as soon as the server has answered as
 * often as it had before it in the recording. The new connection is recorded like any other, in
 * the session the options name, whose notes say what it replays. Blocks until the replay ends:
 * call it off the FX thread.
 */
public final class Replayer {
    /**
     * How to replay.
     *
     * @param url where to, or null for the recorded URL
     * @param speed how much faster than recorded (2 is twice as fast); ignored with {@code noWait}
     * @param noWait send each message once the server's answers before it have come again
     * @param into the session to record the replay in
     * @param quiet how long to wait for an answer that is still to come before going on
     * @param headers the upgrade's headers, or null for the recorded ones
     * @param subprotocols the subprotocols to offer, or null for the recorded ones
     */
    public record Options(WsUrl url, double speed, boolean noWait, String into, Duration quiet, TrustOptions trust,
            List<Header> headers, List<String> subprotocols) {
        public Options {
            headers = headers == null ? null : List.copyOf(headers);
            subprotocols = subprotocols == null ? null : List.copyOf(subprotocols);
            if (!(speed > 0) || Double.isInfinite(speed)) {
                throw UserFacingException.usage("the speed is a factor above 0, such as 0.5, 1 or 10");
            }
            into = SessionNames.check(into);
        }
    }

    /**
     * How it went.
     *
     * @param storedAs where the replay is recorded (null when the recording did not say in time)
     * @param received the server's text and binary messages, in order
     * @param end how it ended: Closed or Failed
     */
    public record Result(StoredConnection storedAs, List<Message> received, int sent, SessionEvent end) {
        /** Opened and ended with a close handshake (whatever its code), or a failure that says what broke. */
        public Optional<String> failure() {
            return end instanceof SessionEvent.Failed f ? Optional.of(f.failure().message()) : Optional.empty();
        }
    }

    private final AppContext app;

    public Replayer(AppContext app) {
        this.app = app;
    }

    /** The headers the recorded app sent that a replay sends again: all but those the client writes itself. */
    public static List<Header> recordedHeaders(Conversation recording) {
        List<Header> headers = new ArrayList<>();
        for (Header h : recording.requestHeaders()) {
            if (!h.is("Sec-WebSocket-Protocol") && !h.is("Sec-WebSocket-Extensions") && Header.refusalOf(h.name()) == null
                    && !h.is("Host") && !h.is("Content-Length") && !h.name().toLowerCase(Locale.ROOT).startsWith("proxy-")) {
                headers.add(h);
            }
        }
        return headers;
    }

    /** The subprotocols the recorded app offered, in order. */
    public static List<String> recordedSubprotocols(Conversation recording) {
        List<String> subprotocols = new ArrayList<>();
        for (Header h : recording.requestHeaders()) {
            if (h.is("Sec-WebSocket-Protocol")) {
                for (String p : h.value().split(",")) {
                    if (!p.isBlank()) {
                        subprotocols.add(p.strip());
                    }
                }
            }
        }
        return subprotocols;
    }

    /** The request the replay makes: the recorded one, with what the options change. */
    public static ConnectRequest request(Conversation recording, Options options) {
        boolean deflate = recording.requestHeaders().stream().anyMatch(h -> h.is("Sec-WebSocket-Extensions")
                && h.value().toLowerCase(Locale.ROOT).contains("permessage-deflate"));
        WsUrl target = options.url() != null ? options.url() : WsUrl.parse(recording.url());
        List<Header> headers = options.headers() != null ? options.headers() : recordedHeaders(recording);
        List<String> subprotocols = options.subprotocols() != null ? options.subprotocols() : recordedSubprotocols(recording);
        return new ConnectRequest(target, headers, subprotocols, ConnectRequest.DEFAULT_TIMEOUT, options.trust())
                .withDeflate(deflate);
    }

    /**
     * Replays and waits for the end; {@code events} hears the new connection's events as they come
     * (on the channel's threads).
     */
    public Result run(Conversation recording, Options options, Consumer<SessionEvent> events) throws InterruptedException {
        ConnectRequest request = request(recording, options);
        long id = app.registry().newConnectionId();
        ReplayWatch watch = new ReplayWatch(id, events);
        int sent = 0;
        try (AutoCloseable subscription = app.registry().subscribe(watch)) {
            Connection connection = app.connections().open(id, request, Origin.REPLAY, options.into());
            SessionEvent first = watch.awaitOpenOrEnd(request.timeout().plusSeconds(5));
            if (first instanceof SessionEvent.Opened) {
                sent = sendAll(connection, recording, options, watch);
                finish(connection, recording, options, watch);
            } else if (first == null) {
                connection.abort();
                watch.awaitEnd(Duration.ofSeconds(2));
            }
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("the replay's subscription could not be closed", e);
        }
        StoredConnection stored = storedAs(id);
        if (stored != null) {
            link(stored, recording);
        }
        return new Result(stored, watch.received(), sent, watch.end());
    }

    private static int sendAll(Connection connection, Conversation recording, Options options, ReplayWatch watch)
            throws InterruptedException {
        long openedNanos = watch.openedNanos();
        int sent = 0;
        for (ReplayStep step : recording.steps()) {
            if (options.noWait()) {
                watch.awaitAnswers(step.answersBefore(), options.quiet());
            } else {
                long due = openedNanos + (long) (step.atMicros() * 1000 / options.speed());
                watch.awaitEndUntil(due);
            }
            if (watch.ended()) {
                break;
            }
            try {
                Message m = step.message();
                if (m.opcode() == Opcode.TEXT && m.invalidUtf8At() < 0) {
                    connection.sendText(m.text());
                } else {
                    // Text that is not valid UTF-8 cannot go as text through the client; its bytes go as binary.
                    connection.sendBinary(m.payload());
                }
                sent++;
            } catch (IllegalStateException e) {
                break; // the server closed meanwhile: the watch has its close
            }
        }
        return sent;
    }

    /** Waits for the answers still to come, then ends as the recording ended. */
    private static void finish(Connection connection, Conversation recording, Options options, ReplayWatch watch)
            throws InterruptedException {
        if (!options.noWait()) {
            long openedNanos = watch.openedNanos();
            watch.awaitEndUntil(openedNanos + (long) (recording.lengthMicros() * 1000 / options.speed()));
        }
        watch.awaitAnswers(recording.received().size(), options.quiet());
        if (recording.closedByServer().isPresent() && !watch.ended()) {
            watch.awaitEnd(options.quiet());
        }
        if (!watch.ended()) {
            SessionEvent.Closed recorded = recording.closedByClient().orElse(null);
            int code = recorded != null && recorded.code() != 1005 ? recorded.code() : 1000;
            try {
                connection.close(code, recorded != null ? recorded.reason() : "");
            } catch (RuntimeException e) {
                connection.abort();
            }
            if (!watch.awaitEnd(Duration.ofSeconds(3))) {
                connection.abort();
                watch.awaitEnd(Duration.ofSeconds(1));
            }
        }
    }

    private StoredConnection storedAs(long id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline && app.recording().problem().isEmpty()) {
            Optional<StoredConnection> stored = app.queries().storedAs(id);
            if (stored.isPresent()) {
                return stored.get();
            }
            Thread.sleep(20);
        }
        return null;
    }

    /** Adds a line to the session's notes naming what was replayed: the link back to the original. */
    private void link(StoredConnection stored, Conversation recording) {
        String line = "Connection " + stored.id() + " replays connection " + recording.connection().id() + " of session "
                + recording.connection().session() + " (" + recording.url() + "), " + Instant.now().toString().substring(0, 19)
                + "Z";
        try {
            String notes = app.sessions().sessions().stream().filter(s -> s.name().equals(stored.session()))
                    .map(s -> s.notes() == null ? "" : s.notes()).findFirst().orElse("");
            app.sessions().setNotes(stored.session(), notes.isBlank() ? line : notes + "\n" + line);
        } catch (UserFacingException e) {
            // The notes are a courtesy; the replay itself is recorded either way.
        }
    }
}
