package dev.sockscope.ui.sessions;

import atlantafx.base.theme.Styles;
import dev.sockscope.app.SessionCatalog;
import dev.sockscope.app.Transfers;
import dev.sockscope.app.UserFacingException;
import dev.sockscope.app.Retention;
import dev.sockscope.core.Clock;
import dev.sockscope.core.ImportResult;
import dev.sockscope.core.SessionSummary;
import dev.sockscope.ui.common.Icons;
import dev.sockscope.ui.fx.Background;
import java.io.File;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.scene.control.MenuButton;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.feather.Feather;

/**
 * The sessions menu in the header: start a new named session, record into another, export the
 * current one (HAR or JSON Lines) and import a file as a session. Listing, exporting and
 * importing run on the background executor; results are reported through {@code activity}.
 */
public final class SessionMenu extends MenuButton {
    private final SessionCatalog catalog;
    private final Transfers transfers;
    private final Background background;
    private final Runnable sessionChanged;
    private final Consumer<String> activity;
    private final Consumer<String> openRecorded;
    private final ObjectProperty<Retention> retention;

    /**
     * @param openRecorded opens a session read-only, as recorded
     * @param retention the standing retention rule (saved with the settings)
     */
    public SessionMenu(SessionCatalog catalog, Transfers transfers, Background background, Runnable sessionChanged,
            Consumer<String> activity, Consumer<String> openRecorded, ObjectProperty<Retention> retention) {
        super("Sessions", Icons.of(Feather.LAYERS, 14));
        this.catalog = catalog;
        this.transfers = transfers;
        this.background = background;
        this.sessionChanged = sessionChanged;
        this.activity = activity;
        this.openRecorded = openRecorded;
        this.retention = retention;
        setId("sessionMenu");
        getStyleClass().addAll(Styles.FLAT);
        setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        setTooltip(new Tooltip("Sessions: start a new one, reopen one as recorded, export, import"));
        setOnShowing(e -> fill(this));
    }


    private void fill(MenuButton menu) {
        MenuItem fresh = new MenuItem("New session…", Icons.of(Feather.PLUS, 13));
        fresh.setOnAction(e -> {
            TextInputDialog ask = new TextInputDialog();
            ask.initOwner(getScene().getWindow());
            ask.setTitle("New session");
            ask.setHeaderText("Connections opened from now on are recorded into a new session.\nConnections open now"
                    + " keep recording into \u201c" + catalog.currentSession() + "\u201d until they close.");
            ask.setContentText("Name:");
            ask.showAndWait().map(String::strip).filter(n -> !n.isEmpty()).ifPresent(this::switchSession);
        });
        MenuItem export = new MenuItem("Export current session…",
                Icons.of(Feather.DOWNLOAD, 13));
        export.setOnAction(e -> exportSession(catalog.currentSession()));
        MenuItem load = new MenuItem("Import HAR or JSON Lines…", Icons.of(Feather.UPLOAD, 13));
        load.setOnAction(e -> importFile());
        MenuItem rename = new MenuItem("Rename current session…", Icons.of(Feather.EDIT_2, 13));
        rename.setOnAction(e -> ask("Rename session", "New name for \u201c" + catalog.currentSession() + "\u201d:",
                catalog.currentSession(), name -> inBackground(() -> {
                    catalog.renameSession(catalog.currentSession(), name);
                    return "Renamed to \u201c" + name + "\u201d";
                })));
        MenuItem notes = new MenuItem("Notes for the current session…", Icons.of(Feather.FILE_TEXT, 13));
        notes.setOnAction(e -> ask("Session notes", "Notes (for the bug report):", "", text -> inBackground(() -> {
            catalog.setNotes(catalog.currentSession(), text);
            return "Notes saved";
        })));
        MenuItem delete = new MenuItem("Delete a session…", Icons.of(Feather.TRASH_2, 13));
        delete.setOnAction(e -> confirmDelete());
        MenuItem cleanUp = new MenuItem("Retention: " + retention.get().describe() + "…", Icons.of(Feather.CLOCK, 13));
        cleanUp.setOnAction(e -> RetentionDialog.ask(getScene().getWindow(), retention.get()).ifPresent(rule -> {
            retention.set(rule);
            reviewRetention(rule, true);
        }));
        menu.getItems().setAll(fresh, export, load, rename, notes, delete, cleanUp, new SeparatorMenuItem());
        background.run(control -> catalog.sessions(), found -> {
            for (SessionSummary summary : found) {
                String name = summary.name();
                Menu item = new Menu((name.equals(catalog.currentSession()) ? "\u2713 " : "    ") + name + "   "
                        + describe(summary));
                MenuItem open = new MenuItem("Open read-only (as recorded)", Icons.of(Feather.ARCHIVE, 13));
                open.setOnAction(e -> openRecorded.accept(name));
                MenuItem record = new MenuItem("Record new connections into it", Icons.of(Feather.CIRCLE, 13));
                record.setOnAction(e -> switchSession(name));
                item.getItems().setAll(open, record);
                menu.getItems().add(item);
            }
        }, failed -> showActivity("Cannot list sessions: " + failed.getMessage()));
    }

