package dev.sockscope.ui.ca;

import atlantafx.base.theme.Styles;
import dev.sockscope.app.LocalAuthority;
import dev.sockscope.app.TrustStoreCheck;
import dev.sockscope.core.CaInfo;
import dev.sockscope.core.Digests;
import dev.sockscope.ui.common.CopyButton;
import dev.sockscope.ui.common.Icons;
import dev.sockscope.ui.common.Labels;
import dev.sockscope.ui.fx.Background;
import java.io.File;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.feather.Feather;

/**
 * The CA setup assistant (node id {@code caAssistant}): the CA's subject, fingerprints and file;
 * export as PEM or DER; regenerate (with a warning); per kind of client, the steps to trust it and
 * to remove it again, with commands to copy; and which trust stores here already trust it.
 * Everything that touches files or keys runs in the background.
 */
public final class CaAssistantView extends VBox {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ROOT);

    private final Path dataDir;
    private final Background background;
    private final Supplier<String> proxyAddress;
    private final GridPane card = new GridPane();
    private final Label result = new Label();
    private final ListView<TrustInstructions.Target> targets = new ListView<>();
    private final VBox steps = new VBox(10);
    private final VBox stores = new VBox(6);
    private CaInfo ca;

    /** @param proxyAddress where the proxy listens, or would ("HOST:PORT"), for the commands */
    public CaAssistantView(Path dataDir, Background background, Supplier<String> proxyAddress) {
        this.dataDir = dataDir;
        this.background = background;
        this.proxyAddress = proxyAddress;
        setId("caAssistant");
        getStyleClass().add("ca-assistant");
        setSpacing(10);
        setPadding(new Insets(12));
        Label title = new Label("Trust Sockscope's certificate authority", Icons.of(Feather.SHIELD, 14));
        title.getStyleClass().add(Styles.TITLE_4);
        Label why = new Label("To see inside an app's wss:// traffic, Sockscope presents it a certificate from this install's"
                + " own CA. The app accepts it only once it trusts the CA: pick the kind of client below and follow its"
                + " steps. The CA is this install's alone; its key never leaves the data directory.");
        why.setWrapText(true);
        why.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        why.getStyleClass().add(Styles.TEXT_MUTED);
        card.setHgap(12);
        card.setVgap(4);
        card.setId("caCard");
        result.setId("caResult");
        result.getStyleClass().addAll(Styles.TEXT_SMALL);
        result.setWrapText(true);

        targets.setId("caTargets");
        targets.getStyleClass().add(Styles.DENSE);
        targets.setMinWidth(180);
        targets.setPrefWidth(220);
        targets.getSelectionModel().selectedItemProperty().addListener((obs, old, target) -> showSteps(target));
        steps.setId("caSteps");
        steps.setPadding(new Insets(4, 10, 10, 10));
        ScrollPane stepsScroll = new ScrollPane(steps);
        stepsScroll.setFitToWidth(true);
        SplitPane howTo = new SplitPane(targets, stepsScroll);
        howTo.setOrientation(Orientation.HORIZONTAL);
        howTo.setDividerPositions(0.24);
        SplitPane.setResizableWithParent(targets, false);
        VBox.setVgrow(howTo, Priority.ALWAYS);

        Button check = new Button("Check trust stores", Icons.of(Feather.SEARCH, 13));
        check.setId("checkTrustStores");
        check.getStyleClass().add(Styles.SMALL);
        check.setOnAction(e -> checkStores());
        stores.setId("trustStoreResults");
        VBox storeBox = new VBox(6, new HBox(10, Labels.section("Which trust stores here trust it"), check), stores);
        getChildren().addAll(title, why, card, actions(), result, Labels.section("How to trust it"), howTo, storeBox);
        load();
    }

    private FlowPane actions() {
        Button pem = button("Export PEM\u2026", Feather.DOWNLOAD, "caExportPem", () -> export(false));
        Button der = button("Export DER\u2026", Feather.DOWNLOAD, "caExportDer", () -> export(true));
        Button regenerate = button("Regenerate\u2026", Feather.REFRESH_CW, "caRegenerate", this::regenerate);
        regenerate.getStyleClass().add(Styles.DANGER);
        FlowPane row = new FlowPane(8, 6, pem, der, regenerate);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private void load() {
        background.run(control -> LocalAuthority.in(dataDir).info(), info -> {
            ca = info;
            fillCard(info);
            TrustInstructions.Target before = targets.getSelectionModel().getSelectedItem();
            List<TrustInstructions.Target> all = TrustInstructions.all(info.certificateFile().toString(),
                    dev.sockscope.ui.certificate.CertificateView.commonName(info.subject()), proxyAddress.get());
            targets.getItems().setAll(all);
            int keep = before == null ? 0 : all.stream().map(TrustInstructions.Target::name).toList().indexOf(before.name());
            targets.getSelectionModel().select(Math.max(0, keep));
        }, failed -> result.setText("Cannot read Sockscope's CA: " + failed.getMessage()));
    }

    /** Shows the steps of this kind of client (by its name in the list, e.g. "Java (keytool)"). */
    public void select(String target) {
        targets.getItems().stream().filter(t -> t.name().equals(target)).findFirst()
                .ifPresent(t -> targets.getSelectionModel().select(t));
    }

    private void fillCard(CaInfo info) {
        card.getChildren().clear();
        String[][] rows = {
            {"Subject", info.subject()},
            {"SHA-256", Digests.colons(info.sha256())},
            {"Public key (SPKI SHA-256)", info.spkiSha256()},
            {"Valid", DAY.format(info.notBefore().atZone(ZoneId.systemDefault())) + " to "
                + DAY.format(info.notAfter().atZone(ZoneId.systemDefault()))},
            {"Certificate file", info.certificateFile().toString()}};
        for (int i = 0; i < rows.length; i++) {
            Label name = new Label(rows[i][0]);
            name.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            Label value = new Label(rows[i][1]);
            value.getStyleClass().addAll(Styles.TEXT_SMALL, i == 1 || i == 2 ? "mono" : Styles.TEXT);
            value.setWrapText(true);
            String copied = rows[i][1];
            Button copy = CopyButton.create("Copy", Feather.COPY, "Copy " + rows[i][0].toLowerCase(Locale.ROOT),
                    () -> copied, this, 0, "ca-copy");
            card.addRow(i, name, value, copy);
        }
    }

    private void showSteps(TrustInstructions.Target target) {
        steps.getChildren().clear();
        if (target == null) {
            return;
        }
        Label heading = new Label(target.name());
        heading.getStyleClass().add(Styles.TEXT_BOLD);
        steps.getChildren().add(heading);
        addSteps(target.install());
        steps.getChildren().add(Labels.section("To remove it again"));
        addSteps(target.remove());
    }

    private void addSteps(List<TrustInstructions.Step> list) {
        int n = 1;
        for (TrustInstructions.Step step : list) {
            Label text = new Label(n++ + ". " + step.text());
            text.setWrapText(true);
            text.getStyleClass().add(Styles.TEXT_SMALL);
            steps.getChildren().add(text);
            if (!step.command().isEmpty()) {
                TextField command = new TextField(step.command());
                command.setEditable(false);
                command.getStyleClass().addAll("mono", "ca-command", Styles.SMALL);
                HBox.setHgrow(command, Priority.ALWAYS);
                Button copy = CopyButton.create("Copy", Feather.COPY, "Copy the command", step::command, this, 0, "ca-copy");
                HBox line = new HBox(6, command, copy);
                line.setAlignment(Pos.CENTER_LEFT);
                steps.getChildren().add(line);
            }
        }
    }

    private void checkStores() {
        if (ca == null) {
            return;
        }
        String sha = ca.sha256();
        stores.getChildren().setAll(Labels.small("Checking\u2026"));
        background.run(control -> TrustStoreCheck.check(sha), found -> {
            stores.getChildren().clear();
            for (TrustStoreCheck.Result r : found) {
                boolean trusts = r.verdict() == TrustStoreCheck.Verdict.TRUSTS;
                Label line = Labels.small(r.store() + ": " + switch (r.verdict()) {
                    case TRUSTS -> "trusts it " + r.detail();
                    case DOES_NOT_TRUST -> "does not trust it (" + r.detail() + ")";
                    case NOT_FOUND -> "not here (" + r.detail() + ")";
                    case CANNOT_CHECK -> "could not be checked: " + r.detail();
                } + (r.where().isEmpty() ? "" : "  \u2014 " + r.where()));
                line.setGraphic(Icons.of(trusts ? Feather.CHECK_CIRCLE : Feather.CIRCLE, 12));
                line.getStyleClass().add(trusts ? Styles.SUCCESS : Styles.TEXT_MUTED);
                stores.getChildren().add(line);
            }
        }, failed -> stores.getChildren().setAll(Labels.small("Could not check: " + failed.getMessage())));
    }

    private void export(boolean der) {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName(der ? "sockscope-ca.der" : "sockscope-ca.pem");
        File file = chooser.showSaveDialog(getScene().getWindow());
        if (file != null) {
            exportTo(file.toPath(), der);
        }
    }

    /** Writes the CA's certificate (never its key) to {@code file}; the result is said in place. */
    public void exportTo(Path file, boolean der) {
        background.run(control -> LocalAuthority.in(dataDir).export(file, der),
                done -> result.setText("Saved the CA's certificate to " + done + (der ? " (DER)" : " (PEM)")),
                failed -> result.setText("Could not save it: " + failed.getMessage()));
    }

    private void regenerate() {
        Alert confirm = new Alert(Alert.AlertType.WARNING, "A new certificate authority replaces this one. Every app, browser"
                + " and trust store that trusts the current CA stops trusting Sockscope's proxy until the new one is installed"
                + " there. A running proxy keeps the old CA until it is started again.", ButtonType.CANCEL, ButtonType.OK);
        confirm.setHeaderText("Regenerate Sockscope's CA?");
        confirm.initOwner(getScene().getWindow());
        if (confirm.showAndWait().orElse(ButtonType.CANCEL) == ButtonType.OK) {
            regenerateNow();
        }
    }

    /** Replaces the CA without asking (the dialog asked). */
    void regenerateNow() {
        background.run(control -> LocalAuthority.in(dataDir).regenerate(List.of()), info -> {
            result.setText("A new CA was made (SHA-256 " + Digests.colons(info.sha256()).substring(0, 23) + "\u2026). Install it"
                    + " where the old one was, and start the proxy again.");
            load();
        }, failed -> result.setText("Could not make a new CA: " + failed.getMessage()));
    }

    private static Button button(String text, Feather icon, String id, Runnable action) {
        Button button = new Button(text, Icons.of(icon, 13));
        button.setId(id);
        button.getStyleClass().add(Styles.SMALL);
        button.setOnAction(e -> action.run());
        return button;
    }

}
