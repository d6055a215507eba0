package dev.sockscope.ui.connection;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import dev.sockscope.ui.common.Icons;
import javafx.animation.PauseTransition;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;

/**
 * The log's toolbar: the filter (text or regex, applied once typing pauses), direction and type
 * toggles, frames or messages, relative time and follow, all bound to the log's model. A narrow
 * log folds the type toggles into a menu, shows Frames as an icon and drops the spacers, so the
 * bar fits the log's narrowest ({@link MessageLogView#MIN_WIDTH}).
 */
final class LogToolbar extends HBox {
    /** Below this log width the toolbar is compact. */
    private static final double COMPACT_BELOW = 660;

    private final CustomTextField filterField = new CustomTextField();
    private final ToggleButton regexToggle = new ToggleButton(".*");
    private final ToggleButton sentToggle = toggle(null, Feather.ARROW_UP_RIGHT, "Show sent messages");
    private final ToggleButton receivedToggle = toggle(null, Feather.ARROW_DOWN_LEFT, "Show received messages");
    private final ToggleButton textToggle = toggle("Text", null, "Show text messages");
    private final ToggleButton binaryToggle = toggle("Binary", null, "Show binary messages");
    private final ToggleButton controlToggle = toggle("Control", null, "Show ping, pong and close frames");
    private final ToggleButton framesToggle = toggle("Frames", null, "Show every frame as it crossed the wire (fragments,"
            + " FIN and RSV bits, masking) instead of one row per message");
    private final ToggleButton followToggle = toggle(null, Feather.CHEVRONS_DOWN, "Follow: keep the newest message in view");
    private final PauseTransition filterDelay = new PauseTransition(Duration.millis(200));

    /**
     * @param logWidth the log's width, which decides the compact form
     * @param filterApplied told each time the filter was applied (the table highlights its matches)
     */
    LogToolbar(MessageLogModel model, BooleanProperty relativeTime, ReadOnlyDoubleProperty logWidth, Runnable filterApplied) {
        build(logWidth, relativeTime);
        filterField.textProperty().bindBidirectional(model.queryProperty());
        filterDelay.setOnFinished(e -> {
            model.applyFilter();
            filterApplied.run();
        });
        regexToggle.selectedProperty().addListener(obs -> filterApplied.run());
        filterField.textProperty().addListener((obs, old, now) -> filterDelay.playFromStart());
        regexToggle.selectedProperty().bindBidirectional(model.regexProperty());
        sentToggle.selectedProperty().bindBidirectional(model.sentProperty());
        receivedToggle.selectedProperty().bindBidirectional(model.receivedProperty());
        textToggle.selectedProperty().bindBidirectional(model.textProperty());
        binaryToggle.selectedProperty().bindBidirectional(model.binaryProperty());
        controlToggle.selectedProperty().bindBidirectional(model.controlProperty());
        followToggle.selectedProperty().bindBidirectional(model.followProperty());
        framesToggle.setId("framesViewToggle");
        followToggle.setId("followToggle");
        framesToggle.setSelected(model.viewProperty().get() == LogView.FRAMES);
        framesToggle.selectedProperty().addListener((obs, old, frames) ->
                model.viewProperty().set(frames ? LogView.FRAMES : LogView.MESSAGES));
        model.filterProblemProperty().addListener((obs, old, problem) -> {
            filterField.pseudoClassStateChanged(Styles.STATE_DANGER, !problem.isEmpty());
            filterField.setTooltip(problem.isEmpty() ? null : new Tooltip("Invalid regex: " + problem));
        });
    }

