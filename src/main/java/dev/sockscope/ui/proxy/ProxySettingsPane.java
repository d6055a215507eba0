package dev.sockscope.ui.proxy;

import atlantafx.base.theme.Styles;
import dev.sockscope.app.ProxyPreferences;
import dev.sockscope.core.WsUrl;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The proxy's settings, editable while it is stopped and saved with the window's: listen address
 * and port (a warning when not loopback), explicit or reverse mode, hosts tunnelled untouched,
 * hosts whose certificates are accepted without being trusted, a CA file for upstream, and the
 * largest message relayed. A value that cannot be used is said next to it and not taken.
 */
final class ProxySettingsPane extends TitledPane {
    private final ObjectProperty<ProxyPreferences> preferences;
    private final Label problem = new Label();
    private final ProxyPanelModel model;
    /** What is wrong with which field (by its id, or "mode"), in the order it was found. */
    private final java.util.Map<String, String> problems = new java.util.LinkedHashMap<>();

    ProxySettingsPane(ProxyPanelModel model) {
        this.preferences = model.preferencesProperty();
        this.model = model;
        setText("Settings");
        setId("proxySettings");
        getStyleClass().add(Styles.DENSE);
        ProxyPreferences now = preferences.get();

        Label exposed = exposedWarning(now);
        HBox listen = listenRow(now, exposed);
        RadioButton explicit = new RadioButton("Explicit: apps set it as their HTTP(S) proxy");
        HBox reverse = reverseRow(now, explicit);
        TextField ignore = field("proxyIgnoreHosts", String.join(", ", now.ignoreHosts()), 28);
        ignore.setPromptText("*.bank.example, login.example");
        onEdit(ignore, text -> p -> p.withIgnoreHosts(list(text)), null);
        TextField insecure = field("proxyInsecureUpstream", String.join(", ", now.insecureUpstream()), 28);
        insecure.setPromptText("staging.example (exact names)");
        onEdit(insecure, text -> {
            List<String> hosts = list(text);
            if (hosts.stream().anyMatch(h -> h.contains("*"))) {
                throw new IllegalArgumentException("name each host: no patterns, so no one trusts everything by accident");
            }
            return p -> p.withInsecureUpstream(hosts);
        }, null);
        TextField caFile = field("proxyCaFile", now.caFile(), 28);
        caFile.setPromptText("a PEM file of CAs to trust upstream, besides the system's");
        onEdit(caFile, text -> p -> p.withCaFile(text), null);
        TextField max = field("proxyMaxMessage", String.valueOf(now.maxMessage() >> 20), 6);
        onEdit(max, text -> {
            long mib = Long.parseLong(text);
            if (mib < 1 || mib > 2047) {
                throw new IllegalArgumentException("from 1 to 2047 MiB");
            }
            return p -> p.withMaxMessage(mib << 20);
        }, null);

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        int r = 0;
        grid.addRow(r++, name("Listen on"), listen);
        grid.add(exposed, 1, r++);
        grid.addRow(r++, name("Mode"), explicit);
        grid.add(reverse, 1, r++);
        grid.addRow(r++, name("Pass through untouched"), row(ignore, muted("host globs, comma-separated: never decrypted")));
        grid.addRow(r++, name("Accept certificates of"), row(insecure, muted("checked and recorded, not required to be trusted")));
        grid.addRow(r++, name("Also trust upstream"), caFile);
        grid.addRow(r++, name("Largest message"), row(max, muted("MiB; beyond it both sides are closed with 1009")));
        problem.setId("proxySettingsProblem");
        problem.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        grid.add(problem, 1, r);
        GridPane.setHgrow(listen, Priority.ALWAYS);
        Label locked = muted("Stop the proxy to change its settings.");
        locked.visibleProperty().bind(model.stateProperty().isNotEqualTo(ProxyPanelModel.State.STOPPED));
        locked.managedProperty().bind(locked.visibleProperty());
        grid.disableProperty().bind(locked.visibleProperty());
        setContent(new javafx.scene.layout.VBox(6, locked, grid));
    }

