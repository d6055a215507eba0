package dev.sockscope.ui.sessions;

import dev.sockscope.app.Transfers;
import dev.sockscope.ui.fx.Background;
import dev.sockscope.ui.fx.TaskSlot;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Asks where to export (HAR or JSON Lines), then writes on the background executor while a
 * dialog shows the progress; Cancel stops the export and leaves no partial file.
 */
public final class ExportDialog {
    /** Writes the export; calls {@code progress} with the messages written so far. */
    public interface Job {
        int write(Transfers.Format format, Path file, LongConsumer progress) throws IOException;
    }

    private ExportDialog() {
    }

    /**
     * @param expected how many messages the export will hold, or -1 when unknown (a search);
     *     asked on the background executor, so it may query the store
     */
    public static void run(Window owner, String what, String fileName, LongSupplier expected, Background background, Job job) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export " + what);
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("HAR (opens in browser devtools)", "*.har"),
                new FileChooser.ExtensionFilter("JSON Lines", "*.jsonl"));
        chooser.setInitialFileName(fileName.replaceAll("[\\\\/:*?\"<>|]", "_") + ".har");
        File file = chooser.showSaveDialog(owner);
        if (file == null) {
            return;
        }
        Transfers.Format format = file.getName().endsWith(".jsonl")
                || chooser.getSelectedExtensionFilter() != null && chooser.getSelectedExtensionFilter().getDescription().startsWith("JSON")
                ? Transfers.Format.JSONL : Transfers.Format.HAR;
        start(owner, what, file.toPath(), format, expected, background, job);
    }

    static void start(Window owner, String what, Path file, Transfers.Format format, LongSupplier expectedCount,
            Background background, Job job) {
        ProgressBar bar = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
        bar.setPrefWidth(360);
        Label count = new Label("Starting…");
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Export");
        dialog.setHeaderText("Exporting " + what + " to " + file.getFileName());
        VBox content = new VBox(8, bar, count);
        content.setPadding(new Insets(4, 0, 0, 0));
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CANCEL);
        Button cancel = (Button) dialog.getDialogPane().lookupButton(ButtonType.CANCEL);
        AtomicLong expected = new AtomicLong(-1);
        TaskSlot export = background.slot();
        AtomicBoolean finished = new AtomicBoolean();
        dialog.setOnCloseRequest(e -> {
            if (!finished.get()) {
                // Cancelled: the export stops at its next message and leaves no file.
                export.cancel();
            }
        });
        dialog.show();
        export.submit(control -> {
            expected.set(expectedCount.getAsLong());
            return job.write(format, file, n -> {
                control.checkCancelled();
                control.progress(n);
            });
        }, total -> done(finished, bar, count, cancel, String.format(Locale.ROOT, "Exported %,d messages to %s", total, file)),
                failed -> done(finished, bar, count, cancel, "Export failed: " + failed.getMessage()),
                n -> {
                    long of = expected.get();
                    count.setText(of > 0 ? String.format(Locale.ROOT, "%,d of %,d messages", n, of)
                            : String.format(Locale.ROOT, "%,d messages", n));
                    if (of > 0) {
                        bar.setProgress(Math.min(1.0, (double) n / of));
                    }
                });
    }

    private static void done(AtomicBoolean finished, ProgressBar bar, Label count, Button cancel, String message) {
        finished.set(true);
        bar.setProgress(1);
        count.setText(message);
        cancel.setText("Close");
    }
}
