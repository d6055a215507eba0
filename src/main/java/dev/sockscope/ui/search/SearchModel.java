package dev.sockscope.ui.search;

import dev.sockscope.app.RecordingQueries;
import dev.sockscope.core.RecordedFrame;
import dev.sockscope.core.SearchQuery;
import dev.sockscope.ui.fx.Background;
import dev.sockscope.ui.fx.TaskSlot;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Runs a search in the background and shows results while it is still working: found messages
 * are queued by the search thread and moved into the list once per pulse. A new search or
 * {@link #cancel()} stops the running one; only the latest search's results and outcome show.
 */
public final class SearchModel {
    /** More results than this are counted but not listed: a list is for reading, not for a million rows. */
    static final int SHOWN_LIMIT = 10_000;

    private final RecordingQueries queries;
    private final TaskSlot searching;
    private final ObservableList<RecordedFrame> results = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Search every recorded message.");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private ConcurrentLinkedQueue<RecordedFrame> found = new ConcurrentLinkedQueue<>();
    private final Runnable stopPulse;
    private int total;
    private SearchQuery lastQuery;

    public SearchModel(RecordingQueries queries, Background background) {
        this.queries = queries;
        this.searching = background.slot();
        this.stopPulse = background.ui().onPulse(this::drain);
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
        ConcurrentLinkedQueue<RecordedFrame> queue = new ConcurrentLinkedQueue<>();
        found = queue;
        total = 0;
        running.set(true);
        status.set("Searching…");
        searching.submit(control -> queries.search(query, frame -> {
            control.checkCancelled();
            queue.add(frame);
        }), count -> finished(count == 0 ? "No message matches." : null),
                failed -> finished("Search failed: " + failed.getMessage()));
    }

    private void finished(String outcome) {
        drain();
        running.set(false);
        status.set(outcome != null ? outcome : summary());
    }

    public void cancel() {
        if (running.get()) {
            running.set(false);
            status.set("Search cancelled.");
        }
        searching.cancel();
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
            if (running.get()) {
                status.set(summary() + " so far…");
            }
        }
    }

    private String summary() {
        return String.format(Locale.ROOT, "%,d %s", total, total == 1 ? "match" : "matches")
                + (total > SHOWN_LIMIT ? String.format(Locale.ROOT, " (showing the first %,d)", SHOWN_LIMIT) : "");
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
}
