package dev.sockscope.ui;

import atlantafx.base.theme.Styles;
import dev.sockscope.app.RecordingStore;
import dev.sockscope.app.SessionCatalog;
import dev.sockscope.ui.common.Icons;
import javafx.animation.PauseTransition;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;

/**
 * The header's word on the recording (node id {@code recordingStatus}): opening, recording into
 * which session, not recording and why, or stopped; and for a few seconds, what an export or import
 * did. FX thread only; it reads state, never the database.
 */
final class RecordingStatusLabel extends Label {
    private final RecordingStore recording;
    private final SessionCatalog sessions;

    RecordingStatusLabel(RecordingStore recording, SessionCatalog sessions) {
        this.recording = recording;
        this.sessions = sessions;
        setId("recordingStatus");
        getStyleClass().add(Styles.TEXT_SMALL);
        setMaxWidth(520);
        setMinWidth(60);
        refresh();
    }

    /** A short-lived note about an export or import; the recording's state comes back after it. */
    void showActivity(String text) {
        setText(text);
        PauseTransition back = new PauseTransition(Duration.seconds(6));
        back.setOnFinished(e -> refresh());
        back.playFromStart();
    }

    /** Says what the recording does now. */
    void refresh() {
        var problem = recording.problem();
        var stopped = recording.stoppedBecause();
        getStyleClass().removeAll(Styles.WARNING, Styles.DANGER, Styles.TEXT_MUTED);
        setTooltip(null);
        if (recording.isOpening()) {
            show("Opening the recording\u2026", Feather.DATABASE, Styles.TEXT_MUTED);
            setTooltip(new Tooltip("Connections made meanwhile are recorded once it is open."));
        } else if (stopped.isPresent()) {
            show("Recording stopped: " + stopped.get(), Feather.ALERT_OCTAGON, Styles.DANGER);
            setTooltip(new Tooltip("Nothing is recorded since then. Restart Sockscope once the cause is fixed."));
        } else if (problem.isPresent()) {
            show("Not recording: " + problem.get(), Feather.ALERT_TRIANGLE, Styles.WARNING);
        } else {
            show("Recording into session \u201c" + sessions.currentSession() + "\u201d", Feather.DATABASE, Styles.TEXT_MUTED);
        }
    }

    private void show(String text, Feather icon, String style) {
        setText(text);
        setGraphic(Icons.of(icon, 13));
        getStyleClass().add(style);
    }
}
