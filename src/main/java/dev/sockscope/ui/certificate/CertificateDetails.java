package dev.sockscope.ui.certificate;

import atlantafx.base.theme.Styles;
import dev.sockscope.core.CertificateInfo;
import dev.sockscope.core.Digests;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/** Every field of one certificate, in the order a browser's certificate viewer lists them. */
final class CertificateDetails extends GridPane {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    CertificateDetails() {
        getStyleClass().add("certificate-details");
        setHgap(14);
        setVgap(5);
        setPadding(new Insets(6, 2, 6, 2));
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(120);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        getColumnConstraints().addAll(names, values);
    }

    void show(CertificateInfo c) {
        getChildren().clear();
        if (c == null) {
            return;
        }
        Instant now = Instant.now();
        int row = 0;
        row = add(row, "Subject", c.subject(), false);
        row = add(row, "Issuer", c.issuer(), false);
        row = add(row, "Serial number", c.serialHex(), true);
        row = add(row, "Valid from", WHEN.format(c.notBefore()), false);
        Label until = value(WHEN.format(c.notAfter()) + "  (" + validity(c, now) + ")", false);
        if (c.isExpired(now) || c.isNotYetValid(now)) {
            until.getStyleClass().add(Styles.DANGER);
        } else if (c.daysLeft(now) < 30) {
            until.getStyleClass().add(Styles.WARNING);
        }
        row = addNode(row, "Valid until", until);
        row = add(row, "Alternative names", join(c.subjectAltNames()), false);
        row = add(row, "Public key", c.keyAlgorithm() + " " + c.keySize() + " bits" + (c.curve().isEmpty() ? "" : ", " + c.curve()),
                false);
        row = add(row, "Signature", c.signatureAlgorithm(), false);
        row = add(row, "Key usage", join(c.keyUsage()), false);
        row = add(row, "Extended key usage", join(c.extendedKeyUsage()), false);
        row = add(row, "Basic constraints", c.certificateAuthority()
                ? "CA" + (c.pathLength() >= 0 ? ", path length " + c.pathLength() : ", no path length limit") : "not a CA", false);
        row = add(row, "OCSP", join(c.ocspUrls()), false);
        row = add(row, "CA issuers", join(c.caIssuerUrls()), false);
        row = add(row, "CRL", join(c.crlUrls()), false);
        row = add(row, "SCTs", c.sctCount() == 0 ? "none embedded" : c.sctCount() + " embedded", false);
        row = add(row, "SHA-256", Digests.colons(c.sha256()), true);
        add(row, "SHA-1", Digests.colons(c.sha1()), true);
    }

    static String validity(CertificateInfo c, Instant now) {
        if (c.isExpired(now)) {
            return "expired " + -c.daysLeft(now) + " days ago";
        }
        if (c.isNotYetValid(now)) {
            return "not valid yet";
        }
        long days = c.daysLeft(now);
        return days + (days == 1 ? " day left" : " days left") + (days < 30 ? ", expiring soon" : "");
    }

    private int add(int row, String name, String text, boolean mono) {
        return addNode(row, name, value(text, mono));
    }

    private int addNode(int row, String name, Label value) {
        Label label = new Label(name);
        label.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        label.setMinWidth(Label.USE_PREF_SIZE);
        add(label, 0, row);
        add(value, 1, row);
        return row + 1;
    }

    private static Label value(String text, boolean mono) {
        Label value = new Label(text.isEmpty() ? "—" : text);
        value.setWrapText(true);
        value.getStyleClass().add(Styles.TEXT_SMALL);
        if (mono) {
            value.getStyleClass().add("mono");
        }
        return value;
    }

    private static String join(List<String> values) {
        return String.join(", ", values);
    }
}
