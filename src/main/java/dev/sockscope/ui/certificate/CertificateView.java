package dev.sockscope.ui.certificate;

import dev.sockscope.ui.fx.Background;
import atlantafx.base.theme.Styles;
import dev.sockscope.core.CertificateInfo;
import dev.sockscope.core.ChainProblem;
import dev.sockscope.core.Pem;
import dev.sockscope.core.TlsReport;
import dev.sockscope.ui.common.CopyButton;
import dev.sockscope.ui.common.Icons;
import dev.sockscope.ui.common.Labels;
import java.io.File;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.feather.Feather;

/**
 * The certificate view of a tab: the verdict with its reasons, the TLS session, the chain as a
 * tree from leaf to the trust anchor, every field of the selected certificate, and actions to
 * copy, export and (explicitly) trust.
 */
public final class CertificateView extends ScrollPane {
    private final CertificateViewModel model;
    private final Background background;
    private final VBox content = new VBox(10);
    private final Label status = new Label();
    private final VBox verdict = new VBox(4);
    private final GridPane session = new GridPane();
    private final TreeView<CertificateInfo> chain = new TreeView<>();
    private final CertificateDetails details = new CertificateDetails();
    private final Button trust = new Button("Trust this certificate for this tab", Icons.of(Feather.UNLOCK));
    private final Label actionResult = new Label();

    public CertificateView(CertificateViewModel model, Background background) {
        this.model = model;
        this.background = background;
        setId("certificateView");
        getStyleClass().add("certificate-view");
        setFitToWidth(true);
        content.setPadding(new Insets(10));
        status.getStyleClass().add(Styles.TEXT_MUTED);
        status.textProperty().bind(model.statusProperty());
        session.setHgap(14);
        session.setVgap(4);
        chain.setShowRoot(true);
        chain.setPrefHeight(118);
        chain.setCellFactory(view -> new ChainCell());
        chain.getSelectionModel().selectedItemProperty().addListener((obs, old, item) ->
                details.show(item == null ? null : item.getValue()));
        trust.getStyleClass().addAll(Styles.SMALL, Styles.WARNING);
        trust.setOnAction(e -> model.trustLeafAndReconnect());
        actionResult.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        setContent(content);
        model.reportProperty().addListener((obs, old, report) -> show(report));
        show(model.reportProperty().get());
    }

    private void show(TlsReport report) {
        content.getChildren().clear();
        if (report == null) {
            content.getChildren().add(status);
            return;
        }
        fillVerdict(report);
        fillSession(report);
        fillChain(report);
        VBox chainBox = new VBox(4, Labels.section("Certificate chain (leaf first)"), chain);
        VBox sessionBox = new VBox(4, Labels.section("Session"), session);
        // Chain above session, each the pane's full width: side by side, a narrow pane cut the chain's
        // names ("localhost (expired 1065 d").
        VBox overview = new VBox(12, chainBox, sessionBox);
        content.getChildren().addAll(verdict, overview, actions(report), Labels.section("Selected certificate"), details);
    }

    private void fillVerdict(TlsReport report) {
        verdict.getChildren().clear();
        verdict.getStyleClass().setAll("verdict", report.trusted() ? "verdict-trusted" : "verdict-refused");
        Label title = new Label(report.trusted() ? report.pinned() ? "Trusted because you pinned it for this tab" : "Trusted"
                : "Not trusted", Icons.of(report.trusted() ? Feather.SHIELD : Feather.SHIELD_OFF, 16));
        title.getStyleClass().addAll(Styles.TEXT_BOLD, report.trusted() ? Styles.SUCCESS : Styles.DANGER);
        verdict.getChildren().add(title);
        if (report.trustAnchor() != null) {
            verdict.getChildren().add(Labels.small("Validated against the trust anchor " + report.trustAnchor().subject()));
        }
        for (ChainProblem problem : report.problems()) {
            Label line = Labels.small(headline(problem.kind()) + ": " + problem.explanation());
            line.setWrapText(true);
            line.setGraphic(Icons.of(Feather.ALERT_CIRCLE, 12));
            line.getStyleClass().add(Styles.DANGER);
            verdict.getChildren().add(line);
        }
    }

    /** A problem's name in words (the JSON output keeps the short ids). */
    static String headline(dev.sockscope.core.TrustProblem kind) {
        return switch (kind) {
            case EXPIRED -> "Expired";
            case NOT_YET_VALID -> "Not yet valid";
            case HOSTNAME_MISMATCH -> "Issued for other names";
            case SELF_SIGNED -> "Self-signed";
            case UNKNOWN_ISSUER -> "Unknown issuer";
            case WEAK_KEY -> "Weak key";
            case WEAK_SIGNATURE -> "Weak signature";
        };
    }

