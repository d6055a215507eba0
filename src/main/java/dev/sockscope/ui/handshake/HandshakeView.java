package dev.sockscope.ui.handshake;

import dev.sockscope.ui.common.CopyButton;
import atlantafx.base.theme.Styles;
import dev.sockscope.core.CurlCommand;
import dev.sockscope.core.Failure;
import dev.sockscope.core.Handshake;
import dev.sockscope.core.HandshakeFacts;
import dev.sockscope.core.SessionEvent;
import dev.sockscope.core.Timings;
import dev.sockscope.ui.model.ConnectionModel;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The upgrade request and response of a connection tab as they went over the wire, node id
 * {@code handshakeView}: derived facts (status, subprotocol, extensions, Accept check, redirect,
 * cookies), the step timings as a waterfall, the heads as a header list or raw text, and copy as
 * text or as a curl command.
 *
 * <p>Follows the model's {@code opened} and {@code failure} properties, which change on the FX
 * thread. An opened connection shows its handshake and timings; a failed upgrade shows the
 * response the server sent, body included; before either, an empty state.
 */
public final class HandshakeView extends VBox {
    static final String EMPTY_TEXT = "Connect to see the upgrade request and response.";
    private static final String STYLESHEET = "handshake.css";
    private static final double COMPACT_WIDTH = 420;
    private static final int MAX_RAW_ROWS = 400;

    private final ConnectionModel model;
    private final Label placeholder = new Label(EMPTY_TEXT, new FontIcon(Feather.ARROW_UP_RIGHT));
    private final StackPane empty = new StackPane(placeholder);
    private final VBox body = new VBox();
    private final HandshakeFactsPane facts = new HandshakeFactsPane();
    private final TimingsWaterfall waterfall = new TimingsWaterfall();
    private final VBox timingSection = section("Timing", waterfall);
    private final HeadersTable table = new HeadersTable();
    private final TextArea raw = new TextArea();
    private final ToggleGroup modes = new ToggleGroup();
    private final ToggleButton tableToggle = modeToggle("Table", Feather.LIST, Styles.LEFT_PILL);
    private final ToggleButton rawToggle = modeToggle("Raw", Feather.CODE, Styles.RIGHT_PILL);
    /** Which leg a proxied connection shows: the app's to Sockscope, or Sockscope's to the server. */
    private final ToggleGroup legs = new ToggleGroup();
    private final ToggleButton upstreamLeg = legToggle("Sockscope \u2192 server", "handshakeUpstreamLeg", Styles.LEFT_PILL);
    private final ToggleButton appLeg = legToggle("App \u2192 Sockscope", "handshakeAppLeg", Styles.RIGHT_PILL);
    private final HBox legBar = new HBox(6);
    private Handshake shown;
    private String shownUrl = "";
    private boolean rawFits = true;

    public HandshakeView(ConnectionModel model) {
        this.model = model;
        setId("handshakeView");
        getStyleClass().add("handshake-view");
        getStylesheets().add(Objects.requireNonNull(
                HandshakeView.class.getResource(STYLESHEET), STYLESHEET).toExternalForm());
        buildEmpty();
        buildBody();
        getChildren().addAll(empty, body);
        model.openedProperty().addListener((obs, old, now) -> refresh());
        model.failureProperty().addListener((obs, old, now) -> refresh());
        refresh();
    }

    /** The handshake on show, or null in the empty state. */
    public Handshake shownHandshake() {
        return shown;
    }

    /** True when the raw text is on show rather than the header list. */
    public boolean showingRaw() {
        return rawToggle.isSelected();
    }

    private void buildEmpty() {
        placeholder.setId("handshakePlaceholder");
        placeholder.getStyleClass().addAll("handshake-placeholder", Styles.TEXT_MUTED);
        placeholder.setWrapText(true);
        empty.getStyleClass().add("handshake-empty");
        VBox.setVgrow(empty, Priority.ALWAYS);
    }

