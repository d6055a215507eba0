package dev.sockscope.app;

import java.util.List;

/**
 * What a connection tab restores at the next launch.
 *
 * @param subprotocols comma-separated, as typed
 * @param draftMode the composer mode: text, json, hex or base64
 */
public record TabState(String url, List<HeaderRow> headers, String subprotocols, int timeoutSeconds,
        String caFile, List<String> pins, String draft, String draftMode) {

    /** A header row of the request editor; disabled rows are kept but not sent. */
    public record HeaderRow(String name, String value, boolean enabled) {
    }

    public TabState {
        url = url == null ? "" : url;
        headers = headers == null ? List.of() : List.copyOf(headers);
        subprotocols = subprotocols == null ? "" : subprotocols;
        timeoutSeconds = timeoutSeconds <= 0 ? 10 : timeoutSeconds;
        caFile = caFile == null ? "" : caFile;
        pins = pins == null ? List.of() : List.copyOf(pins);
        draft = draft == null ? "" : draft;
        draftMode = draftMode == null ? "text" : draftMode;
    }

    public static TabState blank() {
        return new TabState("", List.of(), "", 10, "", List.of(), "", "text");
    }
}
