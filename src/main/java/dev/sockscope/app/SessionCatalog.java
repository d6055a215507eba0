package dev.sockscope.app;

import dev.sockscope.core.SessionSummary;
import dev.sockscope.store.Sessions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The recorded sessions: which one new tab connections go into, and listing, renaming, noting and
 * deleting them. Every call but {@link #currentSession()} touches the database: call them off the
 * FX thread.
 */
public final class SessionCatalog {
    private final RecordingStore store;
    private volatile String current = "default";

    SessionCatalog(RecordingStore store) {
        this.store = store;
    }

    /** The session connections opened from the window are recorded into. */
    public String currentSession() {
        return current;
    }

    /** Tabs connect into this session from now on (checked: a name the recording can keep). */
    public void useSession(String name) {
        current = SessionNames.check(name);
    }

    /** Every session with its counts. */
    public List<SessionSummary> sessions() {
        return StoreCalls.call(() -> new Sessions(store.database()).list());
    }

    /** Renames a session; the current session follows its new name. */
    public void renameSession(String from, String to) {
        String name = SessionNames.check(to);
        store.checkWritable();
        asUserError(() -> new Sessions(store.database()).rename(from, name));
        if (current.equals(from)) {
            current = name;
        }
    }

    public void setNotes(String session, String notes) {
        store.checkWritable();
        asUserError(() -> new Sessions(store.database()).setNotes(session, notes));
    }

    /** Deletes a session and everything recorded in it; refused while a connection still records into it. */
    public void deleteSession(String name) {
        store.checkWritable();
        asUserError(() -> new Sessions(store.database()).delete(name));
    }

    /**
     * The sessions a retention rule would remove, oldest first: those idle for longer than its
     * age, then the oldest others while the rest holds more than its size. Never the current
     * session. Shown to the user before anything goes.
     */
    public List<SessionSummary> beyond(Retention rule) {
        List<SessionSummary> all = new ArrayList<>(sessions());
        all.sort(Comparator.comparingLong(SessionSummary::lastMicros));
        long cutoff = (System.currentTimeMillis() - rule.maxAgeDays() * 86_400_000L) * 1000;
        long total = all.stream().mapToLong(SessionSummary::bytes).sum();
        long limit = rule.maxMegabytes() * 1024 * 1024;
        List<SessionSummary> out = new ArrayList<>();
        for (SessionSummary s : all) {
            if (s.name().equals(current)) {
                continue;
            }
            boolean tooOld = rule.maxAgeDays() > 0 && s.lastMicros() < cutoff;
            boolean tooBig = rule.maxMegabytes() > 0 && total > limit;
            if (tooOld || tooBig) {
                out.add(s);
                total -= s.bytes();
            }
        }
        return out;
    }

    /** The store says "no such session" and "name taken" as IllegalArgumentException: they are the user's to fix. */
    private static void asUserError(Runnable change) {
        StoreCalls.call(() -> {
            try {
                change.run();
            } catch (IllegalArgumentException e) {
                throw UserFacingException.failure(e.getMessage());
            }
            return null;
        });
    }
}
