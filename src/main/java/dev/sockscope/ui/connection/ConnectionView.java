package dev.sockscope.ui.connection;

import atlantafx.base.theme.Styles;
import dev.sockscope.app.TlsInspection;
import dev.sockscope.core.Frame;
import dev.sockscope.core.Message;
import dev.sockscope.ui.certificate.LegCertificatesView;
import dev.sockscope.ui.fx.Background;
import dev.sockscope.ui.handshake.HandshakeView;
import dev.sockscope.ui.messages.MessageDetailView;
import dev.sockscope.ui.model.ConnectionModel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import javafx.beans.property.BooleanProperty;
import javafx.geometry.Orientation;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;

/**
 * One connection as the views show it, whoever made it (a tab, the proxy, the recording): the
 * message log beside the detail, handshake and certificate panes, and the status bar. Read-only:
 * what can be done to the connection is its owner's (a tab adds the request bar and the composer).
 */
public final class ConnectionView extends BorderPane {
    private final ConnectionModel model;
    /** The detail pane's narrowest: its three tab headers and a line of handshake facts. */
    static final double SIDE_MIN_WIDTH = 380;

    private final MessageLogView log;
    private final TabPane side;
    private final SplitPane center;
    private final StatusBarView statusBar;
    private final Runnable stopPulse;
    private long lastStatus;

    /**
     * @param pinAndReconnect pins a certificate's SHA-256 for the owner and connects again, or null
     *     where nothing can reconnect (a recorded connection)
     */
    public ConnectionView(ConnectionModel model, Background background, BooleanProperty relativeTime, TlsInspection tls,
            Predicate<String> pinAndReconnect) {
        this.model = model;
        getStyleClass().add("connection-view");
        MessageDetailView detail = new MessageDetailView(background);
        ChangeComparison comparison = new ChangeComparison();
        this.log = new MessageLogView(new MessageLogModel(model, background), selected -> {
            comparison.show(selected);
            show(detail, selected);
        });
        log.relativeTimeProperty().bindBidirectional(relativeTime);
        this.statusBar = new StatusBarView(model);
        LegCertificatesView certificates = new LegCertificatesView(model, tls, background, pinAndReconnect);
        javafx.scene.layout.VBox message = new javafx.scene.layout.VBox(8, comparison, detail);
        javafx.scene.layout.VBox.setVgrow(detail, javafx.scene.layout.Priority.ALWAYS);
        TabPane side = new TabPane(tab("Message", message), tab("Handshake", new HandshakeView(model)),
                tab("Certificate", certificates));
        side.getStyleClass().addAll(Styles.TABS_FLOATING, "detail-tabs");
        // The detail pane is never squeezed below what its tabs and copy buttons need: the log
        // (which has a minimum of its own) gives way first.
        side.setMinWidth(SIDE_MIN_WIDTH);
        this.side = side;
        this.center = new SplitPane(log, side);
        center.setOrientation(Orientation.HORIZONTAL);
        center.setDividerPositions(0.6);
        SplitPane.setResizableWithParent(side, false);
        setCenter(center);
        setBottom(statusBar);
        stopPulse = background.ui().onPulse(this::pulse);
    }

    /** The detail pane shows a message, or a frame with how it crossed the wire. */
    private static void show(MessageDetailView detail, MessageLogView.Selection selected) {
        if (selected == null) {
            detail.show(null);
        } else if (selected.message() != null) {
            Message m = selected.message();
            List<String> notes = new ArrayList<>();
            if (m.frames() > 1) {
                notes.add("assembled from " + m.frames() + " frames");
            }
            if (m.compressed()) {
                notes.add(selected.wireBytes() < 0 ? "inflated (permessage-deflate)"
                        : String.format("inflated from %,d bytes on the wire (permessage-deflate)", selected.wireBytes()));
            }
            detail.show(m.asFrame(), notes);
        } else {
            Frame f = selected.frame();
            List<String> notes = new ArrayList<>();
            if (f.maskKey() >= 0) {
                notes.add(String.format("masked, key %08x", f.maskKey()));
            }
            if (f.header().length > 0) {
                notes.add("header " + dev.sockscope.core.Bytes.hex(f.header()).replaceAll("(..)(?!$)", "$1 "));
            }
            detail.show(f, notes);
        }
    }

    private static Tab tab(String title, javafx.scene.Node content) {
        Tab tab = new Tab(title, content);
        tab.setClosable(false);
        return tab;
    }

    private void pulse() {
        model.pulse();
        if (!dev.sockscope.ui.fx.Showing.isShown(this)) {
            // A tab not in front keeps its counters only: twenty busy tabs cost what the one in front costs.
            return;
        }
        log.pulse();
        long now = System.nanoTime();
        // The status bar's counters change with every message; four updates a second are plenty.
        if (now - lastStatus >= 250_000_000L) {
            lastStatus = now;
            statusBar.refresh();
        }
    }

    /**
     * Hands the status bar to the owner, which shows it elsewhere (a tab puts it under its
     * composer, at the window's bottom edge, where a status bar belongs).
     */
    public StatusBarView takeStatusBar() {
        if (getBottom() == statusBar) {
            setBottom(null);
        }
        return statusBar;
    }

    /** The divider between the log and the detail pane: the log's share of the width (the user's, kept across launches). */
    public javafx.beans.property.DoubleProperty logShareProperty() {
        return center.getDividers().get(0).positionProperty();
    }

    /** Adds a tab to the detail pane (a live tab's saved messages); returns a way to bring it to the front. */
    public Runnable addSideTab(String title, javafx.scene.Node content) {
        Tab tab = tab(title, content);
        side.getTabs().add(tab);
        return () -> side.getSelectionModel().select(tab);
    }

    /** The view is going away: stop its pulse and stop following the connection. */
    public void dispose() {
        stopPulse.run();
        model.stopFollowing();
    }

    public ConnectionModel model() {
        return model;
    }

    public MessageLogView log() {
        return log;
    }
}