    /** "3 connections · 1,204 messages · 88 KiB · last 12-02 14:03": what a session holds, to tell them apart. */
    static String describe(SessionSummary s) {
        String last = s.lastMicros() > 0 ? " \u00b7 last " + LAST.format(java.time.Instant.ofEpochMilli(s.lastMicros() / 1000)) : "";
        return String.format(Locale.ROOT, "%,d connection%s \u00b7 %,d messages \u00b7 %s%s", s.connections(),
                s.connections() == 1 ? "" : "s", s.frames(), dev.sockscope.core.Bytes.humanSize(s.bytes()), last);
    }

    private static final java.time.format.DateTimeFormatter LAST = java.time.format.DateTimeFormatter
            .ofPattern("MM-dd HH:mm", Locale.ROOT).withZone(java.time.ZoneId.systemDefault());

    /** Asks where, then exports on the background executor with a progress dialog. */
    private void exportSession(String session) {
        ExportDialog.run(getScene().getWindow(), "session \u201c" + session + "\u201d", session,
                () -> catalog.sessions().stream().filter(s -> s.name().equals(session))
                        .mapToLong(SessionSummary::frames).findFirst().orElse(-1),
                background, (format, file, progress) -> transfers.export(session, format, file, progress));
    }

    private void importFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import a HAR or JSON Lines file as a session");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("HAR or JSON Lines", "*.har", "*.jsonl",
                "*.json"), new FileChooser.ExtensionFilter("All files", "*"));
        File file = chooser.showOpenDialog(getScene().getWindow());
        if (file == null) {
            return;
        }
        runImport(file, file.getName().replaceFirst("\\.[^.]+$", ""), false);
    }

    /**
     * Imports a file the user opened from outside (a file manager, the command line) as a session
     * named after it and shows that session; a file imported before is not imported twice, its
     * session is shown.
     */
    public void importAndShow(File file) {
        String session = file.getName().replaceFirst("\\.[^.]+$", "");
        showActivity("Importing " + file.getName() + "…");
        background.run(control -> transfers.importFile(file.toPath(), session, false), result -> {
            showActivity(result.skipped() ? file.getName() + " was imported before: showing session \u201c" + session + "\u201d"
                    : String.format(Locale.ROOT, "Imported %,d messages as session \u201c%s\u201d", result.messages(), session));
            openRecorded.accept(session);
        }, failed -> showActivity("Import failed: " + String.valueOf(failed.getMessage()).lines().findFirst().orElse("")));
    }

    private void runImport(File file, String session, boolean again) {
        showActivity("Importing " + file.getName() + "…");
        background.run(control -> transfers.importFile(file.toPath(), session, again),
                result -> {
                    if (result.skipped()) {
                        offerToImportAgain(file, session, result.earlier());
                    } else {
                        showActivity(String.format(Locale.ROOT, "Imported %,d messages as session \u201c%s\u201d",
                                result.messages(), session));
                    }
                },
                failed -> showActivity("Import failed: " + String.valueOf(failed.getMessage()).lines().findFirst().orElse("")));
    }

    /** The same file is in that session already: importing it twice would double every message. */
    private void offerToImportAgain(File file, String session, ImportResult.Earlier earlier) {
        showActivity(file.getName() + " is already in session \u201c" + session + "\u201d: not imported again");
        javafx.scene.control.Alert again = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
                String.format(Locale.ROOT, "It was imported on %s from %s (%,d messages). Importing it again adds"
                        + " every message a second time.", Clock.toInstant(earlier.importedMicros()), earlier.fileName(),
                        earlier.messages()), javafx.scene.control.ButtonType.CANCEL, javafx.scene.control.ButtonType.OK);
        again.initOwner(getScene().getWindow());
        again.setHeaderText(file.getName() + " is already in \u201c" + session + "\u201d");
        ((javafx.scene.control.Button) again.getDialogPane().lookupButton(javafx.scene.control.ButtonType.OK))
                .setText("Import again");
        again.showAndWait().filter(javafx.scene.control.ButtonType.OK::equals).ifPresent(ok -> runImport(file, session, true));
    }

    private void ask(String title, String prompt, String initial, Consumer<String> then) {
        TextInputDialog dialog = new TextInputDialog(initial);
        dialog.initOwner(getScene().getWindow());
        dialog.setTitle(title);
        dialog.setHeaderText(null);
        dialog.setContentText(prompt);
        dialog.showAndWait().map(String::strip).filter(t -> !t.isEmpty()).ifPresent(then);
    }

    /** Lists sessions with what deleting each would remove, then asks once more. */
    private void confirmDelete() {
        background.run(control -> catalog.sessions(), this::chooseAndDelete,
                failed -> showActivity("Cannot list sessions: " + failed.getMessage()));
    }

    private void chooseAndDelete(List<SessionSummary> sessions) {
        if (sessions.isEmpty()) {
            showActivity("No sessions recorded yet");
            return;
        }
        List<String> labels = sessions.stream().map(s -> String.format(Locale.ROOT, "%s  (%,d connections%s, %,d messages)",
                s.name(), s.connections(), s.failed() == 0 ? "" : String.format(Locale.ROOT, ", %,d failed", s.failed()),
                s.frames())).toList();
        javafx.scene.control.ChoiceDialog<String> choose = new javafx.scene.control.ChoiceDialog<>(labels.get(0), labels);
        choose.initOwner(getScene().getWindow());
        choose.setTitle("Delete a session");
        choose.setHeaderText("Deleting a session removes its connections and messages from the database.");
        choose.setContentText("Session:");
        choose.showAndWait().ifPresent(label -> {
            SessionSummary target = sessions.get(labels.indexOf(label));
            javafx.scene.control.Alert sure = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
                    String.format(Locale.ROOT, "%,d connections and %,d messages will be removed. This cannot be undone.",
                            target.connections(), target.frames()));
            sure.initOwner(getScene().getWindow());
            sure.setHeaderText("Delete \u201c" + target.name() + "\u201d?");
            sure.showAndWait().filter(javafx.scene.control.ButtonType.OK::equals).ifPresent(ok -> inBackground(() -> {
                catalog.deleteSession(target.name());
                return "Deleted \u201c" + target.name() + "\u201d";
            }));
        });
    }

    /**
     * Shows what a retention rule would remove, and removes it only when the user agrees.
     *
     * @param sayWhenNothing report "nothing to remove" (when the user just set the rule)
     */
    public void reviewRetention(Retention rule, boolean sayWhenNothing) {
        if (rule.isOff()) {
            return;
        }
        background.run(control -> catalog.beyond(rule), beyond -> confirmCleanUp(beyond, rule, sayWhenNothing),
                failed -> showActivity("Cannot apply the retention rule: " + failed.getMessage()));
    }

    private void confirmCleanUp(List<SessionSummary> beyond, Retention rule, boolean sayWhenNothing) {
        if (beyond.isEmpty()) {
            if (sayWhenNothing) {
                showActivity("Retention (" + rule.describe() + "): nothing to remove");
            }
            return;
        }
        long messages = beyond.stream().mapToLong(SessionSummary::frames).sum();
        long bytes = beyond.stream().mapToLong(SessionSummary::bytes).sum();
        String names = String.join(", ", beyond.stream().map(SessionSummary::name).limit(12).toList())
                + (beyond.size() > 12 ? ", …" : "");
        javafx.scene.control.Alert sure = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
                String.format(Locale.ROOT, "%d session%s with %,d messages (%s) will be removed: %s", beyond.size(),
                        beyond.size() == 1 ? "" : "s", messages, dev.sockscope.core.Bytes.humanSize(bytes), names));
        sure.initOwner(getScene().getWindow());
        sure.setHeaderText("Remove what is beyond your retention rule (" + rule.describe() + ")?");
        sure.showAndWait().filter(javafx.scene.control.ButtonType.OK::equals).ifPresent(ok -> inBackground(() -> {
            int removed = 0;
            String kept = "";
            for (SessionSummary s : beyond) {
                try {
                    catalog.deleteSession(s.name());
                    removed++;
                } catch (RuntimeException stillRecording) {
                    kept = "; kept " + stillRecording.getMessage();
                }
            }
            return String.format(Locale.ROOT, "Removed %d session%s", removed, removed == 1 ? "" : "s") + kept;
        }));
    }

    /** Runs a store change off the FX thread and reports its outcome in the header. */
    private void inBackground(java.util.function.Supplier<String> change) {
        background.run(control -> change.get(), message -> {
            sessionChanged.run();
            showActivity(message);
        }, failed -> {
            sessionChanged.run();
            showActivity(String.valueOf(failed.getMessage()));
        });
    }

    private void switchSession(String name) {
        try {
            catalog.useSession(name);
        } catch (UserFacingException badName) {
            showActivity(badName.getMessage());
            return;
        }
        sessionChanged.run();
    }

    private void showActivity(String text) {
        activity.accept(text);
    }
}
