package dev.sockscope.ui.handshake;

import dev.sockscope.core.Timings;
import java.util.Arrays;
import javafx.geometry.HPos;
import javafx.geometry.VPos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The steps of opening a connection as a small waterfall: one row per step (DNS, TCP connect, TLS
 * handshake, upgrade round trip) whose bar starts where the previous step ended and is as long as
 * the step took, then the total. A step not taken shows "—" and no bar.
 */
final class TimingsWaterfall extends GridPane {
    private static final String[][] STEPS = {
        {"DNS", "dns", "DNS lookup of the host"},
        {"TCP connect", "tcp", "TCP connect to the server"},
        {"TLS handshake", "tls", "TLS handshake (wss:// only)"},
        {"Upgrade", "upgrade", "HTTP upgrade round trip: request sent until the response head arrived"},
        {"Total", "total", "From the DNS lookup to the upgrade response"},
    };

    private final Track[] tracks = new Track[STEPS.length];
    private final Label[] values = new Label[STEPS.length];

    TimingsWaterfall() {
        setId("handshakeTimings");
        getStyleClass().add("timings-waterfall");
        ColumnConstraints name = new ColumnConstraints();
        name.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints track = new ColumnConstraints(60, 200, Double.MAX_VALUE);
        track.setHgrow(Priority.ALWAYS);
        ColumnConstraints value = new ColumnConstraints();
        value.setMinWidth(Region.USE_PREF_SIZE);
        value.setHalignment(HPos.RIGHT);
        getColumnConstraints().addAll(name, track, value);
        for (int i = 0; i < STEPS.length; i++) {
            Label label = new Label(STEPS[i][0]);
            label.getStyleClass().add("timing-name");
            label.setTooltip(new Tooltip(STEPS[i][2]));
            tracks[i] = new Track("timing-" + STEPS[i][1]);
            values[i] = new Label();
            values[i].getStyleClass().add("timing-value");
            values[i].setId("timing-" + STEPS[i][1]);
            values[i].setMinWidth(Region.USE_PREF_SIZE);
            addRow(i, label, tracks[i], values[i]);
            GridPane.setValignment(tracks[i], VPos.CENTER);
        }
        tracks[STEPS.length - 1].getStyleClass().add("timing-total-track");
    }

    void show(Timings t) {
        long[] steps = {t.dnsMicros(), t.tcpMicros(), t.tlsMicros(), t.upgradeMicros()};
        long total = t.totalMicros();
        long start = 0;
        for (int i = 0; i < steps.length; i++) {
            values[i].setText(WireText.millis(steps[i]));
            if (steps[i] < 0 || total <= 0) {
                tracks[i].set(0, 0, false);
            } else {
                tracks[i].set((double) start / total, (double) steps[i] / total, true);
                start += steps[i];
            }
        }
        boolean anyStep = Arrays.stream(steps).anyMatch(step -> step >= 0);
        values[steps.length].setText(WireText.millis(anyStep ? total : -1));
        tracks[steps.length].set(0, 1, total > 0);
    }

    /** A lane with one bar placed by fractions of the lane's width. */
    private static final class Track extends Region {
        private static final double MIN_BAR = 2;
        private final Region bar = new Region();
        private double start;
        private double length;

        Track(String barStyle) {
            getStyleClass().add("timing-track");
            bar.getStyleClass().addAll("timing-bar", barStyle);
            bar.setManaged(false);
            getChildren().add(bar);
        }

        void set(double startFraction, double lengthFraction, boolean visible) {
            start = startFraction;
            length = lengthFraction;
            bar.setVisible(visible);
            requestLayout();
        }

        @Override
        protected double computePrefHeight(double width) {
            return 14;
        }

        @Override
        protected double computeMinWidth(double height) {
            return 40;
        }

        @Override
        protected void layoutChildren() {
            double width = getWidth();
            double height = getHeight();
            double x = snapPositionX(start * width);
            double w = Math.max(MIN_BAR, snapSizeX(length * width));
            bar.resizeRelocate(Math.min(x, width - w), 2, w, Math.max(0, height - 4));
        }
    }
}