    private void buildBody() {
        raw.setId("handshakeRaw");
        raw.setEditable(false);
        raw.setWrapText(false);
        raw.getStyleClass().addAll("mono", "wire-text");
        raw.managedProperty().bind(raw.visibleProperty());
        table.managedProperty().bind(table.visibleProperty());
        raw.visibleProperty().bind(rawToggle.selectedProperty());
        table.visibleProperty().bind(rawToggle.selectedProperty().not());
        tableToggle.setSelected(true);
        modes.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null && old != null) {
                modes.selectToggle(old); // a segmented switcher always has one choice
            }
        });

        VBox document = new VBox(section("Overview", facts), timingSection, section("Headers", new VBox(table, raw)));
        document.getStyleClass().add("handshake-document");
        // The text areas are as tall as their text: the wheel over them scrolls the document.
        Scrolling.passVerticalTo(raw, document, () -> rawFits);
        table.passScrollTo(document);
        ScrollPane scroll = new ScrollPane(document);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("handshake-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        body.getStyleClass().add("handshake-body");
        body.getChildren().addAll(legBar(), toolbar(), scroll);
        VBox.setVgrow(body, Priority.ALWAYS);
    }

    private HBox toolbar() {
        HBox switcher = new HBox(tableToggle, rawToggle);
        switcher.getStyleClass().add("handshake-switcher");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(switcher, spacer,
                copyButton("Copy as text", Feather.COPY, "The request and response exactly as on the wire",
                        () -> WireText.raw(shown)),
                copyButton("Copy as curl", Feather.TERMINAL, "A curl command that sends the same upgrade request",
                        () -> CurlCommand.from(shown, shownUrl)));
        bar.getStyleClass().add("handshake-toolbar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    /**
     * The leg switcher, shown for a connection with two legs (a proxied one): the app's upgrade to
     * Sockscope and Sockscope's to the server differ (Sockscope adds and drops hop-by-hop headers,
     * the server answers Sockscope), and both are as they went over the wire.
     */
    private HBox legBar() {
        upstreamLeg.setSelected(true);
        legs.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null && old != null) {
                legs.selectToggle(old);
            } else if (now != null) {
                refresh();
            }
        });
        Label caption = new Label("Leg");
        caption.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        legBar.getChildren().setAll(caption, new HBox(upstreamLeg, appLeg));
        legBar.getStyleClass().add("handshake-legs");
        legBar.setAlignment(Pos.CENTER_LEFT);
        legBar.managedProperty().bind(legBar.visibleProperty());
        legBar.setVisible(false);
        return legBar;
    }

    private ToggleButton legToggle(String text, String id, String pill) {
        ToggleButton toggle = new ToggleButton(text);
        toggle.setId(id);
        toggle.setToggleGroup(legs);
        toggle.getStyleClass().addAll(pill, Styles.SMALL);
        toggle.setMinWidth(Region.USE_PREF_SIZE);
        return toggle;
    }

    /** Shows the app's leg of a proxied connection (true) or the server's (false). */
    public void showAppLeg(boolean app) {
        legs.selectToggle(app ? appLeg : upstreamLeg);
    }

    private ToggleButton modeToggle(String text, Ikon icon, String pill) {
        ToggleButton toggle = new ToggleButton(text, new FontIcon(icon));
        toggle.setId("handshake" + text + "Toggle");
        toggle.setToggleGroup(modes);
        toggle.getStyleClass().addAll(pill, Styles.SMALL);
        toggle.setMinWidth(Region.USE_PREF_SIZE);
        return toggle;
    }

    private Button copyButton(String text, Ikon icon, String tooltip, Supplier<String> content) {
        return CopyButton.create(text, icon, tooltip, () -> shown == null ? null : content.get(), this, COMPACT_WIDTH,
                "handshake-copy");
    }

    private static VBox section(String title, Node content) {
        Label label = new Label(title.toUpperCase(Locale.ROOT));
        label.getStyleClass().add("section-heading");
        VBox section = new VBox(label, content);
        section.getStyleClass().add("handshake-section");
        section.managedProperty().bind(section.visibleProperty());
        return section;
    }

    /** Shows what the model now holds: an opened connection, else a failed upgrade, else nothing. */
    private void refresh() {
        SessionEvent.Opened opened = model.openedProperty().get();
        Failure failure = model.failureProperty().get();
        boolean twoLegs = opened != null && opened.client() != null && !opened.client().handshake().requestHead().isEmpty();
        legBar.setVisible(twoLegs);
        if (opened != null) {
            String url = opened.url() == null ? model.urlProperty().get() : opened.url().toString();
            if (twoLegs && appLeg.isSelected()) {
                show(opened.client().handshake(), url, null);
            } else {
                show(opened.handshake(), url, opened.timings());
            }
        } else if (failure != null && failure.handshake() != null) {
            show(failure.handshake(), model.urlProperty().get(), null);
        } else {
            shown = null;
            shownUrl = "";
            placeholder.setText(failure == null ? EMPTY_TEXT
                    : "No upgrade was exchanged: " + failure.message());
            setShowing(false);
        }
    }

    private void show(Handshake handshake, String url, Timings timings) {
        shown = handshake;
        shownUrl = url == null ? "" : url;
        facts.show(HandshakeFacts.of(handshake));
        boolean timed = timings != null && !timings.equals(Timings.NONE);
        timingSection.setVisible(timed);
        if (timed) {
            waterfall.show(timings);
        }
        table.show(handshake);
        String text = WireText.rawShown(handshake);
        raw.setText(text);
        // Tall enough for every line plus a horizontal scroll bar, so the document scrolls, not the
        // area; a very long body is the exception and scrolls inside.
        int rows = (int) text.lines().count() + 1;
        rawFits = rows <= MAX_RAW_ROWS;
        raw.setPrefRowCount(Math.min(rows, MAX_RAW_ROWS));
        setShowing(true);
    }

    private void setShowing(boolean showing) {
        empty.setVisible(!showing);
        empty.setManaged(!showing);
        body.setVisible(showing);
        body.setManaged(showing);
    }
}