    private void build(ReadOnlyDoubleProperty logWidth, BooleanProperty relativeTime) {
        filterField.setPromptText("Filter messages");
        filterField.setId("logFilterField");
        filterField.setLeft(Icons.of(Feather.FILTER, 13));
        HBox.setHgrow(filterField, Priority.ALWAYS);
        regexToggle.setTooltip(new Tooltip("Treat the filter as a regular expression"));
        regexToggle.setMinWidth(Region.USE_PREF_SIZE);
        filterField.setMinWidth(120);
        regexToggle.getStyleClass().add(Styles.FLAT);
        sentToggle.getStyleClass().add(Styles.LEFT_PILL);
        receivedToggle.getStyleClass().add(Styles.RIGHT_PILL);
        textToggle.getStyleClass().add(Styles.LEFT_PILL);
        binaryToggle.getStyleClass().add(Styles.CENTER_PILL);
        controlToggle.getStyleClass().add(Styles.RIGHT_PILL);
        framesToggle.getStyleClass().add(Styles.BUTTON_OUTLINED);
        ToggleButton timeToggle = toggle(null, Feather.CLOCK, "Show times relative to the connection's start");
        timeToggle.selectedProperty().bindBidirectional(relativeTime);
        Button clear = new Button(null, Icons.of(Feather.X, 12));
        clear.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        clear.setTooltip(new Tooltip("Clear the filter"));
        clear.setOnAction(e -> filterField.clear());
        clear.visibleProperty().bind(filterField.textProperty().isNotEmpty());
        clear.setFocusTraversable(false);
        regexToggle.getStyleClass().add(Styles.SMALL);
        // Clear and regex live inside the field, as in an editor's find bar: the bar stays short.
        HBox inField = new HBox(2, clear, regexToggle);
        inField.setAlignment(Pos.CENTER_RIGHT);
        filterField.setRight(inField);
        HBox types = new HBox(textToggle, binaryToggle, controlToggle);
        MenuButton typesMenu = typesMenu();
        Region[] gaps = {gap(), gap(), gap(), gap()};
        getChildren().addAll(filterField, gaps[0], new HBox(sentToggle, receivedToggle), gaps[1],
                types, typesMenu, gaps[2], framesToggle, gaps[3], timeToggle, followToggle);
        setSpacing(6);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(6, 8, 6, 8));
        getStyleClass().add("log-toolbar");
        // A narrow log (a small window, a wide detail pane) folds the type toggles into a menu, so the
        // bar fits without pushing the detail pane off screen.
        types.managedProperty().bind(types.visibleProperty());
        typesMenu.managedProperty().bind(typesMenu.visibleProperty());
        typesMenu.visibleProperty().bind(types.visibleProperty().not());
        framesToggle.setGraphic(Icons.of(Feather.LAYERS, 13));
        logWidth.addListener((obs, old, width) -> {
            boolean wide = width.doubleValue() >= COMPACT_BELOW;
            types.setVisible(wide);
            for (Region gap : gaps) {
                gap.setManaged(wide);
            }
            // Narrow: the frames toggle shows its icon alone (its tooltip still says what it does).
            framesToggle.setContentDisplay(wide ? javafx.scene.control.ContentDisplay.LEFT
                    : javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
        });
        setMinWidth(0);
    }

    /** The type toggles as one menu, for a narrow log; it says how many types are shown. */
    private MenuButton typesMenu() {
        MenuButton menu = new MenuButton();
        menu.setId("logTypesMenu");
        menu.getStyleClass().addAll(Styles.SMALL, Styles.BUTTON_OUTLINED);
        menu.setMinWidth(Region.USE_PREF_SIZE);
        menu.setTooltip(new Tooltip("Which kinds of message are shown"));
        ToggleButton[] toggles = {textToggle, binaryToggle, controlToggle};
        for (ToggleButton toggle : toggles) {
            CheckMenuItem item = new CheckMenuItem(toggle.getText());
            item.selectedProperty().bindBidirectional(toggle.selectedProperty());
            menu.getItems().add(item);
        }
        Runnable label = () -> {
            long shown = java.util.Arrays.stream(toggles).filter(ToggleButton::isSelected).count();
            menu.setText(shown == toggles.length ? "Types" : "Types " + shown + "/" + toggles.length);
        };
        for (ToggleButton toggle : toggles) {
            toggle.selectedProperty().addListener(obs -> label.run());
        }
        label.run();
        return menu;
    }

    private static Region gap() {
        Region r = new Region();
        r.setMinWidth(4);
        return r;
    }

    private static ToggleButton toggle(String text, org.kordamp.ikonli.Ikon icon, String tip) {
        ToggleButton t = new ToggleButton(text, icon == null ? null : Icons.of(icon, 13));
        t.getStyleClass().add(Styles.SMALL);
        if (text == null) {
            t.getStyleClass().add(Styles.BUTTON_ICON);
        }
        t.setMinWidth(Region.USE_PREF_SIZE);
        t.setTooltip(new Tooltip(tip));
        t.setFocusTraversable(false);
        return t;
    }
}
