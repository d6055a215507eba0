package dev.sockscope.ui.messages;

import atlantafx.base.theme.Styles;
import dev.sockscope.core.Direction;
import dev.sockscope.core.Frame;
import dev.sockscope.core.Opcode;
import java.time.ZoneId;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The lines above the payload: direction, type, size and time; for close frames the status code
 * and reason; small badges for what deserves a second look (invalid UTF-8, fragments, RSV bits).
 */
final class DetailHeader extends VBox {
    private static final PseudoClass SENT = PseudoClass.getPseudoClass("sent");
    private static final PseudoClass RECEIVED = PseudoClass.getPseudoClass("received");

    private final FontIcon arrow = new FontIcon(Feather.ARROW_UP);
    private final Label direction = new Label();
    private final Label type = new Label();
    private final Label size = new Label();
    private final Label time = new Label();
    private final HBox badges = new HBox();
    private static final javafx.css.PseudoClass ABNORMAL = javafx.css.PseudoClass.getPseudoClass("abnormal");
    private final Label closeStatus = new Label();
    private final Label closeReason = new Label();
    private final HBox closeLine = new HBox(closeStatus, closeReason);

    DetailHeader() {
        getStyleClass().add("detail-header");
        direction.setGraphic(arrow);
        direction.getStyleClass().addAll("detail-direction", Styles.TEXT_BOLD);
        type.getStyleClass().add("detail-type");
        size.getStyleClass().addAll("detail-size", Styles.TEXT_MUTED);
        time.getStyleClass().addAll("detail-time", Styles.TEXT_MUTED);
        badges.getStyleClass().add("detail-badges");
        badges.setAlignment(Pos.CENTER_LEFT);
        badges.managedProperty().bind(Bindings.isNotEmpty(badges.getChildren()));
        FlowPane summary = new FlowPane(direction, type, size, badges, time);
        summary.getStyleClass().add("detail-summary");
        summary.setAlignment(Pos.CENTER_LEFT);

        closeStatus.getStyleClass().addAll("detail-close-status", Styles.TEXT_BOLD);
        closeReason.getStyleClass().add("detail-close-reason");
        closeReason.setWrapText(true);
        closeStatus.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(closeReason, Priority.ALWAYS);
        closeLine.getStyleClass().add("detail-close");
        closeLine.setAlignment(Pos.BASELINE_LEFT);
        closeLine.managedProperty().bind(closeLine.visibleProperty());
        getChildren().addAll(summary, closeLine);
    }

    void show(PayloadPresentation payload, java.util.List<String> notes) {
        Frame frame = payload.frame();
        boolean sent = frame.direction() == Direction.SEND;
        arrow.setIconCode(sent ? Feather.ARROW_UP : Feather.ARROW_DOWN);
        direction.setText(FrameLabels.direction(frame.direction()));
        direction.pseudoClassStateChanged(SENT, sent);
        direction.pseudoClassStateChanged(RECEIVED, !sent);
        type.setText(FrameLabels.type(frame.opcode()));
        size.setText(FrameLabels.size(frame.size()));
        time.setText(FrameLabels.timestamp(frame.timestampMicros(), ZoneId.systemDefault()));
        time.setTooltip(new Tooltip("Local time, microsecond precision"));
        showBadges(payload);
        for (String note : notes) {
            badges.getChildren().add(badge(note, Styles.ACCENT, "How this crossed the wire"));
        }
        showClose(frame);
    }

    private void showBadges(PayloadPresentation payload) {
        badges.getChildren().clear();
        Frame frame = payload.frame();
        if (payload.invalidUtf8()) {
            badges.getChildren().add(badge("invalid UTF-8", Styles.WARNING,
                    "The payload is not well-formed UTF-8; bad sequences show as \uFFFD"));
        }
        if (!frame.fin()) {
            badges.getChildren().add(badge("fragment", Styles.ACCENT, "FIN is not set: more frames follow"));
        }
        if (frame.rsv() != 0) {
            badges.getChildren().add(badge(rsvLabel(frame.rsv()), Styles.ACCENT,
                    "Reserved bits set (RSV1 usually means permessage-deflate)"));
        }
    }

    private void showClose(Frame frame) {
        boolean close = frame.opcode() == Opcode.CLOSE;
        closeLine.setVisible(close);
        if (!close) {
            return;
        }
        closeStatus.setText(FrameLabels.closeStatus(frame));
        int code = frame.closeCode();
        closeStatus.pseudoClassStateChanged(ABNORMAL, code >= 0 && code != 1000 && code != 1001);
        String reason = frame.closeReason();
        closeReason.setText(reason.isEmpty() ? "no reason given" : "\u201c" + reason + "\u201d");
        closeReason.getStyleClass().remove(Styles.TEXT_MUTED);
        if (reason.isEmpty()) {
            closeReason.getStyleClass().add(Styles.TEXT_MUTED);
        }
    }

    private static Label badge(String text, String tone, String tooltip) {
        Label badge = new Label(text);
        badge.getStyleClass().addAll("detail-badge", tone);
        if (Styles.WARNING.equals(tone)) {
            badge.setGraphic(new FontIcon(Feather.ALERT_TRIANGLE));
        }
        badge.setTooltip(new Tooltip(tooltip));
        return badge;
    }

    private static String rsvLabel(int rsv) {
        StringBuilder label = new StringBuilder();
        for (int bit = 1; bit <= 3; bit++) {
            if ((rsv & (1 << (3 - bit))) != 0) {
                label.append(label.length() == 0 ? "" : " ").append("RSV").append(bit);
            }
        }
        return label.toString();
    }
}
