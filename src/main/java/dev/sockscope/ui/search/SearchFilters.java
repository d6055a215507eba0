package dev.sockscope.ui.search;

import atlantafx.base.theme.Styles;
import dev.sockscope.core.Direction;
import dev.sockscope.core.Opcode;
import dev.sockscope.core.SearchQuery;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/**
 * The search tab's second row: connection URL, direction, frame type, size range and time range.
 * {@link #apply} adds them to a query; any change runs {@code onChange}.
 */
final class SearchFilters extends javafx.scene.layout.FlowPane {
    private final TextField url = field("host or URL", 150, "Only connections whose URL contains this");
    private final ToggleButton sent = toggle("Sent", Styles.LEFT_PILL);
    private final ToggleButton received = toggle("Received", Styles.RIGHT_PILL);
    private final ToggleButton text = toggle("Text", Styles.LEFT_PILL);
    private final ToggleButton binary = toggle("Binary", Styles.CENTER_PILL);
    private final ToggleButton control = toggle("Control", Styles.RIGHT_PILL);
    private final TextField minSize = field("min", 60, "Smallest payload: bytes, or with k / MB (2k, 1.5 MB)");
    private final TextField maxSize = field("max", 60, "Largest payload: bytes, or with k / MB");
    private final TextField from = field("from", 130, "From: 14:05 (today), 2026-11-21 or 2026-11-21 14:05:30");
    private final TextField to = field("to", 130, "Until (not included): same forms as From");
    private final ToggleButton changed = new ToggleButton("Changed by rules");

    SearchFilters(Runnable onChange) {
        // A flow, not a row: in a narrow window the filters wrap onto a second line instead of being cut.
        setHgap(6);
        setVgap(6);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(0, 10, 8, 10));
        getStyleClass().add("search-filters");
        for (TextField f : new TextField[] {url, minSize, maxSize, from, to}) {
            f.setOnAction(e -> onChange.run());
        }
        for (ToggleButton t : new ToggleButton[] {sent, received, text, binary, control}) {
            t.setSelected(true);
            t.selectedProperty().addListener((obs, old, now) -> onChange.run());
        }
        changed.setId("searchModified");
        changed.getStyleClass().add(Styles.SMALL);
        changed.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        changed.setTooltip(new Tooltip("Only messages the proxy's rules or you changed, dropped, duplicated, injected or"
                + " closed instead of"));
        changed.selectedProperty().addListener((obs, old, now) -> onChange.run());
        HBox size = new HBox(6, label("Size"), minSize, label("\u2013"), maxSize);
        HBox time = new HBox(6, label("Time"), from, label("\u2013"), to);
        for (HBox group : new HBox[] {size, time}) {
            group.setAlignment(Pos.CENTER_LEFT);
        }
        getChildren().addAll(url, new HBox(sent, received), new HBox(text, binary, control), size, time, changed);
    }

    /**
     * The query with these filters.
     *
     * @throws IllegalArgumentException naming the field that cannot be read
     */
    SearchQuery apply(SearchQuery query) {
        Direction direction = sent.isSelected() == received.isSelected() ? null : sent.isSelected() ? Direction.SEND
                : Direction.RECEIVE;
        if (!sent.isSelected() && !received.isSelected()) {
            throw new IllegalArgumentException("Choose Sent, Received or both");
        }
        Set<Opcode> types = EnumSet.noneOf(Opcode.class);
        if (text.isSelected()) {
            types.add(Opcode.TEXT);
        }
        if (binary.isSelected()) {
            types.addAll(Set.of(Opcode.BINARY, Opcode.CONTINUATION));
        }
        if (control.isSelected()) {
            types.addAll(Set.of(Opcode.PING, Opcode.PONG, Opcode.CLOSE));
        }
        if (types.isEmpty()) {
            throw new IllegalArgumentException("Choose at least one of Text, Binary and Control");
        }
        ZoneId zone = ZoneId.systemDefault();
        LocalDate today = LocalDate.now(zone);
        long min = FilterInputs.size(minSize.getText());
        return new SearchQuery(query.text(), query.regex(), query.wholeWord(), query.session(), url.getText(), direction,
                types.size() == Opcode.values().length ? Set.of() : types, Math.max(0, min), FilterInputs.size(maxSize.getText()),
                FilterInputs.time(from.getText(), zone, today), FilterInputs.time(to.getText(), zone, today), query.limit(), changed.isSelected());
    }

    private static TextField field(String prompt, double width, String tip) {
        TextField f = new TextField();
        f.setPromptText(prompt);
        f.setPrefWidth(width);
        f.getStyleClass().add(Styles.SMALL);
        f.setTooltip(new Tooltip(tip + ". Press Enter to search again."));
        return f;
    }

    private static ToggleButton toggle(String title, String pill) {
        ToggleButton t = new ToggleButton(title);
        t.getStyleClass().addAll(Styles.SMALL, pill);
        t.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return t;
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }
}
