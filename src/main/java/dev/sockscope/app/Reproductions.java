package dev.sockscope.app;

import dev.sockscope.core.RecordedConnection;
import dev.sockscope.core.SessionSummary;
import dev.sockscope.replay.Conversation;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * What the window needs to turn a recorded connection into a reproduction: read it as a
 * conversation, replay it, serve it as a mock, and name the session the result goes in. Reading
 * and starting touch the database or the network: call them off the FX thread (a replay runs on a
 * thread of its own and says when it is done).
 */
public final class Reproductions {
    private final AppContext app;
    private final Conversations conversations;

    Reproductions(AppContext app) {
        this.app = app;
        this.conversations = new Conversations(app.queries(), app.sessions());
    }

    public Conversation conversation(RecordedConnection connection) {
        return conversations.read(connection);
    }

    public Conversation conversation(String session, Long connectionId) {
        return conversations.load(session, connectionId);
    }

    /** Every session's name, newest first. */
    public List<String> sessionNames() {
        return app.sessions().sessions().stream().map(SessionSummary::name).toList();
    }

    /** The connections of a session that opened, oldest first. */
    public List<RecordedConnection> openedIn(String session) {
        return conversations.openedIn(session);
    }

    /** "BASE 1", or the first "BASE N" no session has yet. */
    public String freeSessionName(String base) {
        Set<String> taken = new HashSet<>(sessionNames());
        String trimmed = base.length() > SessionNames.MAX_LENGTH - 8 ? base.substring(0, SessionNames.MAX_LENGTH - 8) : base;
        for (int n = 1;; n++) {
            if (!taken.contains(trimmed + " " + n)) {
                return trimmed + " " + n;
            }
        }
    }

    /** Starts a replay on a thread of its own; the future completes when it has ended. */
    public CompletableFuture<Replayer.Result> replay(Conversation recording, Replayer.Options options) {
        CompletableFuture<Replayer.Result> done = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                done.complete(new Replayer(app).run(recording, options, event -> { }));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                done.completeExceptionally(UserFacingException.failure("the replay was interrupted"));
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        }, "replay-" + recording.connection().id());
        t.setDaemon(true);
        t.start();
        return done;
    }

    /** Starts serving; see {@link MockService#start}. */
    public MockService.Running serve(Conversation recording, MockService.Options options, Consumer<String> notices) {
        return MockService.start(app, recording, options, notices);
    }
}
