package dev.sockscope.ui.connection;

import dev.sockscope.app.TabState;
import dev.sockscope.core.ConnectRequest;
import dev.sockscope.core.Header;
import dev.sockscope.core.TrustOptions;
import dev.sockscope.core.WsUrl;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The request a tab will connect with, as the user edits it: URL, header rows, subprotocols,
 * timeout and trust (CA file, pinned fingerprints). Validates into a {@link ConnectRequest};
 * saved with the tab and restored at the next launch.
 */
public final class RequestEditorModel {
    private final StringProperty url = new SimpleStringProperty("");
    private final StringProperty urlProblem = new SimpleStringProperty("");
    private final ObservableList<HeaderRowModel> headers = FXCollections.observableArrayList();
    private final StringProperty subprotocols = new SimpleStringProperty("");
    private final IntegerProperty timeoutSeconds = new SimpleIntegerProperty(10);
    private final javafx.beans.property.BooleanProperty autoReconnect = new javafx.beans.property.SimpleBooleanProperty();
    private final javafx.beans.property.BooleanProperty offerDeflate = new javafx.beans.property.SimpleBooleanProperty();
    private final StringProperty caFile = new SimpleStringProperty("");
    private final ObservableList<String> pins = FXCollections.observableArrayList();

    public RequestEditorModel() {
        url.addListener((obs, old, now) -> urlProblem.set(""));
    }

    /**
     * The request as edited.
     *
     * @throws IllegalArgumentException naming what is wrong (the URL, a header name, a header value)
     */
    public ConnectRequest build() {
        offerScheme();
        WsUrl target = WsUrl.parse(url.get());
        List<Header> list = new ArrayList<>();
        for (HeaderRowModel row : headers) {
            if (row.enabledProperty().get() && !row.nameProperty().get().isBlank()) {
                String name = row.nameProperty().get().strip();
                if (!Header.isToken(name)) {
                    throw new IllegalArgumentException("header name '" + name + "' has characters a header name cannot have");
                }
                String managed = Header.refusalOf(name);
                if (managed != null) {
                    throw new IllegalArgumentException(managed);
                }
                String value = row.valueProperty().get().strip();
                if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                    throw new IllegalArgumentException("the value of header '" + name + "' has a line break, which would"
                            + " end the header there");
                }
                list.add(new Header(name, value));
            }
        }
        List<String> protocols = Arrays.stream(subprotocols.get().split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        Set<String> fingerprints = new LinkedHashSet<>();
        pins.forEach(p -> fingerprints.add(TrustOptions.normalizeFingerprint(p)));
        Path ca = caFile.get().isBlank() ? null : Path.of(caFile.get().strip());
        return new ConnectRequest(target, list, protocols, Duration.ofSeconds(Math.max(1, timeoutSeconds.get())),
                new TrustOptions(ca, fingerprints), offerDeflate.get());
    }

    /** Pins a certificate's SHA-256 for this tab (the explicit, visible exception for one server). */
    public void pin(String fingerprint) {
        if (!pins.contains(fingerprint)) {
            pins.add(fingerprint);
        }
    }

    public TabState.HeaderRow[] headerRows() {
        return headers.stream().filter(h -> !h.isBlank())
                .map(h -> new TabState.HeaderRow(h.nameProperty().get(), h.valueProperty().get(), h.enabledProperty().get()))
                .toArray(TabState.HeaderRow[]::new);
    }

    /** Restores what a tab was saved with. */
    public void restore(TabState saved) {
        url.set(saved.url());
        headers.setAll(saved.headers().stream().map(h -> new HeaderRowModel(h.name(), h.value(), h.enabled())).toList());
        subprotocols.set(saved.subprotocols());
        timeoutSeconds.set(saved.timeoutSeconds());
        caFile.set(saved.caFile());
        pins.setAll(saved.pins());
        autoReconnect.set(saved.autoReconnect());
        offerDeflate.set(saved.offerDeflate());
    }

    public StringProperty urlProperty() {
        return url;
    }

    /**
     * A bare address ({@code localhost:8080/ws}) is taken as ws://, as Postman takes it, and the
     * field shows the URL used; anything that would not parse even then keeps its own message.
     */
    private void offerScheme() {
        String typed = url.get() == null ? "" : url.get().strip();
        if (typed.isEmpty() || typed.contains("://") || typed.contains(" ")) {
            return;
        }
        try {
            WsUrl.parse("ws://" + typed);
            url.set("ws://" + typed);
        } catch (IllegalArgumentException notAnAddressEither) {
            // WsUrl.parse(typed) says what is wrong with it as typed
        }
    }

    public StringProperty urlProblemProperty() {
        return urlProblem;
    }

    public ObservableList<HeaderRowModel> headers() {
        return headers;
    }

    public StringProperty subprotocolsProperty() {
        return subprotocols;
    }

    /** Connect again when the connection drops (see {@link AutoReconnect}); off by default. */
    public javafx.beans.property.BooleanProperty autoReconnectProperty() {
        return autoReconnect;
    }

    /** Offer permessage-deflate, as browsers do; off by default so frames read as sent. */
    public javafx.beans.property.BooleanProperty offerDeflateProperty() {
        return offerDeflate;
    }

    public IntegerProperty timeoutSecondsProperty() {
        return timeoutSeconds;
    }

    public StringProperty caFileProperty() {
        return caFile;
    }

    public ObservableList<String> pins() {
        return pins;
    }
}
