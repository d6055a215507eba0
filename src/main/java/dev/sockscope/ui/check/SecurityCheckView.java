package dev.sockscope.ui.check;

import atlantafx.base.theme.Styles;
import dev.sockscope.app.EndpointCheck;
import dev.sockscope.core.CheckItem;
import dev.sockscope.core.CheckReport;
import dev.sockscope.ui.common.CopyButton;
import dev.sockscope.ui.common.Icons;
import dev.sockscope.ui.common.Labels;
import java.io.File;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.feather.Feather;

/**
 * The security check of a tab's endpoint (node id {@code securityCheckView}): run it, read each
 * item's verdict with its evidence and fix (in {@code #checkItems}), export or copy the report.
 */
public final class SecurityCheckView extends BorderPane {
    private final SecurityCheckModel model;
    private final VBox items = new VBox(10);

    public SecurityCheckView(SecurityCheckModel model) {
        this.model = model;
        setId("securityCheckView");
        getStyleClass().add("security-check");
        Label status = Labels.small("");
        status.setId("checkStatus");
        status.textProperty().bind(model.statusProperty());
        status.managedProperty().bind(status.textProperty().isNotEmpty());
        status.visibleProperty().bind(status.managedProperty());
        VBox top = new VBox(6, toolbar(), status);
        top.setPadding(new Insets(8, 10, 6, 10));
        setTop(top);
        items.setId("checkItems");
        items.setPadding(new Insets(4, 10, 10, 10));
        ScrollPane scroll = new ScrollPane(items);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        setCenter(scroll);
        model.reportProperty().addListener((obs, old, now) -> show(now));
        show(null);
    }

    public SecurityCheckModel model() {
        return model;
    }

    private HBox toolbar() {
        Button run = new Button("Run check", Icons.of(Feather.SHIELD));
        run.setId("runSecurityCheck");
        run.getStyleClass().add(Styles.ACCENT);
        run.setTooltip(new Tooltip("Probe this tab's URL with its headers, subprotocols and trust"));
        run.disableProperty().bind(model.runningProperty());
        run.setOnAction(e -> model.run());
        run.setMinWidth(Region.USE_PREF_SIZE);
        TextField size = new TextField();
        size.setId("checkMessageSize");
        size.setPromptText("message bytes (off)");
        size.setPrefColumnCount(12);
        size.setTooltip(new Tooltip("Bytes of one message to send, to see whether the server accepts it."
                + " Off when blank: it sends real traffic."));
        size.textProperty().bindBidirectional(model.messageSizeProperty());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Button markdown = exportButton("Markdown", "checkExportMarkdown", true);
        Button json = exportButton("JSON", "checkExportJson", false);
        Button copy = new Button(null, Icons.of(Feather.COPY));
        copy.setId("checkCopyMarkdown");
        copy.setTooltip(new Tooltip("Copy the report as Markdown, for a bug tracker"));
        copy.getStyleClass().add(Styles.BUTTON_ICON);
        copy.disableProperty().bind(model.reportProperty().isNull());
        copy.setOnAction(e -> CopyButton.toClipboard(model.markdown()));
        HBox bar = new HBox(8, run, size, grow, markdown, json, copy);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private Button exportButton(String format, String id, boolean asMarkdown) {
        Button button = new Button(format, Icons.of(Feather.DOWNLOAD));
        button.setId(id);
        button.setTooltip(new Tooltip("Save the report as " + format));
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.disableProperty().bind(model.reportProperty().isNull());
        button.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setInitialFileName("security-check." + (asMarkdown ? "md" : "json"));
            File file = chooser.showSaveDialog(getScene().getWindow());
            if (file != null) {
                model.exportTo(file.toPath(), asMarkdown);
            }
        });
        return button;
    }

    private void show(CheckReport report) {
        items.getChildren().clear();
        if (report == null || report.error() != null) {
            Label hint = Labels.small("Probes this tab's endpoint: the TLS versions and cipher suites it accepts, its"
                    + " certificate, whether it also speaks plaintext ws://, whether it completes the upgrade for a foreign"
                    + " Origin or without this tab's credentials, and the headers a browser would see. Every probe uses a"
                    + " connection of its own and goes only to this URL.");
            hint.getStyleClass().add(Styles.TEXT_MUTED);
            items.getChildren().add(hint);
            return;
        }
        // Worst first, for triage; the exports keep the report's fixed order.
        report.checks().stream().sorted(java.util.Comparator.comparing(CheckItem::verdict).reversed())
                .forEach(item -> items.getChildren().add(card(item)));
        if (EndpointCheck.wantsExamples(report)) {
            items.getChildren().add(examples());
        }
    }

    /** How wss:// is usually put in front of a server (nginx, Caddy, Sockscope on a laptop), folded. */
    private static TitledPane examples() {
        TextArea text = new TextArea(EndpointCheck.examples());
        text.setEditable(false);
        text.setWrapText(false);
        text.getStyleClass().add("mono");
        text.setPrefRowCount(22);
        TitledPane pane = new TitledPane("Examples: wss:// in front of your server (to adapt, not to paste as is)", text);
        pane.setId("checkExamples");
        pane.setExpanded(false);
        return pane;
    }

    private static VBox card(CheckItem item) {
        Label badge = new Label(item.verdict().label().toUpperCase(Locale.ROOT));
        badge.getStyleClass().addAll("check-badge", item.verdict().label());
        badge.setMinWidth(Region.USE_PREF_SIZE);
        Label id = new Label(item.id());
        id.getStyleClass().addAll("mono", Styles.TEXT_BOLD);
        id.setMinWidth(Region.USE_PREF_SIZE);
        Label summary = new Label(item.summary());
        summary.setWrapText(true);
        HBox head = new HBox(8, badge, id);
        head.setAlignment(Pos.CENTER_LEFT);
        VBox card = new VBox(6, head, summary);
        card.getStyleClass().addAll("check-card", item.verdict().label());
        card.setPadding(new Insets(8, 10, 8, 10));
        if (!item.evidence().isEmpty()) {
            Label evidence = Labels.small(String.join("\n", item.evidence()));
            evidence.getStyleClass().addAll("mono", "check-evidence");
            card.getChildren().add(evidence);
        }
        if (!item.fix().isEmpty()) {
            Label fix = Labels.small("Fix: " + item.fix());
            fix.getStyleClass().add("check-fix");
            card.getChildren().add(fix);
        }
        return card;
    }
}
