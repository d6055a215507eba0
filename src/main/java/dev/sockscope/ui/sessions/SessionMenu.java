package dev.sockscope.ui.sessions;

import atlantafx.base.theme.Styles;
import dev.sockscope.app.AppContext;
import dev.sockscope.app.Recording;
import dev.sockscope.core.SessionSummary;
import dev.sockscope.ui.common.Icons;
import dev.sockscope.ui.fx.FxThread;
import java.io.File;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.scene.control.MenuButton;
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
    private final AppContext app;
    private final Runnable sessionChanged;
    private final Consumer<String> activity;

    public SessionMenu(AppContext app, Runnable sessionChanged, Consumer<String> activity) {
        super(null, Icons.of(Feather.LAYERS, 14));
        this.app = app;
        this.sessionChanged = sessionChanged;
        this.activity = activity;
        setId("sessionMenu");
        getStyleClass().addAll(Styles.FLAT, Styles.BUTTON_ICON);
        setTooltip(new Tooltip("Sessions: start a new one, record into another, export, import"));
        setOnShowing(e -> fill(this));
    }


    private void fill(MenuButton menu) {
        MenuItem fresh = new MenuItem("New session…", Icons.of(Feather.PLUS, 13));
        fresh.setOnAction(e -> {
            TextInputDialog ask = new TextInputDialog();
            ask.initOwner(getScene().getWindow());
            ask.setTitle("New session");
            ask.setHeaderText("Connections opened from now on are recorded into a new session.");
            ask.setContentText("Name:");
            ask.showAndWait().map(String::strip).filter(n -> !n.isEmpty()).ifPresent(this::switchSession);
        });
        MenuItem export = new MenuItem("Export current session…",
                Icons.of(Feather.DOWNLOAD, 13));
        export.setOnAction(e -> exportSession(app.recording().currentSession()));
        MenuItem load = new MenuItem("Import HAR or JSON Lines…", Icons.of(Feather.UPLOAD, 13));
        load.setOnAction(e -> importFile());
        menu.getItems().setAll(fresh, export, load, new SeparatorMenuItem());
        app.background().execute(() -> {
            List<String> names;
            try {
                names = app.recording().sessions().stream().map(SessionSummary::name).toList();
            } catch (RuntimeException ex) {
                names = List.of();
            }
            List<String> found = names;
            FxThread.run(() -> {
                for (String name : found) {
                    MenuItem item = new MenuItem(
                            (name.equals(app.recording().currentSession()) ? "\u2713 " : "    ") + name);
                    item.setOnAction(e -> switchSession(name));
                    menu.getItems().add(item);
                }
            });
        });
    }

    /** Asks where (a dialog on the FX thread), then exports on the background executor. */
    private void exportSession(String session) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export session " + session);
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("HAR (opens in browser devtools)", "*.har"),
                new FileChooser.ExtensionFilter("JSON Lines", "*.jsonl"));
        chooser.setInitialFileName(session + ".har");
        File file = chooser.showSaveDialog(getScene().getWindow());
        if (file == null) {
            return;
        }
        Recording.Format format = file.getName().endsWith(".jsonl")
                || chooser.getSelectedExtensionFilter() != null && chooser.getSelectedExtensionFilter().getDescription().startsWith("JSON")
                ? Recording.Format.JSONL : Recording.Format.HAR;
        showActivity("Exporting " + session + "…");
        app.background().execute(() -> {
            String result;
            try {
                int count = app.recording().export(session, format, file.toPath());
                result = String.format(Locale.ROOT, "Exported %,d messages to %s", count, file.getName());
            } catch (java.io.IOException | RuntimeException ex) {
                result = "Export failed: " + ex.getMessage();
            }
            String message = result;
            FxThread.run(() -> showActivity(message));
        });
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
        String session = file.getName().replaceFirst("\\.[^.]+$", "");
        showActivity("Importing " + file.getName() + "…");
        app.background().execute(() -> {
            String result;
            try {
                int count = app.recording().importFile(file.toPath(), session);
                result = String.format(Locale.ROOT, "Imported %,d messages as session \u201c%s\u201d", count, session);
            } catch (java.io.IOException | RuntimeException ex) {
                result = "Import failed: " + String.valueOf(ex.getMessage()).lines().findFirst().orElse("");
            }
            String message = result;
            FxThread.run(() -> showActivity(message));
        });
    }

    private void switchSession(String name) {
        app.recording().useSession(name);
        sessionChanged.run();
    }

    private void showActivity(String text) {
        activity.accept(text);
    }
}
