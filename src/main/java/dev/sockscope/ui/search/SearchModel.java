package dev.sockscope.ui.search;

import dev.sockscope.app.Recording;
import dev.sockscope.core.RecordedFrame;
import dev.sockscope.core.SearchQuery;
import dev.sockscope.ui.fx.FxThread;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Runs a search on the background executor and shows results while it is still working: found
 * frames are queued by the search thread and moved into the list once per pulse. A new search or
 * {@link #cancel()} stops the running one.
 */
public final class SearchModel {
    /** More results than this are counted but not listed: a list is for reading, not for a million rows. */
    static final int SHOWN_LIMIT = 10_000;

    private final Recording recording;
    private final Executor background;
    private final ObservableList<RecordedFrame> results = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Search every recorded message.");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ConcurrentLinkedQueue<RecordedFrame> found = new ConcurrentLinkedQueue<>();
    private final Runnable stopPulse;
    private AtomicBoolean cancelled = new AtomicBoolean();
    private long generation;
    private int total;
    private volatile boolean finished = true;
    private SearchQuery lastQuery;

    public SearchModel(Recording recording, Executor background) {
        this.recording = recording;
        this.background = background;
        this.stopPulse = FxThread.onPulse(this::drain);
    }

    /** Starts a search, stopping the one before. A bad regex is reported, not thrown. */
    public void search(String text, boolean regex, String session) {
        try {
            search(new SearchQuery(text, regex, session == null || session.isBlank() ? null : session, null, 0));
        } catch (java.util.regex.PatternSyntaxException e) {
            cancel();
            status.set("Invalid regex: " + e.getDescription());
        }
    }

    /** Reports a query the user could not be given (a bad filter), stopping the running search. */
    public void reject(String problem) {
        cancel();
        status.set(problem);
    }

    /** Starts a search, stopping the one before. */
    public void search(SearchQuery query) {
        cancel();
        lastQuery = query;
        results.clear();
        found.clear();
        total = 0;
        long current = ++generation;
        AtomicBoolean stop = new AtomicBoolean();
        cancelled = stop;
        finished = false;
        running.set(true);
        status.set("Searching…");
        background.execute(() -> {
            String outcome;
            try {
                int count = recording.search(query, frame -> {
                    if (stop.get()) {
                        throw new Stopped();
                    }
                    found.add(frame);
                });
                outcome = count == 0 ? "No message matches." : null;
            } catch (Stopped e) {
                outcome = "Search cancelled.";
            } catch (RuntimeException e) {
                outcome = "Search failed: " + e.getMessage();
            }
            String message = outcome;
            FxThread.run(() -> {
                if (current == generation) {
                    drain();
                    finished = true;
                    running.set(false);
                    status.set(message != null ? message : summary());
                }
            });
        });
    }

    public void cancel() {
        cancelled.set(true);
    }

    private void drain() {
        List<RecordedFrame> batch = new ArrayList<>();
        RecordedFrame next;
        while ((next = found.poll()) != null) {
            total++;
            if (results.size() + batch.size() < SHOWN_LIMIT) {
                batch.add(next);
            }
        }
        if (!batch.isEmpty()) {
            results.addAll(batch);
            if (!finished) {
                status.set(summary() + " so far…");
            }
        }
    }

    private String summary() {
        return String.format(java.util.Locale.ROOT, "%,d %s", total, total == 1 ? "match" : "matches")
                + (total > SHOWN_LIMIT ? String.format(java.util.Locale.ROOT, " (showing the first %,d)", SHOWN_LIMIT) : "");
    }

    /** The query of the latest search, or null before the first. */
    public SearchQuery lastQuery() {
        return lastQuery;
    }

    public ObservableList<RecordedFrame> results() {
        return results;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public void dispose() {
        cancel();
        stopPulse.run();
    }

    /** Unwinds the search thread when the user cancels. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }
}