    private HBox listenRow(ProxyPreferences now, Label exposed) {
        TextField host = field("proxyHost", now.host(), 12);
        TextField port = field("proxyPort", String.valueOf(now.port()), 6);
        onEdit(host, text -> p -> p.withHost(text), exposed);
        onEdit(port, text -> {
            int value = Integer.parseInt(text);
            if (value < 0 || value > 65535) {
                throw new IllegalArgumentException("a port is 0 to 65535");
            }
            return p -> p.withPort(value);
        }, exposed);
        preferences.addListener((obs, old, p) -> {
            if (!port.isFocused() && !port.getText().strip().equals(String.valueOf(p.port()))) {
                port.setText(String.valueOf(p.port()));
            }
        });
        Label portHint = muted("(0 picks any free port)");
        return row(host, new Label("port"), port, portHint);

    }

    private static Label exposedWarning(ProxyPreferences now) {
        Label exposed = new Label("Other machines on the network can use this proxy and see what goes through it.");
        exposed.setId("proxyExposedWarning");
        exposed.getStyleClass().addAll(Styles.WARNING, Styles.TEXT_SMALL);
        exposed.setWrapText(true);
        exposed.managedProperty().bind(exposed.visibleProperty());
        exposed.setVisible(now.exposed());
        return exposed;
    }

    /** The reverse-mode choice with its upstream URL; {@code explicit} is the other choice. */
    private HBox reverseRow(ProxyPreferences now, RadioButton explicit) {
        ToggleGroup modes = new ToggleGroup();
        explicit.setId("proxyModeExplicit");
        RadioButton reverse = new RadioButton("Reverse: apps connect to it as if it were the server at");
        reverse.setId("proxyModeReverse");
        explicit.setToggleGroup(modes);
        reverse.setToggleGroup(modes);
        (now.reverse() ? reverse : explicit).setSelected(true);
        TextField upstream = field("proxyReverseUrl", now.reverseUrl(), 22);
        upstream.setPromptText("wss://server.example:443");
        CheckBox tls = new CheckBox("apps use wss://");
        tls.setId("proxyReverseTls");
        tls.setSelected(now.reverseTls());
        upstream.disableProperty().bind(reverse.selectedProperty().not());
        tls.disableProperty().bind(reverse.selectedProperty().not());
        Runnable applyMode = () -> apply("mode", () -> {
            String url = reverse.isSelected() ? upstream.getText().strip() : "";
            if (reverse.isSelected()) {
                WsUrl.parse(url);
            }
            return p -> p.withReverse(url, reverse.isSelected() && tls.isSelected());
        });
        modes.selectedToggleProperty().addListener((obs, old, t) -> applyMode.run());
        upstream.textProperty().addListener((obs, old, t) -> applyMode.run());
        tls.selectedProperty().addListener((obs, old, t) -> applyMode.run());

        return row(reverse, upstream, tls);
    }

    /** Takes a field's value on every edit when it can be used; otherwise says why, keeping the last good one. */
    private void onEdit(TextField field, java.util.function.Function<String, UnaryOperator<ProxyPreferences>> parse,
            Label exposed) {
        field.textProperty().addListener((obs, old, text) -> {
            apply(field.getId(), () -> parse.apply(text.strip()));
            if (exposed != null) {
                exposed.setVisible(preferences.get().exposed());
            }
        });
    }

    /**
     * Takes one field's change, or keeps why it cannot be taken until that field is right again;
     * the model refuses to start while any field is wrong (the proxy would run otherwise than shown).
     */
    private void apply(String key, java.util.function.Supplier<UnaryOperator<ProxyPreferences>> change) {
        try {
            preferences.set(change.get().apply(preferences.get()));
            problems.remove(key);
        } catch (NumberFormatException e) {
            problems.put(key, "not a number: the last valid value is kept");
        } catch (RuntimeException e) {
            problems.put(key, "not taken: " + e.getMessage());
        }
        String all = String.join("; ", problems.values());
        problem.setText(all.isEmpty() ? "" : Character.toUpperCase(all.charAt(0)) + all.substring(1) + ".");
        model.settingsProblemProperty().set(all);
    }

    static List<String> list(String text) {
        return Arrays.stream(text.split("[,\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static TextField field(String id, String text, int columns) {
        TextField field = new TextField(text);
        field.setId(id);
        field.setPrefColumnCount(columns);
        field.getStyleClass().add(Styles.SMALL);
        return field;
    }

    private static Label name(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TEXT_SMALL);
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return label;
    }

    private static Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        return label;
    }

    private static HBox row(Node... nodes) {
        HBox row = new HBox(8, nodes);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }
}