    private void fillSession(TlsReport r) {
        session.getChildren().clear();
        String[][] rows = {
            {"Protocol", r.protocol()}, {"Cipher suite", r.cipherSuite()}, {"ALPN", dash(r.alpn())},
            {"SNI sent", dash(r.sniHost())}, {"Session resumed", r.resumed() ? "yes" : "no"},
            {"Peer", r.peerHost() + (r.peerAddress().isEmpty() ? "" : " (" + r.peerAddress() + ")")}};
        for (int i = 0; i < rows.length; i++) {
            Label name = Labels.small(rows[i][0]);
            name.getStyleClass().add(Styles.TEXT_MUTED);
            session.add(name, 0, i);
            session.add(Labels.small(rows[i][1]), 1, i);
        }
    }

    private void fillChain(TlsReport report) {
        List<CertificateInfo> certs = report.chain();
        if (certs.isEmpty()) {
            chain.setRoot(null);
            return;
        }
        TreeItem<CertificateInfo> top = new TreeItem<>(certs.get(0));
        TreeItem<CertificateInfo> parent = top;
        for (int i = 1; i < certs.size(); i++) {
            TreeItem<CertificateInfo> next = new TreeItem<>(certs.get(i));
            parent.getChildren().add(next);
            parent.setExpanded(true);
            parent = next;
        }
        // A server may send its root too: the anchor is added only when the chain does not hold it already.
        if (report.trustAnchor() != null && certs.stream().noneMatch(c -> c.sha256().equals(report.trustAnchor().sha256()))) {
            parent.getChildren().add(new TreeItem<>(report.trustAnchor()));
            parent.setExpanded(true);
        }
        chain.setRoot(top);
        chain.getSelectionModel().select(top);
    }

    private FlowPane actions(TlsReport report) {
        Button copy = CopyButton.create("Copy SHA-256", Feather.COPY, "Copy the selected certificate's SHA-256 fingerprint",
                () -> selected().sha256(), this, 0, "certificate-copy");
        Button pem = action("Export PEM…", Feather.DOWNLOAD, () -> export("certificate.pem", Pem.certificate(selected().der()).getBytes()));
        Button der = action("Export DER…", Feather.DOWNLOAD, () -> export("certificate.der", selected().der()));
        Button all = action("Export chain…", Feather.LAYERS, () -> export("chain.pem",
                Pem.chain(report.chain().stream().map(CertificateInfo::der).toList()).getBytes()));
        trust.setVisible(!report.trusted() && !report.chain().isEmpty() && model.canTrustLeaf());
        trust.setManaged(trust.isVisible());
        FlowPane row = new FlowPane(6, 6, copy, pem, der, all, trust, actionResult);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private CertificateInfo selected() {
        TreeItem<CertificateInfo> item = chain.getSelectionModel().getSelectedItem();
        return item != null ? item.getValue() : chain.getRoot().getValue();
    }

    /** Asks where on the FX thread (a dialog), writes on the background executor. */
    private void export(String suggested, byte[] bytes) {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName(suggested);
        File file = chooser.showSaveDialog(getScene().getWindow());
        if (file == null) {
            return;
        }
        background.run(control -> {
            Files.write(file.toPath(), bytes);
            return "Saved " + file.getName();
        }, actionResult::setText, e -> actionResult.setText("Could not save " + file.getName() + ": " + e.getMessage()));
    }

    private static Button action(String text, Feather icon, Runnable run) {
        Button button = new Button(text, Icons.of(icon, 13));
        button.getStyleClass().add(Styles.SMALL);
        button.setOnAction(e -> run.run());
        return button;
    }

    private static String dash(String s) {
        return s == null || s.isEmpty() ? "—" : s;
    }

    /** A chain entry: the subject's CN, with a warning mark when the certificate is out of date. */
    private static final class ChainCell extends TreeCell<CertificateInfo> {
        @Override
        protected void updateItem(CertificateInfo cert, boolean empty) {
            super.updateItem(cert, empty);
            if (empty || cert == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            Instant now = Instant.now();
            boolean bad = cert.isExpired(now) || cert.isNotYetValid(now);
            setText(commonName(cert.subject()) + (bad ? "  (" + CertificateDetails.validity(cert, now) + ")" : ""));
            setGraphic(Icons.of(bad ? Feather.ALERT_TRIANGLE : cert.certificateAuthority() ? Feather.AWARD : Feather.FILE_TEXT, 13));
        }
    }

    /** The CN of a distinguished name, or the whole name when it has none. */
    public static String commonName(String subject) {
        for (String part : subject.split(",")) {
            if (part.strip().startsWith("CN=")) {
                return part.strip().substring(3);
            }
        }
        return subject;
    }
}
