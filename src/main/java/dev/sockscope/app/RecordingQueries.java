package dev.sockscope.app;

import dev.sockscope.core.HttpExchange;
import dev.sockscope.core.RecordedConnection;
import dev.sockscope.core.RecordedFrame;
import dev.sockscope.core.SearchQuery;
import dev.sockscope.store.FrameQueries;
import dev.sockscope.store.HttpExchanges;
import dev.sockscope.store.RecordedConnections;
import dev.sockscope.store.Recorder;
import dev.sockscope.store.SessionExport;
import dev.sockscope.store.StoreException;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reading the recording back: a session's connections, a connection's frames a page at a time,
 * searches, and where a live connection is recorded. Every call touches the database: call them
 * off the FX thread.
 */
public final class RecordingQueries {

    private final RecordingStore store;

    RecordingQueries(RecordingStore store) {
        this.store = store;
    }

    /** A session's connections as recorded, oldest first, to reopen it read-only. */
    public List<RecordedConnection> connectionsOf(String session) {
        return StoreCalls.call(() -> new RecordedConnections(store.database()).of(session));
    }

    /** The plain HTTP requests the proxy relayed in a session (not WebSocket upgrades), oldest first. */
    public List<HttpExchange> httpRequestsOf(String session) {
        return StoreCalls.call(() -> new HttpExchanges(store.database()).of(session));
    }

    /**
     * A page of one recorded connection: up to {@code count} wire frames from position
     * {@code fromSeq}, each with the message it completes. Returns how many were read.
     */
    public int framesOf(long connectionId, int fromSeq, int count, Consumer<RecordedFrame> sink) {
        int last = (int) Math.min(Integer.MAX_VALUE, (long) fromSeq + count - 1);
        FrameQueries frames = StoreCalls.call(() -> new FrameQueries(store.database()));
        int read = StoreCalls.call(() -> frames.byConnection(connectionId, fromSeq, last, sink));
        StoreCalls.reportDamage(frames.damaged(), read + " frames read");
        return read;
    }

    /** Streams the recorded messages a query matches to {@code sink}; returns the count. */
    public int search(SearchQuery query, Consumer<RecordedFrame> sink) {
        FrameQueries frames = StoreCalls.call(() -> new FrameQueries(store.database()));
        int found = StoreCalls.call(() -> frames.search(query, sink));
        StoreCalls.reportDamage(frames.damaged(), found + " messages found");
        return found;
    }

    /** Like {@link #search}, writing each match as one JSON line (the JSON Lines export format) as it is found. */
    public int searchJsonLines(SearchQuery query, Writer out) throws IOException {
        SessionExport export = new SessionExport(store.database());
        int found;
        try {
            found = export.searchJsonLines(query, out);
        } catch (StoreException e) {
            throw new UserFacingException(UserFacingException.Kind.FAILURE, e.getMessage(), e);
        }
        StoreCalls.reportDamage(export.damaged(), found + " messages found");
        return found;
    }

    /** Where a live connection of this app is recorded (session and id), once its start is written. */
    public Optional<StoredConnection> storedAs(long liveConnectionId) {
        Recorder r = store.recorder();
        return r == null ? Optional.empty() : r.storedAs(liveConnectionId).map(s -> new StoredConnection(s.session(), s.id()));
    }

    /**
     * True while a recorded connection is still open and being recorded by this app (a tab that
     * stayed open across a session switch), as opposed to one whose recording stopped while it was
     * open (the app ended). No database call: safe on the FX thread.
     */
    public boolean isRecordingNow(long recordedConnectionId) {
        Recorder r = store.recorder();
        return r != null && r.isRecording(recordedConnectionId);
    }

    /** Frames the recorder has written in this process. */
    public long recordedFrames() {
        Recorder r = store.recorder();
        return r == null ? 0 : r.recordedFrames();
    }
}
