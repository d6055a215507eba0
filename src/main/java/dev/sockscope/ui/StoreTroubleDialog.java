package dev.sockscope.ui;

import dev.sockscope.app.RecordingStore;
import dev.sockscope.ui.fx.Background;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At start-up, when the database cannot be opened, says so and offers the way on: browse a
 * read-only snapshot while another Sockscope records, or keep a damaged file aside and start a
 * fresh one. Never deletes anything. The chosen action runs on the background executor.
 */
final class StoreTroubleDialog {
    private static final Logger LOG = LoggerFactory.getLogger(StoreTroubleDialog.class);

    private StoreTroubleDialog() {
    }

    static void offer(Window owner, RecordingStore recording, Background background, Runnable recovered) {
        Optional<RecordingStore.Trouble> trouble = recording.trouble();
        if (trouble.isEmpty() || trouble.get() == RecordingStore.Trouble.OTHER) {
            return;
        }
        boolean locked = trouble.get() == RecordingStore.Trouble.LOCKED;
        ButtonType act = new ButtonType(locked ? "Browse read-only" : "Keep it aside and start fresh", ButtonBar.ButtonData.OK_DONE);
        ButtonType skip = new ButtonType("Continue without recording", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.WARNING, recording.problem().orElse(""), act, skip);
        alert.initOwner(owner);
        alert.setTitle("Sockscope");
        alert.setHeaderText(locked ? "Another Sockscope is recording into this data directory"
                : "The recording database cannot be read");
        alert.setContentText(recording.problem().orElse("") + "\n\n" + (locked
                ? "You can browse a read-only copy of its sessions here, or continue without recording."
                : "The damaged file will be renamed and kept, never deleted; a new database starts empty."));
        alert.showAndWait().filter(act::equals).ifPresent(choice -> background.run(control -> {
            if (locked) {
                recording.openReadOnly();
            } else {
                Path kept = recording.startFresh();
                LOG.info("kept the damaged database as {}", kept);
            }
            return null;
        }, done -> recovered.run(), failed -> {
            LOG.warn("could not recover the database", failed);
            recovered.run();
        }));
    }
}
